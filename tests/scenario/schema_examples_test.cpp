// The examples the JSON Schema is tested with (validate_schema.py) mean the
// same to the loader: the valid ones load, the invalid ones do not. So the
// schema editors use and `conformance validate` do not drift apart.
#include "fake_rules.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

namespace conformance::scenario {
namespace {

using testing::messages;

// Expectations are each protocol's business; here any value will do.
class AnyExpectRules : public testing::FakeRules {
 public:
  using FakeRules::FakeRules;
  std::shared_ptr<const ExpectSpec> compile_expect(const YAML::Node&, const std::string&, Diagnostics&) const override {
    return std::make_shared<testing::FakeExpect>();
  }
};

const ProtocolRules* any_expect_rules(Protocol protocol) {
  static const AnyExpectRules smtp(Protocol::smtp), pop3(Protocol::pop3), imap(Protocol::imap);
  return protocol == Protocol::smtp ? &smtp : protocol == Protocol::pop3 ? &pop3 : &imap;
}

const std::string kExamples = std::string(CONFORMANCE_SOURCE_DIR) + "/tests/scenario/schema_examples";

// client_*.yaml need the engine's reader of the fakes' sections; they are
// loaded in tests/engine/client_scenario_test.cpp.
bool is_client_example(const std::filesystem::path& path) { return path.filename().string().starts_with("client_"); }

TEST(SchemaExamples, TheValidOnesLoad) {
  std::size_t loaded = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kExamples + "/valid")) {
    if (is_client_example(entry.path())) continue;
    auto result = load_scenario_file(entry.path().string(), any_expect_rules);
    EXPECT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
    loaded += result.scenarios.size();
  }
  EXPECT_EQ(loaded, 3u);
}

TEST(SchemaExamples, TheInvalidOnesDoNot) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kExamples + "/invalid")) {
    if (is_client_example(entry.path())) continue;
    ++files;
    auto result = load_scenario_file(entry.path().string(), any_expect_rules);
    EXPECT_FALSE(result.ok()) << entry.path() << " loads";
  }
  EXPECT_GE(files, 15u);
}

}  // namespace
}  // namespace conformance::scenario
