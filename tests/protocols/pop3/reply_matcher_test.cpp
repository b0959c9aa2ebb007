// Matching decoded replies against expectations, with the RFC 1939 §5-7
// and RFC 2449 §5 examples as replies.
#include "harness/protocols/pop3/reply_matcher.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "harness/codec/pop3/response.hpp"
#include "harness/protocols/pop3/expect_compiler.hpp"

namespace conformance::protocols::pop3 {
namespace {

namespace codec = conformance::codec::pop3;

ReplyExpectation expectation(const std::string& yaml) {
  scenario::Diagnostics diagnostics;
  auto replies = compile_expectation(YAML::Load(yaml), "t.yaml", diagnostics);
  if (!replies) throw std::runtime_error(diagnostics.empty() ? "no" : diagnostics.front().to_string());
  return replies->front();
}

MatchResult match(const std::string& yaml, const codec::Response& response, const scenario::Variables& variables = {}) {
  return match_reply(expectation(yaml), response, variables);
}

// RFC 1939 §5, LIST example.
codec::Response list_reply() { return codec::ok_multi_line("2 messages (320 octets)", {"1 120", "2 200"}); }
// RFC 1939 §7, UIDL example.
codec::Response uidl_reply() {
  return codec::ok_multi_line("", {"1 whqtswO00WBw418f9t5JxYwZ", "2 QhdPYR:00WBw1Ph7x7"});
}
// RFC 2449 §5, CAPA example.
codec::Response capa_reply() {
  return codec::ok_multi_line("Capability list follows",
                              {"TOP", "USER", "SASL CRAM-MD5 KERBEROS_V4", "RESP-CODES", "LOGIN-DELAY 900",
                               "PIPELINING", "EXPIRE 60", "UIDL", "IMPLEMENTATION Shlemazle-Plotz-v302"});
}
codec::Response message_reply() {
  return codec::ok_multi_line("message follows",
                              {"Subject: Dots", "From: a@example.test", "", ".leading dot", "second line"});
}

TEST(Pop3ReplyMatcher, StatusMismatchSaysWhatCame) {
  auto result = match("+OK", codec::err("no such message, only 2 messages in maildrop"));
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.reason, "expected +OK, got -ERR no such message, only 2 messages in maildrop");
}

TEST(Pop3ReplyMatcher, NoStatusAcceptsAny) {
  EXPECT_TRUE(match("{}", codec::err("x")).ok);
  EXPECT_TRUE(match("{}", codec::ok("x")).ok);
}

TEST(Pop3ReplyMatcher, ResponseCodeMatchesHierarchically) {
  const auto reply = codec::err("try later", codec::response_code("SYS/TEMP/DISK"));
  EXPECT_TRUE(match("{status: -ERR, code: SYS/TEMP}", reply).ok);
  EXPECT_TRUE(match("{status: -ERR, code: sys/temp}", reply).ok);
  auto wrong = match("{code: AUTH}", reply);
  EXPECT_FALSE(wrong.ok);
  EXPECT_EQ(wrong.reason, "expected response code [AUTH], got [SYS/TEMP/DISK]");
  auto none = match("{code: AUTH}", codec::err("bad password"));
  EXPECT_FALSE(none.ok);
  EXPECT_EQ(none.reason, "expected response code [AUTH], got -ERR bad password");
}

TEST(Pop3ReplyMatcher, TextIsMatchedAfterTheCode) {
  const auto reply = codec::err("Authentication failed.", codec::response_code("AUTH"));
  EXPECT_TRUE(match("text: \"^Authentication\"", reply).ok);
  auto result = match("text: {equals: nope}", reply);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.reason, "the reply text 'Authentication failed.' does not match = \"nope\"");
}

TEST(Pop3ReplyMatcher, TextConditionFormsMatchLiterally) {
  const auto reply = codec::ok("Logged in as a.b (1 message)");
  EXPECT_TRUE(match("text: {contains: \"a.b (1\"}", reply).ok);
  EXPECT_FALSE(match("text: {contains: \"aXb\"}", codec::ok("a.b")).ok);
  EXPECT_FALSE(match("text: {contains: \"a.b\"}", codec::ok("aXb")).ok);
  EXPECT_TRUE(match("text: {starts_with: Logged}", reply).ok);
  EXPECT_FALSE(match("text: {starts_with: in}", reply).ok);
  EXPECT_TRUE(match("text: {starts_with: LOGGED, ignore_case: true}", reply).ok);
  EXPECT_TRUE(match("text: {regex: \"^logged\", ignore_case: true}", reply).ok);
  EXPECT_FALSE(match("text: {equals: Logged}", reply).ok);
  EXPECT_TRUE(match("text: {equals: \"logged IN AS A.B (1 MESSAGE)\", ignore_case: true}", reply).ok);
  scenario::Variables variables;
  variables.set("who", "a.b");
  EXPECT_TRUE(match("text: {contains: \"as ${who} (\"}", reply, variables).ok);
  variables.set("who", "aXb");
  EXPECT_FALSE(match("text: {contains: \"as ${who} (\"}", reply, variables).ok);
  EXPECT_TRUE(match("text: {contains: \"costs $5\"}", codec::ok("it costs $5")).ok);
}

