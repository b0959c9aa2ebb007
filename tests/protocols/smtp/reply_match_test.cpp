// Matching decoded replies against expectations, on replies from the RFC
// examples (RFC 5321 Appendix D.1, RFC 2034 §6, RFC 4954 §4.1 and §6).
#include "harness/protocols/smtp/reply_match.hpp"

#include <gtest/gtest.h>

#include "tests/protocols/smtp/test_replies.hpp"

namespace conformance::protocols::smtp {
namespace {

using testing::expectation;
using testing::reply;

// RFC 5321 Appendix D.1.
const std::string kEhloReply = "250-foo.com greets bar.com\r\n250-8BITMIME\r\n250-SIZE\r\n250-DSN\r\n250 HELP\r\n";

ReplyMatch match(const std::string& yaml, const std::string& wire, const scenario::Variables& variables = {}) {
  return match_reply(expectation(yaml), reply(wire), variables);
}

TEST(SmtpReplyMatch, MatchingCodePasses) { EXPECT_TRUE(match("250", "250 OK\r\n").ok); }

TEST(SmtpReplyMatch, OtherCodeFailsSayingWhatCame) {
  auto result = match("250", "550 5.1.1 Mailbox \"nosuchuser\" does not exist\r\n");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.reason, "expected 250, got 550 5.1.1 Mailbox \"nosuchuser\" does not exist");
  EXPECT_EQ(result.expected, "250");
}

TEST(SmtpReplyMatch, PatternListAcceptsAnyMember) {
  EXPECT_TRUE(match("{code: [252, 5xx]}", "252 2.0.0 cannot verify\r\n").ok);
  EXPECT_TRUE(match("{code: [252, 5xx]}", "550 5.1.1 unknown\r\n").ok);
  auto result = match("{code: [252, 5xx]}", "250 2.0.0 <user@example.org>\r\n");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.expected, "252 or 5xx");
}

TEST(SmtpReplyMatch, EnhancedCodeOfRfc2034Matches) {
  EXPECT_TRUE(match("{code: 250, enhanced: 2.1.0}", "250 2.1.0 Originator <ned@ymir.claremont.edu> ok\r\n").ok);
  EXPECT_TRUE(match("{enhanced: 2.1.x}", "250 2.1.5 Recipient <mrose@dbc.mtview.ca.us> ok\r\n").ok);
  auto wrong = match("{enhanced: 2.1.0}", "250 2.1.5 Recipient ok\r\n");
  EXPECT_FALSE(wrong.ok);
  EXPECT_EQ(wrong.reason, "expected enhanced status 2.1.0, got 2.1.5: 250 2.1.5 Recipient ok");
}

TEST(SmtpReplyMatch, MissingEnhancedCodeFails) {
  auto result = match("{enhanced: 5.7.8}", "535 Authentication credentials invalid\r\n");
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.reason.find("the reply has none"), std::string::npos);
}

TEST(SmtpReplyMatch, TextIsMatchedAgainstAllLinesJoined) {
  const std::string multi = "551-5.7.1 Forwarding to remote hosts disabled\r\n551 5.7.1 Select another host\r\n";
  EXPECT_TRUE(match("{text: 'disabled\\n5\\.7\\.1 Select'}", multi).ok);
  EXPECT_FALSE(match("{text: '^Select'}", multi).ok);
}

TEST(SmtpReplyMatch, LineConditionNeedsOneMatchingLine) {
  EXPECT_TRUE(match("{line: '^SIZE$'}", kEhloReply).ok);
  auto result = match("{line: '^PIPELINING'}", kEhloReply);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.reason, "no line of the reply matches ~ /^PIPELINING/: 250 foo.com greets bar.com ...");
}

TEST(SmtpReplyMatch, LineCountIsExact) {
  EXPECT_TRUE(match("{lines: 5}", kEhloReply).ok);
  EXPECT_FALSE(match("{lines: 4}", kEhloReply).ok);
}

TEST(SmtpReplyMatch, KeywordsPresentAndAbsent) {
  EXPECT_TRUE(match("{keywords: {has: [8BITMIME, size, DSN], lacks: [STARTTLS, PIPELINING]}}", kEhloReply).ok);
  auto missing = match("{keywords: {has: [PIPELINING]}}", kEhloReply);
  EXPECT_FALSE(missing.ok);
  EXPECT_EQ(missing.reason, "the EHLO reply does not advertise PIPELINING");
  auto present = match("{keywords: {lacks: [DSN]}}", kEhloReply);
  EXPECT_FALSE(present.ok);
  EXPECT_EQ(present.reason, "the EHLO reply advertises DSN");
}

TEST(SmtpReplyMatch, AuthMechanismsBecomeAuthEqualsNames) {
  const std::string ehlo = "250-smtp.example.com\r\n250-AUTH LOGIN plain\r\n250 AUTH=LOGIN CRAM-MD5\r\n";
  EXPECT_TRUE(match("{keywords: {has: [AUTH, AUTH=PLAIN, AUTH=LOGIN, AUTH=CRAM-MD5]}}", ehlo).ok);
  EXPECT_FALSE(match("{keywords: {has: [AUTH=SCRAM-SHA-256]}}", ehlo).ok);
}

TEST(SmtpReplyMatch, KeywordsOnAReplyThatIsNotAnEhloReplyFail) {
  auto result = match("{keywords: {has: [SIZE]}}", "250-mx.example.org\r\n250 SIZE  100\r\n");
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.reason.find("not a well-formed EHLO reply"), std::string::npos);
}

TEST(SmtpReplyMatch, CapturesCodeEnhancedTextAndNamedGroups) {
  auto result = match(
      "{code: {is: 2xx, capture: c}, enhanced: {is: 2.x.x, capture: e}, capture: t,"
      " text: 'queued as (?P<queue_id>[A-F0-9]+)'}",
      "250 2.0.0 Ok: queued as 4F2A1B\r\n");
  ASSERT_TRUE(result.ok) << result.reason;
  EXPECT_EQ(result.captures["c"], "250");
  EXPECT_EQ(result.captures["e"], "2.0.0");
  EXPECT_EQ(result.captures["t"], "2.0.0 Ok: queued as 4F2A1B");
  EXPECT_EQ(result.captures["queue_id"], "4F2A1B");
}

TEST(SmtpReplyMatch, SizeLimitCapturedFromALine) {
  auto result =
      match("{line: '^SIZE (?P<size_limit>[0-9]+)$'}", "250-mail.example\r\n250-SIZE 10240000\r\n250 8BITMIME\r\n");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.captures["size_limit"], "10240000");
}

TEST(SmtpReplyMatch, VariablesInARegexMatchTheirValueLiterally) {
  scenario::Variables variables;
  variables.set("address", "a.b@example.org");
  EXPECT_TRUE(match("{text: '<${address}>'}", "250 2.1.0 <a.b@example.org> ok\r\n", variables).ok);
  EXPECT_FALSE(match("{text: '<${address}>'}", "250 2.1.0 <aXb@example.org> ok\r\n", variables).ok);
  auto unset = match("{text: '${nothing}'}", "250 ok\r\n", variables);
  EXPECT_FALSE(unset.ok);
  EXPECT_NE(unset.reason.find("${nothing}"), std::string::npos);
}

TEST(SmtpReplyMatch, CodeOnlyReplyHasEmptyText) { EXPECT_TRUE(match("{code: 250, text: {equals: ''}}", "250\r\n").ok); }

}  // namespace
}  // namespace conformance::protocols::smtp
