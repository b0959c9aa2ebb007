// The POP3 conversation state machine: what each reply answers, how the
// state moves (RFC 1939 §3-6), and the replies flagged as impossible.
#include "harness/protocols/pop3/conversation.hpp"

#include <gtest/gtest.h>

#include "harness/codec/pop3/response.hpp"

namespace conformance::protocols::pop3 {
namespace {

namespace codec = conformance::codec::pop3;
using codec::ResponseShape;
using codec::Verb;

codec::DecodedResponse decoded(codec::Response response) {
  return codec::DecodedResponse{std::move(response), {}, false};
}

// A conversation past a positive greeting.
Conversation greeted() {
  Conversation conversation;
  conversation.connected();
  EXPECT_TRUE(conversation.received(decoded(codec::ok("POP3 server ready <1896.697170952@dbc.mtview.ca.us>"))).empty());
  return conversation;
}

// Sends `line` and answers it with `reply`; returns the violations.
std::vector<Violation> exchange(Conversation& conversation, std::string_view line, codec::Response reply) {
  conversation.client_sent(std::string(line) + "\r\n");
  return conversation.received(decoded(std::move(reply)));
}

Conversation logged_in() {
  Conversation conversation = greeted();
  EXPECT_TRUE(exchange(conversation, "USER mrose", codec::ok("mrose is a real hoopy frood")).empty());
  EXPECT_TRUE(exchange(conversation, "PASS secret", codec::ok("mrose's maildrop has 2 messages (320 octets)")).empty());
  return conversation;
}

TEST(Pop3Conversation, GreetingIsAwaitedFirstAndKeptForApop) {
  Conversation conversation;
  conversation.connected();
  ASSERT_NE(conversation.next(), nullptr);
  EXPECT_EQ(conversation.next()->kind, Awaited::Kind::greeting);
  EXPECT_EQ(conversation.next()->shape, ResponseShape::single_line);
  conversation.received(decoded(codec::ok("ready <1.2@host>")));
  EXPECT_EQ(conversation.greeting_text(), "ready <1.2@host>");
  EXPECT_EQ(conversation.next(), nullptr);
  EXPECT_EQ(conversation.state(), State::authorization);
}

TEST(Pop3Conversation, EachCommandLineAwaitsAReplyOfItsShape) {
  Conversation conversation = greeted();
  conversation.client_sent("STAT\r\nLIST\r\nLIST 1\r\nRETR 1\r\nTOP 1 0\r\nUIDL\r\nUIDL 2\r\nCAPA\r\nXTND x\r\n");
  const std::vector<std::pair<std::string, ResponseShape>> expected = {
      {"STAT", ResponseShape::single_line},           {"LIST", ResponseShape::multi_line_listing},
      {"LIST 1", ResponseShape::single_line},         {"RETR 1", ResponseShape::multi_line_message},
      {"TOP 1 0", ResponseShape::multi_line_message}, {"UIDL", ResponseShape::multi_line_listing},
      {"UIDL 2", ResponseShape::single_line},         {"CAPA", ResponseShape::multi_line_listing},
      {"XTND x", ResponseShape::single_line}};
  ASSERT_EQ(conversation.awaited_count(), expected.size());
  for (const auto& [label, shape] : expected) {
    ASSERT_NE(conversation.next(), nullptr);
    EXPECT_EQ(conversation.next()->label, label);
    EXPECT_EQ(conversation.next()->shape, shape) << label;
    conversation.received(decoded(codec::err("not now")));
  }
}

TEST(Pop3Conversation, PartialLinesWaitForTheirEnd) {
  Conversation conversation = greeted();
  conversation.client_sent("LI");
  EXPECT_EQ(conversation.awaited_count(), 0u);
  EXPECT_EQ(conversation.unterminated(), "LI");
  conversation.client_sent("ST\r");
  EXPECT_EQ(conversation.awaited_count(), 0u);
  conversation.client_sent("\nNOOP\n");
  ASSERT_EQ(conversation.awaited_count(), 2u);
  EXPECT_EQ(conversation.next()->shape, ResponseShape::multi_line_listing);
}

TEST(Pop3Conversation, UserPassEntersTransaction) {
  Conversation conversation = logged_in();
  EXPECT_EQ(conversation.state(), State::transaction);
}

TEST(Pop3Conversation, FailedPassStaysInAuthorization) {
  Conversation conversation = greeted();
  exchange(conversation, "USER mrose", codec::ok());
  EXPECT_TRUE(exchange(conversation, "PASS wrong", codec::err("invalid password")).empty());
  EXPECT_EQ(conversation.state(), State::authorization);
}

TEST(Pop3Conversation, PassLabelHidesThePassword) {
  Conversation conversation = greeted();
  conversation.client_sent("PASS hunter2\r\nAPOP mrose c4c9334bac560ecc979e58001b3e22fb\r\nAUTH PLAIN AGEAYg==\r\n");
  EXPECT_EQ(conversation.next()->label, "PASS");
  conversation.received(decoded(codec::err()));
  EXPECT_EQ(conversation.next()->label, "APOP mrose");
  conversation.received(decoded(codec::err()));
  EXPECT_EQ(conversation.next()->label, "AUTH PLAIN");
}

TEST(Pop3Conversation, QuitInTransactionEntersUpdateThenClosed) {
  Conversation conversation = logged_in();
  EXPECT_TRUE(exchange(conversation, "QUIT", codec::ok("dewey POP3 server signing off (maildrop empty)")).empty());
  EXPECT_EQ(conversation.state(), State::update);
  conversation.closed();
  EXPECT_EQ(conversation.state(), State::closed);
}

TEST(Pop3Conversation, QuitInAuthorizationCloses) {
  Conversation conversation = greeted();
  exchange(conversation, "QUIT", codec::ok("dewey POP3 server signing off"));
  EXPECT_EQ(conversation.state(), State::closed);
}

TEST(Pop3Conversation, TransactionCommandAnsweredOkBeforeLoginIsFlagged) {
  Conversation conversation = greeted();
  auto violations = exchange(conversation, "STAT", codec::ok("2 320"));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rfc, "RFC 1939 §3");
  EXPECT_EQ(violations[0].message, "+OK to STAT in the AUTHORIZATION state, where a server must answer it with -ERR");
  EXPECT_TRUE(exchange(conversation, "RETR 1", codec::err("not logged in")).empty());
}

TEST(Pop3Conversation, AuthorizationCommandAnsweredOkInTransactionIsFlagged) {
  Conversation conversation = logged_in();
  auto violations = exchange(conversation, "USER other", codec::ok());
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_NE(violations[0].message.find("+OK to USER other in the TRANSACTION state"), std::string::npos);
}

TEST(Pop3Conversation, UnknownCommandIsNotJudged) {
  Conversation conversation = greeted();
  EXPECT_TRUE(exchange(conversation, "XTND XMIT", codec::ok()).empty());
}

TEST(Pop3Conversation, PassWithoutSuccessfulUserAnsweredOkIsFlagged) {
  Conversation conversation = greeted();
  exchange(conversation, "USER nobody", codec::err("no such user"));
  auto violations = exchange(conversation, "PASS x", codec::ok());
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rfc, "RFC 1939 §7");
}

