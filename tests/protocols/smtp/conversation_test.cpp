// The SMTP conversation state machine, sans I/O: states, attribution of
// pipelined replies, and the replies it must flag as impossible.
#include "harness/protocols/smtp/conversation.hpp"

#include <gtest/gtest.h>

#include "harness/protocols/smtp/malformed_reply.hpp"
#include "tests/protocols/smtp/test_replies.hpp"

namespace conformance::protocols::smtp {
namespace {

using testing::reply;

// Feeds a reply and returns the violations' RFC references and messages.
std::vector<Violation> answer(Conversation& conversation, const std::string& wire) {
  return conversation.on_reply(reply(wire)).violations;
}

// A conversation past the greeting and EHLO.
Conversation ready() {
  Conversation conversation;
  EXPECT_TRUE(answer(conversation, "220 mx.example.org ESMTP\r\n").empty());
  conversation.on_sent("EHLO client.example.net\r\n");
  EXPECT_TRUE(answer(conversation, "250-mx.example.org\r\n250 PIPELINING\r\n").empty());
  return conversation;
}

std::string rfc_of(const std::vector<Violation>& violations) {
  return violations.empty() ? std::string("none") : violations.front().rfc;
}

TEST(SmtpConversation, StartsConnectedAwaitingTheGreeting) {
  Conversation conversation;
  EXPECT_EQ(conversation.state(), State::connected);
  EXPECT_EQ(conversation.pending(), 1u);
  auto attribution = conversation.on_reply(reply("220 mx.example.org ESMTP ready\r\n"));
  ASSERT_TRUE(attribution.command);
  EXPECT_EQ(attribution.command->kind, CommandKind::greeting);
  EXPECT_TRUE(attribution.violations.empty());
  EXPECT_EQ(conversation.state(), State::greeted);
}

TEST(SmtpConversation, Greeting554RefusesTheSession) {
  Conversation conversation;
  EXPECT_TRUE(answer(conversation, "554 mx.example.org no SMTP service here\r\n").empty());
  EXPECT_EQ(conversation.state(), State::refused);
}

TEST(SmtpConversation, GreetingOtherThan220Or554IsFlagged) {
  Conversation conversation;
  auto violations = answer(conversation, "250 hello\r\n");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rfc, "RFC 5321 §4.3.2");
  EXPECT_EQ(violations[0].message, "a greeting other than 220 or 554: 250 hello");
}

TEST(SmtpConversation, GreetingWithoutADomainIsFlagged) {
  Conversation conversation;
  EXPECT_EQ(rfc_of(answer(conversation, "220 \r\n")), "RFC 5321 §4.2");
  EXPECT_EQ(conversation.state(), State::greeted);
}

TEST(SmtpConversation, EhloAndHeloAcceptedMakeTheSessionReady) {
  EXPECT_EQ(ready().state(), State::ready);
  Conversation conversation;
  (void)answer(conversation, "220 mx.example.org\r\n");
  conversation.on_sent("HELO client.example.net\r\n");
  EXPECT_TRUE(answer(conversation, "250 mx.example.org\r\n").empty());
  EXPECT_EQ(conversation.state(), State::ready);
}

TEST(SmtpConversation, RejectedEhloLeavesTheStateAsItWas) {
  Conversation conversation;
  (void)answer(conversation, "220 mx.example.org\r\n");
  conversation.on_sent("EHLO\r\n");
  EXPECT_TRUE(answer(conversation, "501 5.5.4 Syntax: EHLO hostname\r\n").empty());
  EXPECT_EQ(conversation.state(), State::greeted);
}

TEST(SmtpConversation, MalformedEhloReplyIsFlagged) {
  Conversation conversation;
  (void)answer(conversation, "220 mx.example.org\r\n");
  conversation.on_sent("EHLO client.example.net\r\n");
  EXPECT_EQ(rfc_of(answer(conversation, "250-mx.example.org\r\n250 PIPE_LINING\r\n")), "RFC 5321 §4.1.1.1");
}

TEST(SmtpConversation, TransactionWalksMailRcptDataAndBackToReady) {
  Conversation conversation = ready();
  conversation.on_sent("MAIL FROM:<Smith@bar.com>\r\n");
  (void)answer(conversation, "250 OK\r\n");
  EXPECT_EQ(conversation.state(), State::mail);
  conversation.on_sent("RCPT TO:<Jones@foo.com>\r\n");
  (void)answer(conversation, "250 OK\r\n");
  EXPECT_EQ(conversation.state(), State::rcpt);
  conversation.on_sent("RCPT TO:<Green@foo.com>\r\n");
  (void)answer(conversation, "550 No such user here\r\n");
  EXPECT_EQ(conversation.state(), State::rcpt);
  conversation.on_sent("DATA\r\n");
  EXPECT_TRUE(answer(conversation, "354 Start mail input; end with <CRLF>.<CRLF>\r\n").empty());
  EXPECT_EQ(conversation.state(), State::data);
  conversation.on_sent("Blah blah blah...\r\n...etc. etc. etc.\r\n");
  EXPECT_EQ(conversation.pending(), 0u);
  conversation.on_sent(".\r\n");
  EXPECT_EQ(conversation.pending(), 1u);
  auto attribution = conversation.on_reply(reply("250 OK\r\n"));
  ASSERT_TRUE(attribution.command);
  EXPECT_EQ(attribution.command->kind, CommandKind::end_of_data);
  EXPECT_EQ(conversation.state(), State::ready);
}

TEST(SmtpConversation, RejectedMailKeepsTheSessionReady) {
  Conversation conversation = ready();
  conversation.on_sent("MAIL FROM:<bad\r\n");
  (void)answer(conversation, "501 5.1.7 Bad sender address syntax\r\n");
  EXPECT_EQ(conversation.state(), State::ready);
}

TEST(SmtpConversation, PipelinedRepliesAreAttributedInOrder) {
  Conversation conversation = ready();
  conversation.on_sent("MAIL FROM:<mrose@dbc.mtview.ca.us>\r\nRCPT TO:<ned@innosoft.com>\r\nDATA\r\n");
  EXPECT_EQ(conversation.pending(), 3u);
  std::vector<CommandKind> kinds;
  for (const char* wire : {"250 sender <mrose@dbc.mtview.ca.us> OK\r\n", "250 recipient <ned@innosoft.com> OK\r\n",
                           "354 enter mail, end with line containing only \".\"\r\n"}) {
    auto attribution = conversation.on_reply(reply(wire));
    ASSERT_TRUE(attribution.command);
    EXPECT_TRUE(attribution.violations.empty());
    kinds.push_back(attribution.command->kind);
  }
  EXPECT_EQ(kinds, (std::vector<CommandKind>{CommandKind::mail, CommandKind::rcpt, CommandKind::data}));
  EXPECT_EQ(conversation.state(), State::data);
}

TEST(SmtpConversation, CommandWrittenInPiecesIsOneCommand) {
  Conversation conversation = ready();
  conversation.on_sent("NO");
  conversation.on_sent("OP\r");
  EXPECT_EQ(conversation.pending(), 0u);
  conversation.on_sent("\n");
  EXPECT_EQ(conversation.pending(), 1u);
  auto attribution = conversation.on_reply(reply("250 2.0.0 Ok\r\n"));
  ASSERT_TRUE(attribution.command);
  EXPECT_EQ(attribution.command->kind, CommandKind::noop);
  EXPECT_EQ(attribution.command->text, "NOOP");
}

TEST(SmtpConversation, ReplyWithNoCommandPendingIsFlagged) {
  Conversation conversation = ready();
  auto violations = answer(conversation, "250 OK\r\n");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rfc, "RFC 5321 §4.2");
  EXPECT_EQ(violations[0].message, "a reply with no command pending (every command gets exactly one reply): 250 OK");
}