TEST(Pop3ReplyMatcher, NamedGroupsAndCaptureStoreValues) {
  auto result = match("text: {regex: \"(?P<count>[0-9]+) messages\", capture: whole}", list_reply());
  ASSERT_TRUE(result.ok) << result.reason;
  EXPECT_EQ(result.captures.at("count"), "2");
  EXPECT_EQ(result.captures.at("whole"), "2 messages (320 octets)");
}

TEST(Pop3ReplyMatcher, VariablesInConditionsAreExpanded) {
  scenario::Variables variables;
  variables.set("n", "2");
  EXPECT_TRUE(match("stat: {count: \"${n}\"}", codec::ok("2 320"), variables).ok);
  auto unset = match("stat: {count: \"${m}\"}", codec::ok("2 320"), variables);
  EXPECT_FALSE(unset.ok);
  EXPECT_EQ(unset.reason, "message count: variable ${m} is not set");
}

TEST(Pop3ReplyMatcher, StatChecksCountAndSize) {
  auto result = match("stat: {count: 2, size: octets}", codec::ok("2 320"));  // RFC 1939 §5
  ASSERT_TRUE(result.ok) << result.reason;
  EXPECT_EQ(result.captures.at("octets"), "320");
  auto wrong = match("stat: {count: 3}", codec::ok("2 320"));
  EXPECT_FALSE(wrong.ok);
  EXPECT_EQ(wrong.reason, "message count: expected 3, got 2");
  auto bounded = match("stat: {count: {min: 3}}", codec::ok("2 320"));
  EXPECT_EQ(bounded.reason, "message count: expected at least 3, got 2");
}

TEST(Pop3ReplyMatcher, StatThatIsNoDropListingFails) {
  auto result = match("stat: {count: 2}", codec::ok("maildrop has 2 messages"));
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.reason.find("is not \"count size\" (RFC 1939 §5)"), std::string::npos);
}

TEST(Pop3ReplyMatcher, ListCountsAndPicksAMessage) {
  auto result = match("list: {count: 2, message: 2, size: size2}", list_reply());
  ASSERT_TRUE(result.ok) << result.reason;
  EXPECT_EQ(result.captures.at("size2"), "200");
  auto missing = match("list: {message: 3}", list_reply());
  EXPECT_FALSE(missing.ok);
  EXPECT_EQ(missing.reason, "LIST has no listing for message 3");
  auto ambiguous = match("list: {size: 120}", list_reply());
  EXPECT_FALSE(ambiguous.ok);
  EXPECT_NE(ambiguous.reason.find("say which with 'message:'"), std::string::npos);
}

TEST(Pop3ReplyMatcher, SingleLineListIsOneListing) {
  auto result = match("list: {message: 2, size: 200}", codec::ok("2 200"));  // RFC 1939 §5, "LIST 2"
  EXPECT_TRUE(result.ok) << result.reason;
  EXPECT_FALSE(match("list: {message: 1}", codec::ok("2 200")).ok);
}

TEST(Pop3ReplyMatcher, UidlCapturesAndComparesIds) {
  auto result = match("uidl: {count: 2, message: 2, uid: {capture: uid2}}", uidl_reply());
  ASSERT_TRUE(result.ok) << result.reason;
  EXPECT_EQ(result.captures.at("uid2"), "QhdPYR:00WBw1Ph7x7");
  scenario::Variables variables;
  variables.set("uid2", "QhdPYR:00WBw1Ph7x7");
  EXPECT_TRUE(match("uidl: {uid: {equals: \"${uid2}\"}}", codec::ok("2 QhdPYR:00WBw1Ph7x7"), variables).ok);
}

TEST(Pop3ReplyMatcher, UidlWithDuplicateIdsFails) {
  auto result = match("uidl: {count: 2}", codec::ok_multi_line("", {"1 same", "2 same"}));
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.reason, "UIDL gives messages 1 and 2 the same unique-id 'same' (RFC 1939 §7)");
}

TEST(Pop3ReplyMatcher, UidlWithAnIllegalIdFails) {
  auto result = match("uidl: {count: 1}", codec::ok_multi_line("", {"1 has space"}));
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.reason.find("not unique-id listings"), std::string::npos);
}