TEST(Pop3Conversation, ReplyWithNoCommandPendingIsFlagged) {
  Conversation conversation = greeted();
  auto violations = conversation.received(decoded(codec::ok("surprise")));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rfc, "RFC 1939 §3");
  EXPECT_EQ(violations[0].message, "a reply with no command pending: +OK surprise");
}

TEST(Pop3Conversation, MultiLineReplyToSingleLineCommandIsFlagged) {
  Conversation conversation = logged_in();
  auto violations = exchange(conversation, "LIST 1", codec::ok_multi_line("1 120", {"1 120"}));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].message, "a multi-line reply to LIST 1, which takes a single line");
}

TEST(Pop3Conversation, StrayBodyAfterSingleLineOkIsAMultiLineReply) {
  Conversation conversation = logged_in();
  exchange(conversation, "NOOP", codec::ok());
  EXPECT_TRUE(conversation.last_reply_was_single_line_ok());
  auto violations = conversation.received_stray_lines(2, true);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].message, "a multi-line reply to NOOP, which takes a single line (2 lines after the +OK)");
  auto unsolicited = conversation.received_stray_lines(1, false, "-ERR Disconnected for inactivity.");
  EXPECT_EQ(unsolicited[0].message, "a line with no command pending: '-ERR Disconnected for inactivity.'");
  auto several = conversation.received_stray_lines(3, false, "x");
  EXPECT_EQ(several[0].message, "3 lines with no command pending: 'x'...");
}