TEST(SmtpConversation, Unsolicited421IsAllowedAndMeansClosing) {
  Conversation conversation = ready();
  EXPECT_TRUE(answer(conversation, "421 4.3.2 Service shutting down\r\n").empty());
  EXPECT_EQ(conversation.state(), State::quit);
}

TEST(SmtpConversation, QuitAnswered221AndAnyLaterReplyIsFlagged) {
  Conversation conversation = ready();
  conversation.on_sent("QUIT\r\n");
  EXPECT_TRUE(answer(conversation, "221 foo.com Service closing transmission channel\r\n").empty());
  EXPECT_EQ(conversation.state(), State::quit);
  auto violations = answer(conversation, "250 OK\r\n");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rfc, "RFC 5321 §4.1.1.10");
}

TEST(SmtpConversation, QuitAnsweredWithAnythingButA221IsFlagged) {
  Conversation conversation = ready();
  conversation.on_sent("QUIT\r\n");
  EXPECT_EQ(rfc_of(answer(conversation, "250 bye\r\n")), "RFC 5321 §4.1.1.10");
}

TEST(SmtpConversation, A354ToAnythingButDataIsFlagged) {
  Conversation conversation = ready();
  conversation.on_sent("RCPT TO:<Jones@foo.com>\r\n");
  auto violations = answer(conversation, "354 go ahead\r\n");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rfc, "RFC 5321 §4.3.2");
  EXPECT_EQ(violations[0].message, "354 (start mail input) in reply to RCPT TO:<Jones@foo.com>");
}

