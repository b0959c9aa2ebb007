// The SMTP `expect:` compiler: every form of docs/protocols/smtp.md, and
// the mistakes it must report with their location instead of compiling.
#include "harness/protocols/smtp/compile_expect.hpp"

#include <gtest/gtest.h>

#include "harness/protocols/smtp/rules.hpp"
#include "tests/protocols/smtp/test_replies.hpp"

namespace conformance::protocols::smtp {
namespace {

using testing::compile;
using testing::expectation;

std::string first_error(const std::string& yaml) {
  scenario::Diagnostics diagnostics;
  auto compiled = compile(yaml, diagnostics);
  EXPECT_EQ(compiled, nullptr) << yaml;
  return diagnostics.empty() ? std::string("no error") : diagnostics.front().to_string();
}

TEST(SmtpCompileExpect, BareCodeIsOneReplyWithThatCode) {
  auto expected = expectation("250");
  ASSERT_EQ(expected.codes.size(), 1u);
  EXPECT_TRUE(expected.codes[0].matches(250));
  EXPECT_FALSE(expected.codes[0].matches(251));
}

TEST(SmtpCompileExpect, CodePatternWithWildcardsMatchesTheFamily) {
  auto expected = expectation("\"5xx\"");
  EXPECT_TRUE(expected.codes[0].matches(550));
  EXPECT_TRUE(expected.codes[0].matches(503));
  EXPECT_FALSE(expected.codes[0].matches(450));
  EXPECT_EQ(expected.describe(), "5xx");
}

TEST(SmtpCompileExpect, CodeListMeansAnyOfThem) {
  auto expected = expectation("{code: [500, 502]}");
  ASSERT_EQ(expected.codes.size(), 2u);
  EXPECT_EQ(expected.describe(), "500 or 502");
}

TEST(SmtpCompileExpect, ListOfRepliesIsAPipelinedGroupInOrder) {
  scenario::Diagnostics diagnostics;
  auto compiled = compile("[250, {code: 250}, 354]", diagnostics);
  ASSERT_TRUE(compiled) << diagnostics.front().to_string();
  ASSERT_EQ(compiled->replies().size(), 3u);
  EXPECT_TRUE(compiled->replies()[2].codes[0].matches(354));
  EXPECT_EQ(compiled->describe(), "3 replies: (1) 250; (2) 250; (3) 354");
}

TEST(SmtpCompileExpect, NoneMeansNoReplyMayArrive) {
  scenario::Diagnostics diagnostics;
  auto compiled = compile("none", diagnostics);
  ASSERT_TRUE(compiled);
  EXPECT_TRUE(compiled->expects_silence());
  EXPECT_EQ(compiled->describe(), "no reply");
}

TEST(SmtpCompileExpect, EveryKeyOfAReplyCompiles) {
  auto expected = expectation(
      "{code: 250, enhanced: \"2.1.x\", text: 'ok', line: ['^SIZE', {contains: HELP}], lines: 5,"
      " keywords: {has: [pipelining, AUTH=plain], lacks: [STARTTLS]}, capture: reply}");
  EXPECT_EQ(expected.enhanced.size(), 1u);
  EXPECT_TRUE(expected.text);
  EXPECT_EQ(expected.any_line.size(), 2u);
  EXPECT_EQ(expected.line_count, 5u);
  EXPECT_TRUE(expected.check_keywords);
  EXPECT_EQ(expected.keywords_present, (std::vector<std::string>{"PIPELINING", "AUTH=PLAIN"}));
  EXPECT_EQ(expected.keywords_absent, (std::vector<std::string>{"STARTTLS"}));
  EXPECT_EQ(expected.capture_text, "reply");
  EXPECT_EQ(expected.describe(),
            "250, enhanced 2.1.x, 5 lines, text ~ /ok/, a line ~ /^SIZE/, a line contains \"HELP\", EHLO keywords "
            "with PIPELINING AUTH=PLAIN without STARTTLS");
}

TEST(SmtpCompileExpect, CodeAndEnhancedTakeACapture) {
  auto expected = expectation("{code: {is: 2xx, capture: got}, enhanced: {is: [2.0.0, 2.1.0], capture: status}}");
  EXPECT_EQ(expected.capture_code, "got");
  EXPECT_EQ(expected.capture_enhanced, "status");
  EXPECT_EQ(expected.enhanced.size(), 2u);
}

TEST(SmtpCompileExpect, EmptyMappingIsAnyOneReply) {
  auto expected = expectation("{}");
  EXPECT_TRUE(expected.codes.empty());
  EXPECT_EQ(expected.describe(), "any reply");
}

TEST(SmtpCompileExpect, UnknownKeyIsReportedWithItsLocation) {
  EXPECT_EQ(first_error("code: 250\ncdoe: 251\n"),
            "t.yaml:2:1: unknown key 'cdoe' in expect (known: code, enhanced, text, line, lines, keywords, capture)");
}

TEST(SmtpCompileExpect, CodeOutsideTheGrammarIsAnError) {
  EXPECT_NE(first_error("650").find("'650' is not a reply code"), std::string::npos);
  EXPECT_NE(first_error("25").find("'25' is not a reply code"), std::string::npos);
  EXPECT_NE(first_error("{code: [250, 2y0]}").find("'2y0'"), std::string::npos);
}

TEST(SmtpCompileExpect, EnhancedCodeOutsideRfc3463IsAnError) {
  EXPECT_NE(first_error("{enhanced: 3.1.0}").find("'3.1.0' is not an enhanced status code"), std::string::npos);
  EXPECT_NE(first_error("{enhanced: \"2.1\"}").find("'2.1'"), std::string::npos);
  EXPECT_NE(first_error("{enhanced: 2.1000.0}").find("'2.1000.0'"), std::string::npos);
}

TEST(SmtpCompileExpect, CaptureNeedsAVariableName) {
  EXPECT_NE(first_error("{capture: \"1abc\"}").find("not a variable name"), std::string::npos);
  EXPECT_NE(first_error("{code: {is: 250}}").find("needs 'capture'"), std::string::npos);
}

TEST(SmtpCompileExpect, KeywordThatCannotBeAnEhloKeywordIsAnError) {
  EXPECT_NE(first_error("{keywords: {has: [\"PIPE LINING\"]}}").find("'PIPE LINING' is not an EHLO keyword"),
            std::string::npos);
  EXPECT_NE(first_error("{keywords: {lacks: [\"AUTH=\"]}}").find("'AUTH='"), std::string::npos);
  EXPECT_NE(first_error("{keywords: {hasnt: [X]}}").find("unknown key 'hasnt'"), std::string::npos);
}

TEST(SmtpCompileExpect, BadRegexIsALoadError) {
  EXPECT_NE(first_error("{text: \"(unclosed\"}").find("bad regex"), std::string::npos);
}

TEST(SmtpCompileExpect, EmptyListAndNullAreErrors) {
  EXPECT_NE(first_error("[]").find("write 'none'"), std::string::npos);
  EXPECT_NE(first_error("~").find("expect needs"), std::string::npos);
  EXPECT_NE(first_error("[none]").find("'none' is not a reply code"), std::string::npos);
}

TEST(SmtpRules, StateNamesAndSupportedSendForms) {
  const auto& rules = smtp_rules();
  EXPECT_EQ(rules.id(), scenario::Protocol::smtp);
  EXPECT_EQ(rules.state_names(), (std::vector<std::string>{"connected", "greeted", "refused", "ready", "auth", "mail",
                                                           "rcpt", "data", "quit", "closed"}));
  EXPECT_TRUE(rules.supports_message());
  EXPECT_TRUE(rules.supports_submission());
  EXPECT_FALSE(rules.supports_literals());
}

}  // namespace
}  // namespace conformance::protocols::smtp