TEST(Pop3Conversation, GreetingThatIsNoStatusLineIsFlagged) {
  Conversation conversation;
  conversation.connected();
  auto violations = conversation.received_garbage("220 smtp.example.test ESMTP");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rfc, "RFC 1939 §4");
  EXPECT_EQ(violations[0].message, "the greeting is not a +OK or -ERR status line: '220 smtp.example.test ESMTP'");
}

TEST(Pop3Conversation, ReplyThatIsNoStatusLineIsFlagged) {
  Conversation conversation = logged_in();
  conversation.client_sent("NOOP\r\n");
  auto violations = conversation.received_garbage("OK");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].message, "the reply to NOOP is not a +OK or -ERR status line: 'OK'");
  EXPECT_EQ(conversation.awaited_count(), 0u);
}

TEST(Pop3Conversation, ReplyAfterQuitIsFlagged) {
  Conversation conversation = logged_in();
  conversation.client_sent("QUIT\r\nNOOP\r\n");
  conversation.received(decoded(codec::ok("bye")));
  auto violations = conversation.received(decoded(codec::ok()));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rfc, "RFC 1939 §6");
}

TEST(Pop3Conversation, CapaIsRecordedAndStlsForgetsIt) {
  Conversation conversation = greeted();
  auto violations = exchange(conversation, "CAPA", codec::ok_multi_line("", {"TOP", "USER", "SASL PLAIN", "STLS"}));
  EXPECT_TRUE(violations.empty());
  ASSERT_TRUE(conversation.capabilities());
  EXPECT_EQ(conversation.capabilities()->sasl_mechanisms(), std::vector<std::string>{"PLAIN"});
  exchange(conversation, "STLS", codec::ok("Begin TLS negotiation"));
  EXPECT_EQ(conversation.state(), State::authorization);  // RFC 2595 §4
  conversation.tls_started();
  EXPECT_TRUE(conversation.tls_active());
  EXPECT_FALSE(conversation.capabilities());
}

TEST(Pop3Conversation, MalformedCapabilityIsFlaggedButKept) {
  Conversation conversation = greeted();
  auto violations = exchange(conversation, "CAPA", codec::ok_multi_line("", {"TOP extra", "UIDL"}));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rfc, "RFC 2449 §5");
  ASSERT_TRUE(conversation.capabilities());
  EXPECT_TRUE(conversation.capabilities()->has("TOP"));
  EXPECT_TRUE(conversation.capabilities()->has("UIDL"));
}

TEST(Pop3Conversation, SaslExchangeAwaitsEachResponseLine) {
  Conversation conversation = greeted();
  conversation.client_sent("AUTH PLAIN\r\n");
  EXPECT_TRUE(conversation.sasl_in_progress());
  EXPECT_EQ(conversation.next()->shape, ResponseShape::sasl);
  EXPECT_TRUE(conversation.received(decoded(codec::continuation(""))).empty());
  conversation.client_sent("AHRlc3QAc2VjcmV0\r\n");
  ASSERT_NE(conversation.next(), nullptr);
  EXPECT_EQ(conversation.next()->kind, Awaited::Kind::sasl_response);
  EXPECT_EQ(conversation.next()->label, "a SASL response");
  EXPECT_TRUE(conversation.received(decoded(codec::ok("Logged in."))).empty());
  EXPECT_FALSE(conversation.sasl_in_progress());
  EXPECT_EQ(conversation.state(), State::transaction);
}