TEST(SmtpConversation, A334OutsideAuthIsFlagged) {
  Conversation conversation = ready();
  conversation.on_sent("NOOP\r\n");
  EXPECT_EQ(rfc_of(answer(conversation, "334 VXNlcm5hbWU6\r\n")), "RFC 4954 §4");
}

TEST(SmtpConversation, OtherIntermediateRepliesAreFlagged) {
  Conversation conversation = ready();
  conversation.on_sent("MAIL FROM:<a@example.org>\r\n");
  EXPECT_EQ(rfc_of(answer(conversation, "350 hmm\r\n")), "RFC 5321 §4.3.2");
}

TEST(SmtpConversation, DataAnsweredWithACompletionIsFlagged) {
  Conversation conversation = ready();
  conversation.on_sent("DATA\r\n");
  EXPECT_EQ(rfc_of(answer(conversation, "250 OK\r\n")), "RFC 5321 §4.3.2");
}

TEST(SmtpConversation, EnhancedCodeOfAnotherClassIsFlagged) {
  Conversation conversation = ready();
  conversation.on_sent("MAIL FROM:<a@example.org>\r\n");
  auto violations = answer(conversation, "250 5.1.0 ok?\r\n");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rfc, "RFC 2034 §4");
  EXPECT_EQ(violations[0].message,
            "enhanced status code 5.1.0 in a 250 reply: its class must agree with the reply code");
}

TEST(SmtpConversation, CodeWithSecondDigitAboveFiveIsFlagged) {
  Conversation conversation = ready();
  conversation.on_sent("NOOP\r\n");
  EXPECT_EQ(rfc_of(answer(conversation, "260 odd\r\n")), "RFC 5321 §4.2");
}

TEST(SmtpConversation, ReplyLinesEndedByBareLfAreFlagged) {
  Conversation conversation = ready();
  conversation.on_sent("NOOP\r\n");
  EXPECT_EQ(rfc_of(answer(conversation, "250 ok\n")), "RFC 5321 §2.3.8");
}

TEST(SmtpConversation, ReplyLinesOver512OctetsAreFlagged) {
  Conversation conversation = ready();
  conversation.on_sent("NOOP\r\n");
  EXPECT_TRUE(answer(conversation, "250 " + std::string(506, 'a') + "\r\n").empty());  // 512 exactly
  conversation.on_sent("NOOP\r\n");
  EXPECT_EQ(rfc_of(answer(conversation, "250 " + std::string(507, 'a') + "\r\n")), "RFC 5321 §4.5.3.1.5");
}

TEST(SmtpConversation, RsetEndsTheTransaction) {
  Conversation conversation = ready();
  conversation.on_sent("MAIL FROM:<a@example.org>\r\n");
  (void)answer(conversation, "250 ok\r\n");
  conversation.on_sent("RSET\r\n");
  (void)answer(conversation, "250 ok\r\n");
  EXPECT_EQ(conversation.state(), State::ready);
}

TEST(SmtpConversation, RsetBeforeEhloStaysGreeted) {
  Conversation conversation;
  (void)answer(conversation, "220 mx.example.org\r\n");
  conversation.on_sent("RSET\r\n");
  (void)answer(conversation, "250 ok\r\n");
  EXPECT_EQ(conversation.state(), State::greeted);
}

TEST(SmtpConversation, EhloInATransactionResetsIt) {
  Conversation conversation = ready();
  conversation.on_sent("MAIL FROM:<a@example.org>\r\n");
  (void)answer(conversation, "250 ok\r\n");
  conversation.on_sent("EHLO client.example.net\r\n");
  (void)answer(conversation, "250 mx.example.org\r\n");
  EXPECT_EQ(conversation.state(), State::ready);
}

