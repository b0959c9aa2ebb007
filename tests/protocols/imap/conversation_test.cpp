// The connection state (RFC 9051 §3) tracked from both directions, and the
// responses flagged as impossible where they arrive.
#include "harness/protocols/imap/conversation.hpp"

#include "tests/protocols/imap/test_support.hpp"

namespace conformance::protocols::imap {
namespace {

using testing::response;

struct Talk {
  Conversation conversation;
  std::vector<Violation> violations;

  Talk& greeted(const std::string& greeting = "* OK IMAP4rev2 Service Ready") { return receive(greeting); }
  Talk& send(std::string_view bytes) {
    conversation.sent(bytes);
    return *this;
  }
  Talk& receive(const std::string& line) {
    auto found = conversation.received(response(line).response);
    violations.insert(violations.end(), found.begin(), found.end());
    return *this;
  }
  State state() const { return conversation.state(); }
};

TEST(ImapConversation, OkGreetingStartsNotAuthenticated) {
  Talk talk;
  talk.greeted();
  EXPECT_EQ(talk.state(), State::not_authenticated);
  EXPECT_TRUE(talk.violations.empty());
}

TEST(ImapConversation, PreauthGreetingStartsAuthenticated) {
  Talk talk;
  talk.greeted("* PREAUTH IMAP4rev2 server logged in as Smith");
  EXPECT_EQ(talk.state(), State::authenticated);
}

TEST(ImapConversation, ByeGreetingIsLogout) {
  Talk talk;
  talk.greeted("* BYE too busy");
  EXPECT_EQ(talk.state(), State::logout);
}

TEST(ImapConversation, LoginSelectCloseLogoutMoveThroughTheStates) {
  Talk talk;
  talk.greeted().send("a1 LOGIN joe secret\r\n").receive("a1 OK LOGIN completed");
  EXPECT_EQ(talk.state(), State::authenticated);
  talk.send("a2 SELECT INBOX\r\n").receive("* 3 EXISTS").receive("a2 OK [READ-WRITE] done");
  EXPECT_EQ(talk.state(), State::selected);
  talk.send("a3 CLOSE\r\n").receive("a3 OK CLOSE completed");
  EXPECT_EQ(talk.state(), State::authenticated);
  talk.send("a4 LOGOUT\r\n").receive("* BYE bye").receive("a4 OK LOGOUT completed");
  EXPECT_EQ(talk.state(), State::logout);
  talk.conversation.closed();
  EXPECT_EQ(talk.state(), State::closed);
  EXPECT_TRUE(talk.violations.empty());
}

TEST(ImapConversation, FailedLoginStaysNotAuthenticated) {
  Talk talk;
  talk.greeted().send("a1 LOGIN joe wrong\r\n").receive("a1 NO [AUTHENTICATIONFAILED] Invalid credentials");
  EXPECT_EQ(talk.state(), State::not_authenticated);
}

TEST(ImapConversation, FailedSelectLeavesNoMailboxSelected) {
  Talk talk;
  talk.greeted().send("a1 LOGIN joe secret\r\n").receive("a1 OK done");
  talk.send("a2 SELECT INBOX\r\n").receive("a2 OK done");
  talk.send("a3 SELECT nosuch\r\n").receive("a3 NO [NONEXISTENT] no such mailbox");
  EXPECT_EQ(talk.state(), State::authenticated);
}

TEST(ImapConversation, UnsolicitedByeMeansLogout) {
  Talk talk;
  talk.greeted().receive("* BYE Autologout; idle for too long");
  EXPECT_EQ(talk.state(), State::logout);
}

TEST(ImapConversation, TaggedReplyToNoPendingCommandIsFlagged) {
  Talk talk;
  talk.greeted().receive("a9 OK what");
  ASSERT_EQ(talk.violations.size(), 1u);
  EXPECT_EQ(talk.violations[0].rfc, "RFC 9051 §2.2.2");
  EXPECT_EQ(talk.violations[0].message, "tagged reply \"a9 OK what\" answers no command in progress");
}

TEST(ImapConversation, SecondReplyToTheSameTagIsFlagged) {
  Talk talk;
  talk.greeted().send("a1 NOOP\r\n").receive("a1 OK done").receive("a1 OK again");
  EXPECT_EQ(talk.violations.size(), 1u);
}

TEST(ImapConversation, BadForACorrectCommandIsNotFlagged) {
  Talk talk;
  talk.greeted().send("a1 NOOP\r\n").receive("a1 BAD I do not like it");
  EXPECT_TRUE(talk.violations.empty());
}

TEST(ImapConversation, ContinuationWithNothingWaitingIsFlagged) {
  Talk talk;
  talk.greeted().send("a1 NOOP\r\n").receive("+ go ahead");
  ASSERT_EQ(talk.violations.size(), 1u);
  EXPECT_EQ(talk.violations[0].rfc, "RFC 9051 §7.6");
}

TEST(ImapConversation, ContinuationForASynchronizingLiteralIsExpected) {
  Talk talk;
  talk.greeted().send("a1 LOGIN joe secret\r\n").receive("a1 OK done");
  talk.send("a2 APPEND INBOX {5}\r\n").receive("+ Ready for literal data");
  talk.send("hello\r\n").receive("a2 OK [APPENDUID 1 1] APPEND completed");
  EXPECT_TRUE(talk.violations.empty());
  EXPECT_EQ(talk.conversation.pending_count(), 0u);
}

TEST(ImapConversation, RefusedLiteralDoesNotSwallowTheNextCommand) {
  Talk talk;
  talk.greeted().send("a1 LOGIN joe secret\r\n").receive("a1 OK done");
  talk.send("a2 APPEND INBOX {99999999}\r\n").receive("a2 NO [TOOBIG] too big");
  talk.send("a3 NOOP\r\n");
  EXPECT_TRUE(talk.conversation.is_pending("a3"));
  EXPECT_EQ(talk.conversation.last_tag(), "a3");
}

TEST(ImapConversation, IdleDoneIsNotACommand) {
  Talk talk;
  talk.greeted().send("a1 LOGIN joe secret\r\n").receive("a1 OK done");
  talk.send("a2 IDLE\r\n").receive("+ idling").receive("* 4 RECENT").send("DONE\r\n");
  EXPECT_EQ(talk.conversation.last_tag(), "a2");
  talk.receive("a2 OK IDLE terminated");
  EXPECT_EQ(talk.conversation.pending_count(), 0u);
}

TEST(ImapConversation, AuthenticateResponseLinesAreNotCommands) {
  Talk talk;
  talk.greeted().send("a1 AUTHENTICATE PLAIN\r\n").receive("+ ");
  EXPECT_TRUE(talk.conversation.authenticating());
  talk.send("AGpvZQBzZWNyZXQ=\r\n").receive("a1 OK done");
  EXPECT_EQ(talk.conversation.last_tag(), "a1");
  EXPECT_EQ(talk.state(), State::authenticated);
  EXPECT_TRUE(talk.violations.empty());
}

TEST(ImapConversation, MailboxDataWithNoMailboxSelectedIsFlagged) {
  Talk talk;
  talk.greeted().send("a1 LOGIN joe secret\r\n").receive("a1 OK done").receive("* 3 EXPUNGE");
  ASSERT_EQ(talk.violations.size(), 1u);
  EXPECT_EQ(talk.violations[0].rfc, "RFC 9051 §7.4, §7.5");
}

TEST(ImapConversation, MailboxDataDuringSelectIsExpected) {
  Talk talk;
  talk.greeted().send("a1 LOGIN joe secret\r\n").receive("a1 OK done");
  talk.send("a2 EXAMINE INBOX\r\n").receive("* 17 EXISTS").receive("a2 OK [READ-ONLY] done");
  EXPECT_TRUE(talk.violations.empty());
}

TEST(ImapConversation, PreauthAfterTheGreetingIsFlagged) {
  Talk talk;
  talk.greeted().receive("* PREAUTH again");
  ASSERT_EQ(talk.violations.size(), 1u);
  EXPECT_EQ(talk.violations[0].rfc, "RFC 9051 §7.1.4");
}

TEST(ImapConversation, NonGreetingFirstResponseIsFlagged) {
  Talk talk;
  talk.receive("* 3 EXISTS");
  ASSERT_FALSE(talk.violations.empty());
  EXPECT_EQ(talk.violations[0].rfc, "RFC 9051 §7.1");
}

TEST(ImapConversation, SuccessForACommandThatNeedsLoginIsFlagged) {
  Talk talk;
  talk.greeted().send("a1 SELECT INBOX\r\n").receive("a1 OK [READ-WRITE] done");
  ASSERT_EQ(talk.violations.size(), 1u);
  EXPECT_EQ(talk.violations[0].rfc, "RFC 9051 §6.3.2");
}

TEST(ImapConversation, PipelinedCommandsAreAllPending) {
  Talk talk;
  talk.greeted().send("a1 NOOP\r\na2 CAPABILITY\r\n");
  EXPECT_TRUE(talk.conversation.is_pending("a1"));
  EXPECT_TRUE(talk.conversation.is_pending("a2"));
  EXPECT_EQ(talk.conversation.last_tag(), "a2");
}

TEST(ImapConversation, UnparsableCommandWithATagIsStillPending) {
  Talk talk;
  talk.greeted().send("a1 SELECT\r\n");
  EXPECT_TRUE(talk.conversation.is_pending("a1"));
  talk.receive("a1 BAD missing mailbox");
  EXPECT_TRUE(talk.violations.empty());
}

TEST(ImapConversation, InternalTagsCountUp) {
  Conversation conversation;
  EXPECT_EQ(conversation.next_internal_tag(), "C1");
  EXPECT_EQ(conversation.next_internal_tag(), "C2");
}

}  // namespace
}  // namespace conformance::protocols::imap