TEST(Pop3Conversation, InitialResponseAuthIsOneExchange) {
  Conversation conversation = greeted();
  EXPECT_TRUE(exchange(conversation, "AUTH PLAIN AHRlc3QAc2VjcmV0", codec::ok()).empty());
  EXPECT_EQ(conversation.state(), State::transaction);
  EXPECT_FALSE(conversation.sasl_in_progress());
}

TEST(Pop3Conversation, CancelledSaslAnsweredOkIsFlagged) {
  Conversation conversation = greeted();
  exchange(conversation, "AUTH CRAM-MD5", codec::continuation("<1896.697170952@postoffice.example.net>"));
  auto violations = exchange(conversation, "*", codec::ok());
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rfc, "RFC 5034 §4");
}

TEST(Pop3Conversation, AuthWithoutMechanismListsMechanisms) {
  Conversation conversation = greeted();
  conversation.client_sent("AUTH\r\n");
  EXPECT_FALSE(conversation.sasl_in_progress());
  EXPECT_EQ(conversation.next()->shape, ResponseShape::multi_line_listing);
}

TEST(Pop3Conversation, ResponseCodeOnTheWrongReplyIsFlagged) {
  Conversation conversation = logged_in();
  auto on_ok = exchange(conversation, "NOOP", codec::ok("fine", codec::response_code("IN-USE")));
  ASSERT_EQ(on_ok.size(), 1u);
  EXPECT_EQ(on_ok[0].rfc, "RFC 2449 §8.1.2");
  auto wrong_command = exchange(conversation, "STAT", codec::err("no", codec::response_code("LOGIN-DELAY")));
  ASSERT_EQ(wrong_command.size(), 1u);
  EXPECT_EQ(wrong_command[0].message, "[LOGIN-DELAY] in the reply to STAT, a command it is not defined for");
  EXPECT_TRUE(exchange(conversation, "STAT", codec::err("later", codec::response_code("SYS/TEMP"))).empty());
}

TEST(Pop3Conversation, OverlongFirstLineIsFlagged) {
  Conversation conversation = logged_in();
  auto violations = exchange(conversation, "NOOP", codec::ok(std::string(600, 'x')));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rfc, "RFC 2449 §4");
}

TEST(Pop3Conversation, ToleratedAnomaliesAreFlagged) {
  Conversation conversation = logged_in();
  conversation.client_sent("RETR 1\r\n");
  codec::DecodedResponse reply = decoded(codec::ok_multi_line("", {".x"}));
  reply.anomalies.push_back(codec::Anomaly{6, codec::AnomalyKind::unstuffed_dot_line});
  auto violations = conversation.received(reply);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rfc, "RFC 1939 §3");
}

TEST(Pop3Conversation, MalformedCodeIsFlaggedOnlyWithRespCodes) {
  Conversation conversation = greeted();
  conversation.client_sent("NOOP\r\n");
  codec::DecodedResponse reply = decoded(codec::err("[not a code"));
  reply.anomalies.push_back(codec::Anomaly{5, codec::AnomalyKind::malformed_response_code});
  EXPECT_TRUE(conversation.received(reply).empty());
  exchange(conversation, "CAPA", codec::ok_multi_line("", {"RESP-CODES"}));
  conversation.client_sent("NOOP\r\n");
  EXPECT_EQ(conversation.received(reply).size(), 1u);
}

TEST(Pop3Conversation, ClosedForgetsWhatWasAwaited) {
  Conversation conversation = logged_in();
  conversation.client_sent("RETR 1\r\n");
  conversation.closed();
  EXPECT_EQ(conversation.awaited_count(), 0u);
  EXPECT_EQ(conversation.state(), State::closed);
}

TEST(Pop3Conversation, StateNamesAreTheScenarioNames) {
  EXPECT_EQ(state_name(State::authorization), "authorization");
  EXPECT_EQ(state_name(State::transaction), "transaction");
  EXPECT_EQ(state_name(State::update), "update");
  EXPECT_EQ(state_name(State::closed), "closed");
}

}  // namespace
}  // namespace conformance::protocols::pop3