TEST(SmtpConversation, StartTlsResetsToGreetedAndForgetsWhatWasPipelinedBehindIt) {
  Conversation conversation = ready();
  conversation.on_sent("STARTTLS\r\nNOOP\r\n");
  (void)answer(conversation, "220 2.0.0 Ready to start TLS\r\n");
  EXPECT_EQ(conversation.pending(), 1u);
  conversation.on_tls_started();
  EXPECT_EQ(conversation.state(), State::greeted);
  EXPECT_TRUE(conversation.tls_active());
  EXPECT_EQ(conversation.pending(), 0u);
}

TEST(SmtpConversation, AuthExchangeGoesThroughTheAuthState) {
  Conversation conversation = ready();
  conversation.on_sent("AUTH LOGIN\r\n");
  (void)answer(conversation, "334 VXNlcm5hbWU6\r\n");
  EXPECT_EQ(conversation.state(), State::auth);
  EXPECT_TRUE(conversation.awaiting_sasl_response());
  conversation.on_sent("dGlt\r\n");
  EXPECT_FALSE(conversation.awaiting_sasl_response());
  auto second = conversation.on_reply(reply("334 UGFzc3dvcmQ6\r\n"));
  ASSERT_TRUE(second.command);
  EXPECT_EQ(second.command->kind, CommandKind::auth_response);
  EXPECT_TRUE(second.violations.empty());
  conversation.on_sent("dGFuc3RhYWZ0YW5zdGFhZg==\r\n");
  EXPECT_TRUE(answer(conversation, "235 2.7.0 Authentication successful\r\n").empty());
  EXPECT_EQ(conversation.state(), State::ready);
}

TEST(SmtpConversation, CancelledAuthReturnsToReady) {
  Conversation conversation = ready();
  conversation.on_sent("AUTH PLAIN\r\n");
  (void)answer(conversation, "334 \r\n");
  conversation.on_sent("*\r\n");
  (void)answer(conversation, "501 5.7.0 Authentication aborted\r\n");
  EXPECT_EQ(conversation.state(), State::ready);
}

TEST(SmtpConversation, BytesBehindAnUnansweredDataAreMessageDataOnceA354Comes) {
  Conversation conversation = ready();
  conversation.on_sent("DATA\r\nSubject: x\r\n\r\nQUIT\r\n.\r\n");
  EXPECT_EQ(conversation.pending(), 1u);
  (void)answer(conversation, "354 go ahead\r\n");
  ASSERT_EQ(conversation.pending(), 1u);  // the end of data, not QUIT
  auto attribution = conversation.on_reply(reply("250 queued\r\n"));
  ASSERT_TRUE(attribution.command);
  EXPECT_EQ(attribution.command->kind, CommandKind::end_of_data);
}

TEST(SmtpConversation, BytesBehindARejectedDataAreCommands) {
  Conversation conversation = ready();
  conversation.on_sent("DATA\r\nNOOP\r\n");
  (void)answer(conversation, "503 5.5.1 Error: need RCPT command\r\n");
  ASSERT_EQ(conversation.pending(), 1u);
  auto attribution = conversation.on_reply(reply("250 ok\r\n"));
  ASSERT_TRUE(attribution.command);
  EXPECT_EQ(attribution.command->kind, CommandKind::noop);
}

TEST(SmtpConversation, BareLfDotBareLfDoesNotEndTheMessage) {
  Conversation conversation = ready();
  conversation.on_sent("DATA\r\n");
  (void)answer(conversation, "354 go ahead\r\n");
  conversation.on_sent("Subject: probe\r\n\r\nfirst\n.\nNOOP\r\n");
  EXPECT_EQ(conversation.pending(), 0u);  // RFC 5321 §4.1.1.4: <LF>.<LF> is not the end
  conversation.on_sent("last\r\n.\r\n");
  EXPECT_EQ(conversation.pending(), 1u);
  // A server that took <LF>.<LF> for the end answers twice: the second is flagged.
  (void)answer(conversation, "250 queued\r\n");
  EXPECT_EQ(rfc_of(answer(conversation, "250 ok\r\n")), "RFC 5321 §4.2");
}

TEST(SmtpConversation, BareLfInCommandsMakesUnmatchedRepliesUnprovable) {
  Conversation conversation = ready();
  conversation.on_sent("NOOP\nNOOP\r\n");
  (void)answer(conversation, "250 ok\r\n");
  (void)answer(conversation, "250 ok\r\n");
  EXPECT_TRUE(answer(conversation, "250 ok\r\n").empty());
}

