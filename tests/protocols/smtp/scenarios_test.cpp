// The SMTP scenarios under scenarios/smtp load without a diagnostic and
// keep the suite's conventions: ids under "smtp.", an exact RFC clause, and
// one of the suite-wide tags.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "harness/protocols/smtp/rules.hpp"
#include "harness/scenario/loader.hpp"

namespace conformance::protocols::smtp {
namespace {

scenario::LoadResult load_smtp_scenarios() {
  const scenario::RulesLookup rules = [](scenario::Protocol protocol) -> const scenario::ProtocolRules* {
    return protocol == scenario::Protocol::smtp ? &smtp_rules() : nullptr;
  };
  return scenario::load_paths({std::string(CONFORMANCE_SOURCE_DIR) + "/scenarios/smtp"}, rules);
}

TEST(SmtpScenarios, AllLoadWithoutDiagnostics) {
  auto loaded = load_smtp_scenarios();
  for (const auto& diagnostic : loaded.diagnostics) ADD_FAILURE() << diagnostic.to_string();
  EXPECT_GE(loaded.scenarios.size(), 24u);
}

TEST(SmtpScenarios, EachCitesAnRfcSectionAndCarriesASuiteTag) {
  const std::regex citation(R"(RFC [0-9]+ §[0-9]+(\.[0-9]+)*)");
  for (const auto& loaded : load_smtp_scenarios().scenarios) {
    EXPECT_EQ(loaded.protocol, scenario::Protocol::smtp) << loaded.file;
    EXPECT_EQ(loaded.id.rfind("smtp.", 0), 0u) << loaded.id;
    EXPECT_FALSE(loaded.rfc.empty()) << loaded.id;
    for (const auto& rfc : loaded.rfc) EXPECT_TRUE(std::regex_match(rfc, citation)) << loaded.id << ": " << rfc;
    const bool tagged = std::any_of(loaded.tags.begin(), loaded.tags.end(), [](const std::string& tag) {
      return tag == "core" || tag == "tls" || tag == "auth" || tag == "security";
    });
    EXPECT_TRUE(tagged) << loaded.id;
  }
}

}  // namespace
}  // namespace conformance::protocols::smtp
