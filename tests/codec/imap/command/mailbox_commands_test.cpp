// Authenticated-state commands on mailboxes: RFC 9051 §6.3 examples,
// RFC 7162 CONDSTORE/QRESYNC parameters, RFC 6154 CREATE USE, RFC 3502
// MULTIAPPEND, RFC 3516 BINARY and RFC 6855 UTF8 APPEND data.
#include <gtest/gtest.h>

#include "command_test_support.hpp"

namespace conformance::codec::imap::command {
namespace {

using testing::body_of;
using testing::parse_error;
using testing::parse_ok;

SequenceSet set_of(std::vector<SequenceRange> ranges) { return SequenceSet{std::move(ranges), false}; }

TEST(ImapCommandSelect, ParsesRfc9051Example) {
  EXPECT_EQ(parse_ok("A142 SELECT INBOX\r\n"), (Command{"A142", Select{"INBOX", {}}}));
}

TEST(ImapCommandExamine, ParsesRfc9051Example) {
  EXPECT_EQ(parse_ok("A932 EXAMINE blurdybloop\r\n"), (Command{"A932", Examine{"blurdybloop", {}}}));
}

// RFC 7162 §3.1.8 example.
TEST(ImapCommandSelect, ParsesCondstoreParameter) {
  const Select select = body_of<Select>("a SELECT INBOX (CONDSTORE)\r\n");
  EXPECT_TRUE(select.parameters.condstore);
  EXPECT_FALSE(select.parameters.qresync.has_value());
}

// RFC 7162 §3.2.5.2 example: known UIDs.
TEST(ImapCommandSelect, ParsesQresyncWithKnownUids) {
  const Select select = body_of<Select>("A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))\r\n");
  ASSERT_TRUE(select.parameters.qresync.has_value());
  const auto& qresync = *select.parameters.qresync;
  EXPECT_EQ(qresync.uid_validity, 67890007u);
  EXPECT_EQ(qresync.modseq, 20050715194045000u);
  EXPECT_EQ(qresync.known_uids, set_of({{41, 41}, {43, 211}, {214, 541}}));
  EXPECT_FALSE(qresync.sequence_match.has_value());
}

// RFC 7162 §3.2.5.2 example with sequence match data.
TEST(ImapCommandSelect, ParsesQresyncWithSequenceMatchData) {
  const Select select = body_of<Select>(
      "B04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,9990:9999 "
      "15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997)))\r\n");
  ASSERT_TRUE(select.parameters.qresync.has_value());
  const auto& qresync = *select.parameters.qresync;
  EXPECT_EQ(qresync.known_uids, set_of({{1, 29997}}));
  ASSERT_TRUE(qresync.sequence_match.has_value());
  EXPECT_EQ(qresync.sequence_match->sequence_numbers, set_of({{5000, 5000}, {7500, 7500}, {9000, 9000}, {9990, 9999}}));
  EXPECT_EQ(qresync.sequence_match->uids.ranges.size(), 13u);
  EXPECT_EQ(qresync.sequence_match->uids.ranges.back(), (SequenceRange{29997, 29997}));
}

TEST(ImapCommandSelect, QresyncKnownUidsRefuseStar) {
  const auto error = parse_error("A02 SELECT INBOX (QRESYNC (1 2 1:*))\r\n");
  EXPECT_EQ(error.error, (ParseError{33, "number"}));
}

TEST(ImapCommandSelect, KeepsUnknownParametersGenerically) {
  const Select select = body_of<Select>("a SELECT INBOX (X-FOO X-BAR (1 \"two\" three) X-BAZ 12:14)\r\n");
  ASSERT_EQ(select.parameters.extensions.size(), 3u);
  EXPECT_EQ(select.parameters.extensions[0], (Parameter{"X-FOO", std::nullopt}));
  EXPECT_EQ(select.parameters.extensions[1].value,
            ExtensionValue::list({ExtensionValue::atom("1"), ExtensionValue::string("two"), ExtensionValue::atom("three")}));
  EXPECT_EQ(select.parameters.extensions[2].value, ExtensionValue::atom("12:14"));
}

TEST(ImapCommandSelect, EmptyParameterListIsAnError) {
  EXPECT_EQ(parse_error("a SELECT INBOX ()\r\n").error, (ParseError{16, "parameter name"}));
}

TEST(ImapCommandCreate, ParsesRfc9051Examples) {
  EXPECT_EQ(parse_ok("A003 CREATE owatagusiam/\r\n"), (Command{"A003", Create{"owatagusiam/", std::nullopt, {}}}));
  EXPECT_EQ(body_of<Create>("A004 CREATE owatagusiam/blurdybloop\r\n").mailbox, "owatagusiam/blurdybloop");
}

// RFC 6154 §5.3 example.
TEST(ImapCommandCreate, ParsesSpecialUse) {
  const Create create = body_of<Create>("t1 CREATE MySpecial (USE (\\Drafts \\Sent))\r\n");
  EXPECT_EQ(create.special_use, (std::vector<std::string>{"\\Drafts", "\\Sent"}));
  EXPECT_TRUE(create.extensions.empty());
}

TEST(ImapCommandCreate, SpecialUseAttributeNeedsBackslash) {
  EXPECT_EQ(parse_error("t1 CREATE X (USE (Drafts))\r\n").error.offset, 18u);
}

TEST(ImapCommandDelete, ParsesRfc9051Example) {
  EXPECT_EQ(parse_ok("A683 DELETE blurdybloop\r\n"), (Command{"A683", Delete{"blurdybloop"}}));
}

TEST(ImapCommandRename, ParsesRfc9051Example) {
  EXPECT_EQ(parse_ok("A683 RENAME blurdybloop sarasoop\r\n"), (Command{"A683", Rename{"blurdybloop", "sarasoop", {}}}));
}

TEST(ImapCommandSubscribe, ParsesRfc9051Examples) {
  EXPECT_EQ(parse_ok("A002 SUBSCRIBE #news.comp.mail.mime\r\n"), (Command{"A002", Subscribe{"#news.comp.mail.mime"}}));
  EXPECT_EQ(parse_ok("A002 UNSUBSCRIBE #news.comp.mail.mime\r\n"),
            (Command{"A002", Unsubscribe{"#news.comp.mail.mime"}}));
}

TEST(ImapCommandStatus, ParsesRfc9051Example) {
  EXPECT_EQ(parse_ok("A042 STATUS blurdybloop (UIDNEXT MESSAGES)\r\n"),
            (Command{"A042", Status{"blurdybloop", {StatusItem::uid_next, StatusItem::messages}}}));
}

TEST(ImapCommandStatus, ParsesEveryItem) {
  const Status status = body_of<Status>(
      "a STATUS x (MESSAGES UIDNEXT UIDVALIDITY UNSEEN DELETED SIZE RECENT HIGHESTMODSEQ APPENDLIMIT MAILBOXID)\r\n");
  EXPECT_EQ(status.items, (std::vector<StatusItem>{StatusItem::messages, StatusItem::uid_next, StatusItem::uid_validity,
                                                   StatusItem::unseen, StatusItem::deleted, StatusItem::size,
                                                   StatusItem::recent, StatusItem::highest_modseq,
                                                   StatusItem::append_limit, StatusItem::mailbox_id}));
}

TEST(ImapCommandStatus, UnknownItemFailsAtItsOffset) {
  EXPECT_EQ(parse_error("a STATUS x (MESSAGES BOGUS)\r\n").error, (ParseError{21, "status item"}));
}

TEST(ImapCommandLsub, ParsesRfc3501Example) {
  EXPECT_EQ(parse_ok("A002 LSUB \"#news.\" \"comp.mail.*\"\r\n"), (Command{"A002", Lsub{"#news.", "comp.mail.*"}}));
}

// RFC 9051 §6.3.12 example (the message as printed there; its length is
// what the literal announces).
TEST(ImapCommandAppend, ParsesRfc9051Example) {
  const std::string message =
      "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\n"
      "From: Fred Foobar <foobar@Blurdybloop.example>\r\n"
      "Subject: afternoon meeting\r\n"
      "To: mooch@owatagu.siam.edu.example\r\n"
      "Message-Id: <B27397-0100000@Blurdybloop.example>\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n"
      "\r\n"
      "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n";
  const Append append = body_of<Append>("A003 APPEND saved-messages (\\Seen) {" + std::to_string(message.size()) +
                                        "}\r\n" + message + "\r\n");
  EXPECT_EQ(append.mailbox, "saved-messages");
  ASSERT_EQ(append.messages.size(), 1u);
  EXPECT_EQ(append.messages[0], (AppendMessage{std::vector<std::string>{"\\Seen"}, std::nullopt, message, false, false}));
}

TEST(ImapCommandAppend, ParsesDateTime) {
  const Append append = body_of<Append>("a APPEND INBOX \"17-Jul-1996 02:44:25 -0700\" {3}\r\nabc\r\n");
  ASSERT_EQ(append.messages.size(), 1u);
  ASSERT_TRUE(append.messages[0].internal_date.has_value());
  EXPECT_EQ(append.messages[0].internal_date->date, (Date{17, 7, 1996}));
  EXPECT_EQ(append.messages[0].internal_date->zone_minutes, -420);
  EXPECT_FALSE(append.messages[0].flags.has_value());
}

// RFC 3502 §6 shape: two messages, each with its own flags and date.
TEST(ImapCommandAppend, ParsesMultiappend) {
  const Append append = body_of<Append>(
      "A003 APPEND saved-messages (\\Seen) {5}\r\nfirst (\\Seen) \" 1-Jul-2002 22:35:00 +0000\" {6}\r\nsecond\r\n");
  ASSERT_EQ(append.messages.size(), 2u);
  EXPECT_EQ(append.messages[0].data, "first");
  EXPECT_EQ(append.messages[1].data, "second");
  ASSERT_TRUE(append.messages[1].internal_date.has_value());
  EXPECT_TRUE(append.messages[1].internal_date->day_space_padded);
}

// RFC 3516 §4.4: literal8 carries binary data, NUL included.
TEST(ImapCommandAppend, ParsesLiteral8Data) {
  const std::string data("a\0b", 3);
  const Append append = body_of<Append>("a APPEND Drafts (\\Seen $MDNSent) ~{3}\r\n" + data + "\r\n");
  ASSERT_EQ(append.messages.size(), 1u);
  EXPECT_TRUE(append.messages[0].binary);
  EXPECT_EQ(append.messages[0].data, data);
  EXPECT_EQ(append.messages[0].flags, (std::vector<std::string>{"\\Seen", "$MDNSent"}));
}

// RFC 6855 §4.
TEST(ImapCommandAppend, ParsesUtf8DataItem) {
  const Append append = body_of<Append>("a APPEND INBOX UTF8 (~{2}\r\nhi)\r\n");
  ASSERT_EQ(append.messages.size(), 1u);
  EXPECT_TRUE(append.messages[0].utf8);
  EXPECT_EQ(append.messages[0].data, "hi");
}

TEST(ImapCommandAppend, NulNeedsLiteral8) {
  const auto error = parse_error(std::string("a APPEND INBOX {3}\r\na\0b\r\n", 25));
  EXPECT_EQ(error.error.offset, 21u);
}

// A quoted string there can only be the date-time.
TEST(ImapCommandAppend, MessageMustBeALiteral) {
  EXPECT_EQ(parse_error("a APPEND INBOX \"text\"\r\n").error, (ParseError{16, "two-digit day"}));
  EXPECT_EQ(parse_error("a APPEND INBOX text\r\n").error, (ParseError{15, "message literal"}));
}

TEST(ImapCommandAppend, FlagListRefusesStar) {
  EXPECT_EQ(parse_error("a APPEND INBOX (\\*) {1}\r\nx\r\n").error, (ParseError{16, "flag other than \\*"}));
}

}  // namespace
}  // namespace conformance::codec::imap::command