TEST(SmtpConversation, BdatChunkOctetsAreNotCommands) {
  Conversation conversation = ready();
  conversation.on_sent("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\n");
  (void)answer(conversation, "250 ok\r\n");
  (void)answer(conversation, "250 ok\r\n");
  conversation.on_sent("BDAT 12 LAST\r\nQUIT\r\nRSET\r\n");  // 12 octets of message
  EXPECT_EQ(conversation.pending(), 1u);
  auto attribution = conversation.on_reply(reply("250 2.0.0 queued\r\n"));
  ASSERT_TRUE(attribution.command);
  EXPECT_EQ(attribution.command->kind, CommandKind::bdat);
  EXPECT_EQ(conversation.state(), State::ready);
}

TEST(SmtpConversation, ClosedConnectionEndsInClosed) {
  Conversation conversation = ready();
  conversation.on_sent("NOOP\r\n");
  conversation.on_closed();
  EXPECT_EQ(conversation.state(), State::closed);
  EXPECT_EQ(conversation.pending(), 0u);
}

TEST(SmtpConversationRedaction, InitialResponseOfAuthIsHidden) {
  Conversation conversation = ready();
  EXPECT_EQ(conversation.redact("AUTH PLAIN AHRpbQB0YW5zdGFhZnRhbnN0YWFm\r\n"), "AUTH PLAIN <redacted>\r\n");
  EXPECT_EQ(conversation.redact("NOOP\r\nauth plain AHRpbQB0\r\n"), "NOOP\r\nauth plain <redacted>\r\n");
}

TEST(SmtpConversationRedaction, SaslResponseLineIsHiddenButNotACancel) {
  Conversation conversation = ready();
  conversation.on_sent("AUTH LOGIN\r\n");
  (void)answer(conversation, "334 VXNlcm5hbWU6\r\n");
  EXPECT_EQ(conversation.redact("dGlt\r\n"), "<redacted>\r\n");
  EXPECT_EQ(conversation.redact("*\r\n"), std::nullopt);
}

TEST(SmtpConversationRedaction, OrdinaryCommandsAndAuthWithoutResponseStayAsTheyAre) {
  Conversation conversation = ready();
  EXPECT_EQ(conversation.redact("MAIL FROM:<a@example.org>\r\n"), std::nullopt);
  EXPECT_EQ(conversation.redact("AUTH LOGIN\r\n"), std::nullopt);
}

TEST(SmtpConversationRedaction, AuthTextNeverKeepsTheInitialResponse) {
  Conversation conversation = ready();
  conversation.on_sent("AUTH PLAIN AHRpbQB0YW5zdGFhZnRhbnN0YWFm\r\n");
  auto attribution = conversation.on_reply(reply("235 ok\r\n"));
  ASSERT_TRUE(attribution.command);
  EXPECT_EQ(attribution.command->text, "AUTH PLAIN");
}

TEST(SmtpMalformedReply, ChangingCodeInAMultilineReply) {
  const std::string wire = "250-first\r\n251 second\r\n";
  auto step = codec::smtp::parse_reply(wire);
  ASSERT_TRUE(step.failed());
  auto violation = describe_malformed_reply(wire, step.error());
  EXPECT_EQ(violation.rfc, "RFC 5321 §4.2.1");
  EXPECT_EQ(violation.message, "a multi-line reply changes its code from 250 to 251 on a later line");
}

TEST(SmtpMalformedReply, CodeNotStartingWithTwoToFive) {
  const std::string wire = "600 nope\r\n";
  auto step = codec::smtp::parse_reply(wire);
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(describe_malformed_reply(wire, step.error()).rfc, "RFC 5321 §4.3.2");
}

TEST(SmtpMalformedReply, AnythingElseBreaksTheReplyGrammar) {
  const std::string wire = "hello\x01\r\n";
  auto step = codec::smtp::parse_reply(wire);
  ASSERT_TRUE(step.failed());
  auto violation = describe_malformed_reply(wire, step.error());
  EXPECT_EQ(violation.rfc, "RFC 5321 §4.2");
  EXPECT_NE(violation.message.find("hello\\x01"), std::string::npos);
}

}  // namespace
}  // namespace conformance::protocols::smtp
