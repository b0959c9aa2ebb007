// Real servers' quirks: rejected at their offset in strict mode (the
// default), accepted and reported in lenient mode, and what lenient
// parsing produces still serializes to a response that parses back equal.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace conformance::codec::imap {
namespace {

using test::lenient_options;
using test::parse_error;

struct Quirk {
  const char* frame;
  std::size_t offset;    // where strict parsing fails and lenient parsing reports
  const char* leniency;  // what lenient parsing reports there
};

void expect_quirk(const Quirk& quirk) {
  SCOPED_TRACE(quirk.frame);
  const ParseError error = parse_error(quirk.frame);
  EXPECT_EQ(error.offset, quirk.offset);

  std::vector<Leniency> leniencies;
  auto lenient = parse_response(quirk.frame, lenient_options(), &leniencies);
  ASSERT_TRUE(lenient.ok()) << lenient.error().message();
  ASSERT_FALSE(leniencies.empty());
  EXPECT_EQ(leniencies[0], (Leniency{quirk.offset, quirk.leniency}));

  const std::string canonical = serialize_response(lenient.value());
  auto again = parse_response(canonical, lenient_options());
  ASSERT_TRUE(again.ok()) << canonical;
  EXPECT_TRUE(again.value() == lenient.value()) << canonical;
}

TEST(ImapLenientParsing, ToleratesSpBeforeClosingParenthesis) {
  expect_quirk({"* 1 FETCH (FLAGS (\\Seen ) UID 4)\r\n", 23, "SP before ')'"});
  expect_quirk({"* 1 FETCH (UID 4 )\r\n", 16, "SP before ')'"});
  expect_quirk({"* FLAGS ( )\r\n", 9, "SP before ')'"});
}

TEST(ImapLenientParsing, ToleratesNilWhereAListIsDue) {
  expect_quirk({"* 1 FETCH (FLAGS NIL)\r\n", 17, "NIL where a flag list is due"});
  expect_quirk({"* LIST NIL \"/\" INBOX\r\n", 7, "NIL where a list of mailbox attributes is due"});
}

TEST(ImapLenientParsing, ToleratesEmptyListWhereNilIsDue) {
  expect_quirk({"* 1 FETCH (BODY (\"TEXT\" \"PLAIN\" () NIL NIL \"7BIT\" 1 1))\r\n", 33,
                "empty parameter list where NIL is due"});
  expect_quirk({"* 1 FETCH (ENVELOPE (NIL NIL () NIL NIL NIL NIL NIL NIL NIL))\r\n", 30,
                "empty address list where NIL is due"});
}

TEST(ImapLenientParsing, ToleratesMissingBodyLines) {
  expect_quirk({"* 1 FETCH (BODY (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10))\r\n", 53, "body-fld-lines missing"});
  expect_quirk({"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7bit\" 10 NIL NIL NIL NIL))\r\n", 62,
                "body-fld-lines missing"});
}

TEST(ImapLenientParsing, ToleratesMessagePartWithoutEnvelope) {
  expect_quirk({"* 1 FETCH (BODY (\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 10))\r\n", 57,
                "message/rfc822 part without envelope, body and lines"});
}

TEST(ImapLenientParsing, ToleratesSpacesBetweenPartsAndAddresses) {
  expect_quirk({"* 1 FETCH (BODY ((\"A\" \"B\" NIL NIL NIL \"7BIT\" 1) (\"C\" \"D\" NIL NIL NIL \"7BIT\" 2) \"MIXED\"))\r\n",
                47, "SP between body parts"});
  expect_quirk({"* 1 FETCH (ENVELOPE (NIL NIL ((NIL NIL \"a\" \"b\") (NIL NIL \"c\" \"d\")) NIL NIL NIL NIL NIL NIL "
                "NIL))\r\n",
                47, "SP between addresses"});
  expect_quirk({"* NAMESPACE ((\"\" \"/\") (\"#mh/\" \"/\")) NIL NIL\r\n", 21, "SP between namespace descriptors"});
}

TEST(ImapLenientParsing, ToleratesDoubleSp) {
  // RFC 2342 §5 example 5.5 itself has "NIL  NIL".
  expect_quirk({"* NAMESPACE ((\"INBOX.\" \".\")) NIL  NIL\r\n", 33, "more than one SP"});
}

TEST(ImapLenientParsing, ToleratesMissingStatusText) {
  expect_quirk({"A1 OK\r\n", 5, "no SP and text after the status"});
  expect_quirk({"+\r\n", 1, "'+' without SP"});
  expect_quirk({"A1 OK [READ-WRITE]done\r\n", 18, "no SP after a response code"});
}

TEST(ImapLenientParsing, ToleratesTrailingSpAfterSearchAndCapability) {
  expect_quirk({"* SEARCH \r\n", 8, "SP at the end of a SEARCH response"});
  expect_quirk({"* SEARCH 1 2 \r\n", 12, "SP at the end of a SEARCH response"});
  expect_quirk({"* CAPABILITY IMAP4rev1 \r\n", 22, "SP at the end of CAPABILITY"});
}

TEST(ImapLenientParsing, ToleratesAtomsWhereStringsAreDue) {
  expect_quirk({"* 1 FETCH (BODY (TEXT \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1))\r\n", 17, "atom where a string is due"});
  // Recorded as a quoted string, as it would have been sent.
  expect_quirk({"* 1 FETCH (RFC822 RIL)\r\n", 18, "atom where a string is due"});
  auto parsed = parse_response("* 1 FETCH (RFC822 RIL)\r\n", lenient_options());
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(std::get<FetchData>(parsed.value()).get<FetchRfc822>()->form, StringForm::quoted);
}

TEST(ImapLenientParsing, ToleratesNilEncoding) {
  expect_quirk({"* 1 FETCH (BODY (\"IMAGE\" \"GIF\" NIL NIL NIL NIL 1))\r\n", 43, "NIL content transfer encoding"});
}

TEST(ImapLenientParsing, ToleratesNonSynchronizingLiteralFromServer) {
  expect_quirk({"* 1 FETCH (BODY[] {2+}\r\nab)\r\n", 18, "non-synchronizing literal from a server"});
}

TEST(ImapLenientParsing, ToleratesEmptyDelimiter) {
  expect_quirk({"* LIST () \"\" INBOX\r\n", 10, "\"\" as hierarchy delimiter (NIL is due)"});
}

TEST(ImapLenientParsing, KeepsMalformedKnownCodeAsGeneric) {
  expect_quirk({"* OK [UIDNEXT soon] x\r\n", 14, "malformed UIDNEXT response code kept as generic"});
  std::vector<Leniency> leniencies;
  auto parsed = parse_response("* OK [UIDNEXT soon] x\r\n", lenient_options(), &leniencies);
  ASSERT_TRUE(parsed.ok());
  const auto& code = std::get<StatusResponse>(parsed.value()).text.code;
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(code->kind, CodeKind::other);
  EXPECT_EQ(code->name, "UIDNEXT");
  EXPECT_EQ(code->text, "soon");
}

TEST(ImapLenientParsing, ReportsEveryQuirkOfAResponse) {
  std::vector<Leniency> leniencies;
  auto parsed = parse_response("* 1 FETCH (FLAGS NIL UID 4 )\r\n", lenient_options(), &leniencies);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(leniencies, (std::vector<Leniency>{{17, "NIL where a flag list is due"}, {26, "SP before ')'"}}));
}

TEST(ImapLenientParsing, StillRejectsWhatNoQuirkExplains) {
  const ParseError error = parse_error("* 1 FETCH (UID 4 X-GM-LABELS (\\Inbox))\r\n", lenient_options());
  EXPECT_EQ(error.offset, 17u);
}

}  // namespace
}  // namespace conformance::codec::imap
