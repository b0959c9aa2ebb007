#include "harness/scenario/text_match.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace conformance::scenario {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> messages(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.to_string());
  return out;
}

// Compiles the value of `text:` in "text: <yaml>".
std::optional<TextMatch> compile(const std::string& yaml, Diagnostics& diagnostics) {
  const YAML::Node root = YAML::Load("text: " + yaml);
  return TextMatch::compile(root["text"], "f.yaml", diagnostics, "'text'");
}

TextMatch compiled(const std::string& yaml) {
  Diagnostics diagnostics;
  auto match = compile(yaml, diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << ::testing::PrintToString(messages(diagnostics));
  return match ? *match : TextMatch::equals("<did not compile>");
}

TEST(TextMatch, AStringIsARegexSearch) {
  const auto match = compiled("\"^OK\"");
  EXPECT_EQ(match.kind(), TextMatch::Kind::regex);
  EXPECT_TRUE(match.match("OK done", {}).matched);
  EXPECT_FALSE(match.match("a1 OK", {}).matched);
}

TEST(TextMatch, EachMappingFormMatchesAsNamed) {
  EXPECT_TRUE(compiled("{equals: INBOX}").match("INBOX", {}).matched);
  EXPECT_FALSE(compiled("{equals: INBOX}").match("INBOX2", {}).matched);
  EXPECT_TRUE(compiled("{contains: BOX}").match("INBOX", {}).matched);
  EXPECT_TRUE(compiled("{starts_with: IN}").match("INBOX", {}).matched);
  EXPECT_FALSE(compiled("{starts_with: BOX}").match("INBOX", {}).matched);
  EXPECT_TRUE(compiled("{regex: \"B.X\"}").match("INBOX", {}).matched);
}

TEST(TextMatch, IgnoreCaseAppliesToEveryForm) {
  EXPECT_TRUE(compiled("{equals: inbox, ignore_case: true}").match("INBOX", {}).matched);
  EXPECT_TRUE(compiled("{regex: inbox, ignore_case: true}").match("INBOX", {}).matched);
  EXPECT_FALSE(compiled("{equals: inbox}").match("INBOX", {}).matched);
}

TEST(TextMatch, NamedGroupsAreCaptured) {
  // RFC 9051 §7.3.1: "* 172 EXISTS"
  const auto outcome = compiled("\"^\\\\* (?P<exists>\\\\d+) EXISTS\"").match("* 172 EXISTS", {});
  ASSERT_TRUE(outcome.matched);
  EXPECT_EQ(outcome.captures, (std::map<std::string, std::string>{{"exists", "172"}}));
}

TEST(TextMatch, VariablesInARegexMatchTheirValueLiterally) {
  Variables variables;
  variables.set("uid", "1.2");
  const auto match = compiled("\"UID ${uid}$\"");
  EXPECT_TRUE(match.match("UID 1.2", variables).matched);
  EXPECT_FALSE(match.match("UID 1x2", variables).matched);
}

TEST(TextMatch, VariablesExpandInTheLiteralForms) {
  Variables variables;
  variables.set("mailbox", "box-1");
  EXPECT_TRUE(compiled("{equals: \"${mailbox}\"}").match("box-1", variables).matched);
}

TEST(TextMatch, DollarDollarIsALiteralDollar) {
  EXPECT_TRUE(compiled("{equals: \"a$$b\"}").match("a$b", {}).matched);
  EXPECT_TRUE(compiled("\"cost $$5\"").match("cost $5", {}).matched);
}

TEST(TextMatch, AMissingVariableIsAnErrorNotAMismatch) {
  const auto outcome = compiled("\"${nope}\"").match("x", {});
  EXPECT_FALSE(outcome.matched);
  EXPECT_EQ(outcome.error, "variable ${nope} is not set");
  EXPECT_EQ(compiled("{contains: \"${nope}\"}").match("x", {}).error, "variable ${nope} is not set");
}

TEST(TextMatch, ReportsABadRegexAtItsPosition) {
  Diagnostics diagnostics;
  EXPECT_FALSE(compile("\"(unclosed\"", diagnostics).has_value());
  EXPECT_THAT(messages(diagnostics), ElementsAre("f.yaml:1:7: 'text': bad regex: missing ): (unclosed"));
}

TEST(TextMatch, ChecksARegexWithVariablesAtLoadTime) {
  Diagnostics diagnostics;
  EXPECT_FALSE(compile("{regex: \"${a}(\"}", diagnostics).has_value());
  EXPECT_THAT(messages(diagnostics), ElementsAre("f.yaml:1:15: 'text': bad regex: missing ): x("));
}

TEST(TextMatch, ReportsAnUnterminatedVariable) {
  Diagnostics diagnostics;
  EXPECT_FALSE(compile("\"${abc\"", diagnostics).has_value());
  EXPECT_THAT(messages(diagnostics), ElementsAre("f.yaml:1:7: 'text': unterminated ${"));
}

TEST(TextMatch, NeedsExactlyOneForm) {
  Diagnostics diagnostics;
  EXPECT_FALSE(compile("{equals: a, contains: b}", diagnostics).has_value());
  EXPECT_FALSE(compile("{ignore_case: true}", diagnostics).has_value());
  EXPECT_THAT(messages(diagnostics),
              ElementsAre("f.yaml:1:7: 'text' needs exactly one of regex, equals, contains, starts_with",
                          "f.yaml:1:7: 'text' needs exactly one of regex, equals, contains, starts_with"));
}

TEST(TextMatch, GivesNoMatchAfterReportingAnError) {
  Diagnostics diagnostics;
  EXPECT_FALSE(compile("{regex: [a]}", diagnostics).has_value());
  EXPECT_FALSE(compile("{equals: a, ignore_case: perhaps}", diagnostics).has_value());
  EXPECT_FALSE(compile("{equals: a, eqauls: b}", diagnostics).has_value());
  EXPECT_EQ(diagnostics.size(), 3u);
}

TEST(TextMatch, RejectsAListOrNull) {
  Diagnostics diagnostics;
  EXPECT_FALSE(compile("[a]", diagnostics).has_value());
  EXPECT_THAT(messages(diagnostics), ElementsAre("f.yaml:1:7: 'text' must be a regex string or a mapping, not a list"));
}

TEST(TextMatch, DescribesItself) {
  EXPECT_EQ(compiled("\"^OK\"").describe(), "~ /^OK/");
  EXPECT_EQ(compiled("{regex: ok, ignore_case: true}").describe(), "~ /ok/i");
  EXPECT_EQ(compiled("{equals: INBOX}").describe(), "= \"INBOX\"");
  EXPECT_EQ(compiled("{contains: x, ignore_case: true}").describe(), "contains \"x\" (any case)");
  EXPECT_EQ(compiled("{starts_with: x}").describe(), "starts with \"x\"");
}

TEST(TextMatch, CodeCanBuildMatchesWithoutYaml) {
  auto pattern = Pattern::compile("^2");
  ASSERT_TRUE(pattern.ok());
  EXPECT_TRUE(TextMatch::regex(*pattern).match("250 OK", {}).matched);
  EXPECT_TRUE(TextMatch::equals("ok", true).match("OK", {}).matched);
}

}  // namespace
}  // namespace conformance::scenario