TEST(Pop3ReplyMatcher, CapaHasAndLacks) {
  EXPECT_TRUE(
      match("capa: {has: [top, UIDL, \"SASL CRAM-MD5\", \"SASL=KERBEROS_V4\"], lacks: [STLS]}", capa_reply()).ok);
  auto missing = match("capa: {has: [STLS]}", capa_reply());
  EXPECT_FALSE(missing.ok);
  EXPECT_EQ(missing.reason, "CAPA does not advertise 'STLS' (9 capabilities listed)");
  auto present = match("capa: {lacks: [\"SASL=CRAM-MD5\"]}", capa_reply());
  EXPECT_FALSE(present.ok);
  EXPECT_EQ(present.reason, "CAPA advertises 'SASL=CRAM-MD5'");
}

TEST(Pop3ReplyMatcher, BodyChecksNeedAMultiLineReply) {
  auto result = match("capa: {has: [TOP]}", codec::ok("single"));
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.reason, "'capa' needs a multi-line reply, got the single line +OK single");
}

TEST(Pop3ReplyMatcher, LinesCountAnyEachNone) {
  EXPECT_TRUE(match("lines: {count: 9, any: \"^PIPELINING$\", each: \"^[A-Z]\", none: \"^STLS\"}", capa_reply()).ok);
  auto any = match("lines: {any: \"^STLS$\"}", capa_reply());
  EXPECT_EQ(any.reason, "no line of the reply matches ~ /^STLS$/");
  auto each = match("lines: {each: \"^[A-Z]+$\"}", capa_reply());
  EXPECT_EQ(each.reason, "line 3 'SASL CRAM-MD5 KERBEROS_V4' does not match ~ /^[A-Z]+$/");
  auto none = match("lines: {none: \"^USER$\"}", capa_reply());
  EXPECT_EQ(none.reason, "line 2 'USER' matches ~ /^USER$/, which no line may");
  auto count = match("lines: {max: 3}", capa_reply());
  EXPECT_EQ(count.reason, "number of lines: expected at most 3, got 9");
}

TEST(Pop3ReplyMatcher, MessageHeadersBodyAndSize) {
  auto result = match(
      "message: {header: {subject: {equals: Dots}}, body: \"^\\\\.leading dot\\r\\nsecond line\\r\\n$\", "
      "body_lines: 2, size: 66}",
      message_reply());
  EXPECT_TRUE(result.ok) << result.reason;
  auto missing = match("message: {header: {Date: \".\"}}", message_reply());
  EXPECT_EQ(missing.reason, "the message has no Date header field");
  auto size = match("message: {size: 65}", message_reply());
  EXPECT_EQ(size.reason, "message size in octets: expected 65, got 66");
}

TEST(Pop3ReplyMatcher, TopWithZeroLinesHasAnEmptyBody) {
  // RFC 1939 §7: TOP sends the headers, the blank line, then n body lines.
  const auto top = codec::ok_multi_line("", {"Subject: Dots", ""});
  EXPECT_TRUE(match("message: {header: {Subject: Dots}, body: {equals: \"\"}, body_lines: 0}", top).ok);
  EXPECT_FALSE(match("message: {body_lines: 0}", message_reply()).ok);
}

TEST(Pop3ReplyMatcher, MultilineTrueRejectsASingleLine) {
  auto result = match("multiline: true", codec::ok("one line"));
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.reason, "expected a multi-line reply, got the single line +OK one line");
}

TEST(Pop3ReplyMatcher, OneOfPassesOnAnyAlternative) {
  const std::string yaml = "one_of: [{status: +OK}, {status: -ERR, code: IN-USE}]";
  EXPECT_TRUE(match(yaml, codec::ok("maildrop locked")).ok);
  EXPECT_TRUE(match(yaml, codec::err("locked", codec::response_code("IN-USE"))).ok);
  auto neither = match(yaml, codec::err("no"));
  EXPECT_FALSE(neither.ok);
  EXPECT_EQ(neither.reason,
            "no alternative of one_of matches (1: expected +OK, got -ERR no; 2: expected response code [IN-USE], got "
            "-ERR no)");
}

TEST(Pop3ReplyMatcher, FailedMatchCapturesNothing) {
  auto result = match("{text: {capture: t}, stat: {count: 9}}", codec::ok("2 320"));
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(result.captures.empty());
}

TEST(Pop3ReplyMatcher, ControlBytesInReasonsAreEscaped) {
  auto result = match("+OK", codec::err("bad\x01\x7f"));
  EXPECT_EQ(result.reason, "expected +OK, got -ERR bad\\x01\\x7F");
}

}  // namespace
}  // namespace conformance::protocols::pop3
