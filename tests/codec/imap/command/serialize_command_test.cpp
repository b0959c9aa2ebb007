// The client side: the exact bytes a command serializes to, where a client
// must wait for a continuation request, LITERAL+, and the lines sent inside
// AUTHENTICATE and IDLE.
#include <gtest/gtest.h>

#include "command_test_support.hpp"

namespace conformance::codec::imap::command {
namespace {

std::string bytes_of(const Command& command, const WriterOptions& options = {}) {
  return serialize_command(command, options).bytes;
}

TEST(ImapCommandSerialize, WritesRfc9051SessionLines) {
  Section header;
  header.text = Section::Text::header;
  Fetch fetch;
  fetch.set = SequenceSet{{{12, 12}}, false};
  fetch.attributes = {FetchAttribute::body_part(header)};
  EXPECT_EQ(bytes_of({"a004", fetch}), "a004 FETCH 12 BODY[HEADER]\r\n");

  Store store;
  store.set = SequenceSet{{{12, 12}}, false};
  store.mode = StoreMode::add;
  store.flags = {"\\Deleted"};
  EXPECT_EQ(bytes_of({"a005", store}), "a005 STORE 12 +FLAGS (\\Deleted)\r\n");
  EXPECT_EQ(bytes_of({"a006", Logout{}}), "a006 LOGOUT\r\n");
}

TEST(ImapCommandSerialize, ChoosesAtomQuotedOrLiteral) {
  EXPECT_EQ(bytes_of({"a1", Login{"fred", "pass word"}}), "a1 LOGIN fred \"pass word\"\r\n");
  EXPECT_EQ(bytes_of({"a1", Login{"", "a\"b\\c"}}), "a1 LOGIN \"\" \"a\\\"b\\\\c\"\r\n");
  const auto serialized = serialize_command({"a1", Login{"fred", "line\r\nbreak"}});
  EXPECT_EQ(serialized.bytes, "a1 LOGIN fred {11}\r\nline\r\nbreak\r\n");
  EXPECT_EQ(serialized.continuation_points, (std::vector<std::size_t>{20}));
}

TEST(ImapCommandSerialize, EightBitGoesAsLiteralUnlessAllowedQuoted) {
  const Command select{"a1", Select{"Entw\xC3\xBC" "rfe", {}}};
  EXPECT_EQ(bytes_of(select), "a1 SELECT {9}\r\nEntw\xC3\xBCrfe\r\n");
  WriterOptions utf8;
  utf8.allow_8bit_quoted = true;
  EXPECT_EQ(bytes_of(select, utf8), "a1 SELECT \"Entw\xC3\xBCrfe\"\r\n");
}

// RFC 7888: with LITERAL+ the client does not wait, so there is nothing to wait for.
TEST(ImapCommandSerialize, LiteralPlusHasNoContinuationPoints) {
  WriterOptions literal_plus;
  literal_plus.non_synchronizing_literals = true;
  const auto serialized = serialize_command({"A001", Login{"FRED FOOBAR", "fat\nman"}}, literal_plus);
  EXPECT_EQ(serialized.bytes, "A001 LOGIN \"FRED FOOBAR\" {7+}\r\nfat\nman\r\n");
  EXPECT_TRUE(serialized.continuation_points.empty());
}

TEST(ImapCommandSerialize, AppendWaitsBeforeEachMessage) {
  Append append;
  append.mailbox = "saved-messages";
  append.messages.push_back({std::vector<std::string>{"\\Seen"}, std::nullopt, "hello", false, false});
  DateTime when;
  when.date = Date{1, 7, 2002};
  when.hour = 22;
  when.minute = 35;
  when.day_space_padded = true;
  append.messages.push_back({std::nullopt, when, std::string("\0x", 2), true, false});
  const auto serialized = serialize_command({"A003", append});
  const std::string expected = std::string("A003 APPEND saved-messages (\\Seen) {5}\r\nhello") +
                               " \" 1-Jul-2002 22:35:00 +0000\" ~{2}\r\n" + std::string("\0x", 2) + "\r\n";
  EXPECT_EQ(serialized.bytes, expected);
  EXPECT_EQ(serialized.continuation_points,
            (std::vector<std::size_t>{40, expected.size() - 4}));
}

TEST(ImapCommandSerialize, WritesAuthenticateInitialResponses) {
  EXPECT_EQ(bytes_of({"A01", Authenticate{"PLAIN", std::string("test\0test\0test", 14)}}),
            "A01 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n");
  EXPECT_EQ(bytes_of({"A01", Authenticate{"EXTERNAL", std::string()}}), "A01 AUTHENTICATE EXTERNAL =\r\n");
  EXPECT_EQ(bytes_of({"A01", Authenticate{"GSSAPI", std::nullopt}}), "A01 AUTHENTICATE GSSAPI\r\n");
}

TEST(ImapCommandSerialize, WritesLinesInsideExchanges) {
  EXPECT_EQ(serialize_idle_done(), "DONE\r\n");
  EXPECT_EQ(serialize_authenticate_response("test"), "dGVzdA==\r\n");
  EXPECT_EQ(serialize_authenticate_response(""), "\r\n");
  EXPECT_EQ(serialize_authenticate_cancel(), "*\r\n");
}

TEST(ImapCommandSerialize, WritesSearchCanonically) {
  Search search;
  search.uid = true;
  search.return_options = SearchReturn{true, false, false, true, false, {}};
  search.charset = "UTF-8";
  search.keys = {SearchKey::simple(SearchKey::Kind::flagged),
                 SearchKey::with_date(SearchKey::Kind::since, Date{1, 2, 1994}),
                 SearchKey::not_key(SearchKey::with_value(SearchKey::Kind::from, "Smith"))};
  EXPECT_EQ(bytes_of({"A282", search}),
            "A282 UID SEARCH RETURN (MIN COUNT) CHARSET UTF-8 FLAGGED SINCE 1-Feb-1994 NOT FROM Smith\r\n");
}

TEST(ImapCommandSerialize, WritesExtendedList) {
  List list;
  list.selection = ListSelection{true, false, true, false, {}};
  list.patterns = {"INBOX", "Sent/%"};
  list.return_options = ListReturn{};
  list.return_options->children = true;
  list.return_options->status = std::vector<StatusItem>{StatusItem::messages, StatusItem::unseen};
  EXPECT_EQ(bytes_of({"A1", list}),
            "A1 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (INBOX Sent/%) RETURN (CHILDREN STATUS (MESSAGES UNSEEN))\r\n");
}

TEST(ImapCommandSerialize, WritesSelectWithQresync) {
  Select select;
  select.mailbox = "INBOX";
  select.parameters.qresync = QresyncParameters{67890007, 90060115194045000, SequenceSet{{{41, 211}}, false},
                                                QresyncParameters::SequenceMatch{SequenceSet{{{1, 2}}, false},
                                                                                 SequenceSet{{{3, 4}}, false}}};
  EXPECT_EQ(bytes_of({"B02", select}), "B02 SELECT INBOX (QRESYNC (67890007 90060115194045000 41:211 (1:2 3:4)))\r\n");
}

TEST(ImapCommandSerialize, WritesFetchModifiers) {
  Fetch fetch;
  fetch.uid = true;
  fetch.set = SequenceSet{{{300, 500}}, false};
  fetch.attributes = {FetchAttribute::simple(FetchAttribute::Kind::flags)};
  fetch.changed_since = 12345;
  fetch.vanished = true;
  EXPECT_EQ(bytes_of({"A01", fetch}), "A01 UID FETCH 300:500 FLAGS (CHANGEDSINCE 12345 VANISHED)\r\n");
}

TEST(ImapCommandSerialize, UnknownCommandKeepsItsBytesAndContinuationPoints) {
  const Command command{"a1", UnknownCommand{false, "XFROB", std::string("{3}\r\nabc {2+}\r\nxy")}};
  const auto serialized = serialize_command(command);
  EXPECT_EQ(serialized.bytes, "a1 XFROB {3}\r\nabc {2+}\r\nxy\r\n");
  EXPECT_EQ(serialized.continuation_points, (std::vector<std::size_t>{14}));
}

TEST(ImapCommandSerialize, CommandNames) {
  EXPECT_EQ(command_name({"a", Copy{true, {}, "x"}}), "UID COPY");
  EXPECT_EQ(command_name({"a", UidExpunge{}}), "UID EXPUNGE");
  EXPECT_EQ(command_name({"a", Examine{}}), "EXAMINE");
}

}  // namespace
}  // namespace conformance::codec::imap::command
