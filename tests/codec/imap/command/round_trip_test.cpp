// parse(serialize(x)) == x for every command, from lines in the RFCs'
// examples and from the corners of the grammar; and lines already in the
// serializer's canonical form come back byte for byte.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "command_test_support.hpp"

namespace conformance::codec::imap::command {
namespace {

using namespace std::string_literals;
using testing::expect_round_trip;
using testing::parse_ok;

const std::vector<std::string> kLines = {
    "abcd CAPABILITY\r\n",
    "a002 NOOP\r\n",
    "A023 LOGOUT\r\n",
    "a023 ID (\"name\" \"sodr\" \"version\" \"19.34\" \"vendor\" \"Pink Floyd Music Limited\")\r\n",
    "a042 ID NIL\r\n",
    "a1 ID ()\r\n",
    "a1 ID (\"os\" NIL \"x\" {3}\r\na\"b)\r\n",
    "a002 STARTTLS\r\n",
    "A001 AUTHENTICATE GSSAPI\r\n",
    "A01 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n",
    "A01 AUTHENTICATE EXTERNAL =\r\n",
    "a001 LOGIN SMITH SESAME\r\n",
    "A001 LOGIN {11+}\r\nFRED FOOBAR {7}\r\nfat man\r\n",
    "a LOGIN \"NIL\" \"\"\r\n",
    "t2 ENABLE CONDSTORE X-GOOD-IDEA\r\n",
    "A142 SELECT INBOX\r\n",
    "a SELECT INBOX (CONDSTORE)\r\n",
    "A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))\r\n",
    "B04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,9990:9999 15000,22500)))\r\n",
    "B05 EXAMINE INBOX (QRESYNC (1 2 (1 3)) CONDSTORE X-FOO (a (b \"c d\")) X-BAR 1:*)\r\n",
    "A932 EXAMINE blurdybloop\r\n",
    "A003 CREATE owatagusiam/\r\n",
    "t1 CREATE MySpecial (USE (\\Drafts \\Sent))\r\n",
    "t1 CREATE x (USE () X-OTHER (1))\r\n",
    "A683 DELETE blurdybloop\r\n",
    "A683 RENAME blurdybloop sarasoop\r\n",
    "A683 RENAME a b (X-P 5)\r\n",
    "A002 SUBSCRIBE #news.comp.mail.mime\r\n",
    "A002 UNSUBSCRIBE #news.comp.mail.mime\r\n",
    "A101 LIST \"\" \"\"\r\n",
    "A202 LIST ~/Mail/ %\r\n",
    "A02 LIST (SUBSCRIBED) \"\" \"*\"\r\n",
    "A03 LIST () \"\" \"%\" RETURN (CHILDREN)\r\n",
    "A05 LIST (REMOTE SUBSCRIBED RECURSIVEMATCH SPECIAL-USE X-V (1)) \"/\" \"*\" RETURN ()\r\n",
    "BBB LIST \"\" (\"INBOX\" \"Drafts\" \"Sent/%\")\r\n",
    "A02 LIST \"\" % RETURN (SUBSCRIBED CHILDREN SPECIAL-USE STATUS (MESSAGES UNSEEN) MYRIGHTS)\r\n",
    "A002 LSUB \"#news.\" \"comp.mail.*\"\r\n",
    "A001 NAMESPACE\r\n",
    "A042 STATUS blurdybloop (UIDNEXT MESSAGES)\r\n",
    "a STATUS x (MESSAGES UIDNEXT UIDVALIDITY UNSEEN DELETED SIZE RECENT HIGHESTMODSEQ APPENDLIMIT MAILBOXID)\r\n",
    "A003 APPEND saved-messages (\\Seen) {5}\r\nhello\r\n",
    "A003 APPEND x () \" 1-Jul-2002 22:35:00 +0000\" {1}\r\na (\\Seen $Junk) ~{2+}\r\nb\0 UTF8 (~{1}\r\nc)\r\n"s,
    "A002 IDLE\r\n",
    "FXXZ CHECK\r\n",
    "A341 CLOSE\r\n",
    "A342 UNSELECT\r\n",
    "A202 EXPUNGE\r\n",
    "A003 UID EXPUNGE 3000:3002\r\n",
    "A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
    "A283 SEARCH RETURN () FLAGGED\r\n",
    "A285 SEARCH CHARSET UTF-8 TEXT {6}\r\n\xC3\xA9t\xC3\xA9!\r\n",
    "a SEARCH CHARSET \"x y\" ALL\r\n",
    "a UID SEARCH RETURN (SAVE PARTIAL 1:100 X (1 2)) $ OR (SEEN 1:5) NOT UID 1,3:* HEADER \"Subject\" \"\"\r\n",
    "a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338 MODSEQ 1 LARGER 9223372036854775807\r\n",
    "a SEARCH KEYWORD $Forwarded UNKEYWORD x OLDER 1 YOUNGER 2 EMAILID a-b_c THREADID T1 SAVEDON 1-Jan-2000\r\n",
    "A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])\r\n",
    "a003 fetch 12 full\r\n",
    "a FETCH * (BODY.PEEK[1.2.MIME]<0.2048> BINARY[1] BINARY.PEEK[2.1]<10.20> BINARY.SIZE[3] BODY[] BODY[TEXT])\r\n",
    "a FETCH 1 (ENVELOPE RFC822 RFC822.HEADER RFC822.SIZE RFC822.TEXT BODY BODYSTRUCTURE UID MODSEQ)\r\n",
    "s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345 VANISHED X-MOD (1))\r\n",
    "A003 STORE 2:4 +FLAGS (\\Deleted)\r\n",
    "a005 store 12 +flags \\deleted \\Seen\r\n",
    "d105 UID STORE 7,5,9 (UNCHANGEDSINCE 320162338 X-Y) -FLAGS.SILENT ()\r\n",
    "A003 COPY 2:4 MEETING\r\n",
    "a UID MOVE 42:69 foo\r\n",
    "a MOVE $ \"Other Messages\"\r\n",
    "a1 XFROB (1 2) {3}\r\nabc \"x\"\r\n",
    "a1 UID SORT (DATE) UTF-8 ALL\r\n",
    "a1 GETQUOTAROOT\r\n",
    "a1 X \r\n",
};

TEST(ImapCommandRoundTrip, EveryLineRoundTrips) {
  for (const auto& line : kLines) {
    SCOPED_TRACE(line);
    expect_round_trip(parse_ok(line));
  }
}

TEST(ImapCommandRoundTrip, EveryLineRoundTripsWithLiteralPlusAndUtf8) {
  WriterOptions options;
  options.non_synchronizing_literals = true;
  options.allow_8bit_quoted = true;
  for (const auto& line : kLines) {
    SCOPED_TRACE(line);
    expect_round_trip(parse_ok(line), options);
  }
}

TEST(ImapCommandRoundTrip, CanonicalLinesComeBackByteForByte) {
  const std::vector<std::string> canonical = {
      "abcd CAPABILITY\r\n",
      "A01 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n",
      "A142 SELECT INBOX (CONDSTORE QRESYNC (1 2 3:4 (1:2 3:4)) X-A (b))\r\n",
      "A02 LIST (SUBSCRIBED) \"\" * RETURN (CHILDREN STATUS (MESSAGES))\r\n",
      "A282 SEARCH RETURN (MIN COUNT) CHARSET UTF-8 FLAGGED SINCE 1-Feb-1994 NOT FROM Smith\r\n",
      "A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])\r\n",
      "a UID FETCH 1:* FLAGS (CHANGEDSINCE 5 VANISHED)\r\n",
      "d105 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)\r\n",
      "a UID MOVE 42:69 foo\r\n",
      "a1 UID SORT (DATE) UTF-8 ALL\r\n",
  };
  for (const auto& line : canonical) EXPECT_EQ(serialize_command(parse_ok(line)).bytes, line);
}

TEST(ImapCommandRoundTrip, CommandsBuiltByHandRoundTrip) {
  Append append;
  append.mailbox = "Drafts";
  append.messages.push_back({std::vector<std::string>{"\\Draft"}, std::nullopt, std::string("bin\0ary", 7), true, false});
  expect_round_trip({"h1", append});

  Search search;
  search.keys = {SearchKey::or_key(SearchKey::header_key("X-Spam", "yes"),
                                   SearchKey::list_key({SearchKey::with_number(SearchKey::Kind::larger, 1),
                                                        SearchKey::with_value(SearchKey::Kind::body, "a\r\nb")}))};
  expect_round_trip({"h2", search});

  Id id;
  id.fields = std::vector<Id::Field>{{"name", "harness"}, {"NIL", std::nullopt}, {"empty", ""}};
  expect_round_trip({"h3", id});
}

}  // namespace
}  // namespace conformance::codec::imap::command
