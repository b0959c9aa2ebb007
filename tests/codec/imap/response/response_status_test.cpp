// Status responses, response codes and continuation requests (RFC 9051
// §7.1, §7.6; RFC 3501 §7.1; RFC 4315; RFC 7162; RFC 5530).
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace conformance::codec::imap {
namespace {

using test::expect_round_trip;
using test::parse_as;
using test::parse_error;
using test::parse_ok;

ResponseCode code_of(std::string_view frame) {
  const auto status = parse_as<StatusResponse>(frame);
  EXPECT_TRUE(status.text.code.has_value()) << frame;
  return status.text.code.value_or(ResponseCode{});
}

TEST(ImapStatusResponse, ParsesUntaggedGreeting) {
  // RFC 9051 §7.1.1
  const auto status = parse_as<StatusResponse>("* OK IMAP4rev2 server ready\r\n");
  EXPECT_FALSE(status.tag.has_value());
  EXPECT_EQ(status.status, Status::ok);
  EXPECT_FALSE(status.text.code.has_value());
  EXPECT_EQ(status.text.text, "IMAP4rev2 server ready");
}

TEST(ImapStatusResponse, ParsesTaggedNoWithText) {
  // RFC 9051 §7.1.2
  const auto status = parse_as<StatusResponse>("A223 NO COPY failed: disk is full\r\n");
  EXPECT_EQ(status.tag, "A223");
  EXPECT_EQ(status.status, Status::no);
  EXPECT_EQ(status.text.text, "COPY failed: disk is full");
}

TEST(ImapStatusResponse, ParsesUntaggedBadNoPreauthAndBye) {
  EXPECT_EQ(parse_as<StatusResponse>("* BAD Disk crash, attempting salvage to a new disk!\r\n").status, Status::bad);
  EXPECT_EQ(parse_as<StatusResponse>("* NO Disk is 98% full, please delete unnecessary data\r\n").status, Status::no);
  const auto preauth = parse_as<StatusResponse>("* PREAUTH IMAP4rev2 server logged in as Smith\r\n");
  EXPECT_EQ(preauth.status, Status::preauth);
  EXPECT_EQ(preauth.text.text, "IMAP4rev2 server logged in as Smith");
  const auto bye = parse_as<StatusResponse>("* BYE Autologout; idle for too long\r\n");
  EXPECT_EQ(bye.status, Status::bye);
  EXPECT_EQ(bye.text.text, "Autologout; idle for too long");
}

TEST(ImapStatusResponse, AcceptsLowercaseStatusKeyword) {
  const auto status = parse_as<StatusResponse>("a1 ok done\r\n");
  EXPECT_EQ(status.status, Status::ok);
  EXPECT_EQ(status.text.text, "done");
}

TEST(ImapStatusResponse, AcceptsEmptyTextAfterSp) {
  // RFC 9051 §9: resp-text = ["[" resp-text-code "]" SP] [text]
  const auto status = parse_as<StatusResponse>("A1 OK \r\n");
  EXPECT_EQ(status.text.text, "");
}

TEST(ImapStatusResponse, RejectsPreauthAndByeWhenTagged) {
  const ParseError error = parse_error("A1 BYE going away\r\n");
  EXPECT_EQ(error.offset, 3u);
  EXPECT_EQ(error.expected, "OK, NO or BAD");
}

TEST(ImapStatusResponse, RejectsTagWithPlus) {
  const ParseError error = parse_error("A+1 OK done\r\n");
  EXPECT_EQ(error.offset, 1u);
  EXPECT_EQ(error.expected, "SP");
}

TEST(ImapStatusResponse, RejectsMissingCrlf) {
  const ParseError error = parse_error("A1 OK done");
  EXPECT_EQ(error.offset, 10u);
  EXPECT_EQ(error.expected, "CRLF");
}

TEST(ImapStatusResponse, RejectsNulInText) {
  const ParseError error = parse_error(std::string("A1 OK do\0ne\r\n", 13));
  EXPECT_EQ(error.offset, 8u);
}

TEST(ImapResponseCode, ParsesCodesWithoutArguments) {
  struct Case {
    const char* frame;
    CodeKind kind;
  };
  // RFC 9051 §7.1 examples, one per code.
  const Case cases[] = {
      {"o356 NO [ALREADYEXISTS] Mailbox \"that\" already exists\r\n", CodeKind::alreadyexists},
      {"b NO [AUTHENTICATIONFAILED] Authentication failed\r\n", CodeKind::authenticationfailed},
      {"c1 NO [AUTHORIZATIONFAILED] No such authorization-ID\r\n", CodeKind::authorizationfailed},
      {"l NO [CANNOT] Adjacent slashes are not supported\r\n", CodeKind::cannot},
      {"k2 OK [CLIENTBUG] Done\r\n", CodeKind::clientbug},
      {"* OK [CLOSED]\r\n", CodeKind::closed},
      {"i NO [CORRUPTION] Cannot open mailbox\r\n", CodeKind::corruption},
      {"d NO [EXPIRED] That password isn't valid any more\r\n", CodeKind::expired},
      {"h OK [EXPUNGEISSUED] Search completed\r\n", CodeKind::expungeissued},
      {"o356 NO [HASCHILDREN] Mailbox \"Notes\" has children that need to be deleted first\r\n",
       CodeKind::haschildren},
      {"g NO [INUSE] Mailbox in use\r\n", CodeKind::inuse},
      {"m NO [LIMIT] At most 32 flags in one mailbox supported\r\n", CodeKind::limit},
      {"p NO [NONEXISTENT] No such mailbox\r\n", CodeKind::nonexistent},
      {"f NO [NOPERM] Access denied\r\n", CodeKind::noperm},
      {"n1 NO [OVERQUOTA] Sorry\r\n", CodeKind::overquota},
      {"d NO [PRIVACYREQUIRED] Connection offers no privacy\r\n", CodeKind::privacyrequired},
      {"j NO [SERVERBUG] This should not happen\r\n", CodeKind::serverbug},
      {"a NO [UNAVAILABLE] User's backend down for maintenance\r\n", CodeKind::unavailable},
      {"* OK [ALERT] System shutdown in 10 minutes\r\n", CodeKind::alert},
      {"A1 NO [TRYCREATE] No such mailbox\r\n", CodeKind::trycreate},
      {"A1 OK [READ-ONLY] EXAMINE completed\r\n", CodeKind::read_only},
      {"A1 OK [READ-WRITE] SELECT completed\r\n", CodeKind::read_write},
      {"A1 NO [PARSE] Bad header\r\n", CodeKind::parse},
      {"* NO [UIDNOTSTICKY] Non-persistent UIDs\r\n", CodeKind::uidnotsticky},
      {"A1 NO [UNKNOWN-CTE] Can't decode\r\n", CodeKind::unknown_cte},
      {"* OK [NOMODSEQ] Sorry, this mailbox format doesn't support modsequences\r\n", CodeKind::nomodseq},
      {"A1 OK [NOTSAVED] Search completed\r\n", CodeKind::notsaved},
      {"A1 OK [COMPRESSIONACTIVE] already\r\n", CodeKind::compressionactive},
  };
  for (const auto& c : cases) {
    const ResponseCode code = code_of(c.frame);
    EXPECT_EQ(code.kind, c.kind) << c.frame;
    expect_round_trip(parse_ok(c.frame));
  }
}

TEST(ImapResponseCode, ParsesCodeEndingTheLine) {
  // RFC 9051 §7.1 writes "e NO [CONTACTADMIN]" with no SP or text after it.
  const auto status = parse_as<StatusResponse>("e NO [CONTACTADMIN]\r\n");
  ASSERT_TRUE(status.text.code.has_value());
  EXPECT_EQ(status.text.code->kind, CodeKind::contactadmin);
  EXPECT_EQ(status.text.text, "");
}

TEST(ImapResponseCode, ParsesNumberCodes) {
  EXPECT_EQ(code_of("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n"), make_code(CodeKind::uidvalidity, 3857529045));
  EXPECT_EQ(code_of("* OK [UIDNEXT 4392] Predicted next UID\r\n"), make_code(CodeKind::uidnext, 4392));
  EXPECT_EQ(code_of("* OK [UNSEEN 17] Message 17 is the first unseen message\r\n"), make_code(CodeKind::unseen, 17));
  // RFC 7162 §3.1.2.1
  EXPECT_EQ(code_of("* OK [HIGHESTMODSEQ 715194045007]\r\n"), make_code(CodeKind::highestmodseq, 715194045007));
}

TEST(ImapResponseCode, ParsesAppendUidExample) {
  // RFC 4315 §3
  const ResponseCode code = code_of("A003 OK [APPENDUID 38505 3955] APPEND completed\r\n");
  EXPECT_EQ(code.kind, CodeKind::appenduid);
  EXPECT_EQ(code.number, 38505u);
  EXPECT_EQ(to_string(code.uids), "3955");
}

TEST(ImapResponseCode, ParsesCopyUidExample) {
  // RFC 4315 §3
  const ResponseCode code = code_of("A004 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n");
  EXPECT_EQ(code.kind, CodeKind::copyuid);
  EXPECT_EQ(code.number, 38505u);
  ASSERT_EQ(code.uids.ranges.size(), 2u);
  EXPECT_EQ(code.uids.ranges[1], (SequenceRange{319, 320}));
  EXPECT_EQ(to_string(code.destination_uids), "3956:3958");
  expect_round_trip(parse_ok("A004 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n"));
}

TEST(ImapResponseCode, ParsesModifiedExample) {
  // RFC 7162 §3.1.3
  const ResponseCode code = code_of("d105 OK [MODIFIED 7,9] Conditional STORE failed\r\n");
  EXPECT_EQ(code.kind, CodeKind::modified);
  EXPECT_EQ(to_string(code.uids), "7,9");
}

TEST(ImapResponseCode, ParsesPermanentFlagsWithStar) {
  const ResponseCode code = code_of("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n");
  EXPECT_EQ(code.kind, CodeKind::permanentflags);
  EXPECT_EQ(code.list, (std::vector<std::string>{"\\Deleted", "\\Seen", "\\*"}));
  EXPECT_TRUE(code_of("* OK [PERMANENTFLAGS ()] No permanent flags permitted\r\n").list.empty());
}

TEST(ImapResponseCode, ParsesCapabilityCode) {
  const ResponseCode code =
      code_of("* OK [CAPABILITY STARTTLS AUTH=SCRAM-SHA-256 LOGINDISABLED IMAP4rev2] IMAP4rev2 Service Ready\r\n");
  EXPECT_EQ(code.kind, CodeKind::capability);
  EXPECT_EQ(code.list, (std::vector<std::string>{"STARTTLS", "AUTH=SCRAM-SHA-256", "LOGINDISABLED", "IMAP4rev2"}));
}

TEST(ImapResponseCode, ParsesBadcharsetWithAndWithoutList) {
  EXPECT_TRUE(code_of("A1 NO [BADCHARSET] Unsupported\r\n").list.empty());
  const ResponseCode code = code_of("A1 NO [BADCHARSET (UTF-8 \"US-ASCII\")] Unsupported\r\n");
  EXPECT_EQ(code.kind, CodeKind::badcharset);
  EXPECT_EQ(code.list, (std::vector<std::string>{"UTF-8", "US-ASCII"}));
}

TEST(ImapResponseCode, KeepsUnknownCodeWithItsText) {
  // RFC 8474 MAILBOXID is not typed here: kept as atom and text.
  const ResponseCode code = code_of("A1 OK [MAILBOXID (F2212ea87-6097)] Created\r\n");
  EXPECT_EQ(code.kind, CodeKind::other);
  EXPECT_EQ(code.name, "MAILBOXID");
  EXPECT_EQ(code.text, "(F2212ea87-6097)");
  const ResponseCode bare = code_of("* OK [XYZZY] Nothing happens\r\n");
  EXPECT_EQ(bare.name, "XYZZY");
  EXPECT_FALSE(bare.text.has_value());
}

TEST(ImapResponseCode, ReadsBracketWithoutCodeAsText) {
  const auto status = parse_as<StatusResponse>("* OK [not closed\r\n");
  EXPECT_FALSE(status.text.code.has_value());
  EXPECT_EQ(status.text.text, "[not closed");
}

TEST(ImapResponseCode, RejectsBadNumberInUidnext) {
  const ParseError error = parse_error("* OK [UIDNEXT abc] Predicted next UID\r\n");
  EXPECT_EQ(error.offset, 14u);
  EXPECT_EQ(error.expected, "number");
}

TEST(ImapResponseCode, RejectsZeroUidvalidity) {
  const ParseError error = parse_error("* OK [UIDVALIDITY 0] x\r\n");
  EXPECT_EQ(error.offset, 18u);
  EXPECT_EQ(error.expected, "non-zero number");
}

TEST(ImapResponseCode, RejectsNumberOverflow) {
  const ParseError error = parse_error("* OK [UIDNEXT 4294967296] x\r\n");
  EXPECT_EQ(error.offset, 14u);
}

TEST(ImapResponseCode, RejectsArgumentAfterArgumentlessCode) {
  const ParseError error = parse_error("* OK [READ-WRITE now] x\r\n");
  EXPECT_EQ(error.offset, 16u);
  EXPECT_EQ(error.expected, "']'");
}

TEST(ImapResponseCode, RejectsTextGluedToCode) {
  const ParseError error = parse_error("A1 OK [READ-WRITE]done\r\n");
  EXPECT_EQ(error.offset, 18u);
  EXPECT_EQ(error.expected, "SP after ']'");
}

TEST(ImapContinuationRequest, ParsesText) {
  // RFC 9051 §7.6
  const auto request = parse_as<ContinuationRequest>("+ Ready for additional command text\r\n");
  EXPECT_EQ(request.text.text, "Ready for additional command text");
}

TEST(ImapContinuationRequest, DecodesBase64Challenge) {
  // RFC 9051 §8, the second SCRAM challenge.
  const auto request = parse_as<ContinuationRequest>("+ dj02cnJpVFJCaTIzV3BSUi93dHVwK21NaFVaVW4vZEI1bkxUSlJzamw5NUc0PQ==\r\n");
  EXPECT_EQ(request.decoded_base64(), "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
  EXPECT_EQ(parse_as<ContinuationRequest>("+ Ready\r\n").decoded_base64(), std::nullopt);
  EXPECT_EQ(parse_as<ContinuationRequest>("+ \r\n").decoded_base64(), "");
}

TEST(ImapContinuationRequest, RejectsPlusWithoutSpStrictly) {
  const ParseError error = parse_error("+\r\n");
  EXPECT_EQ(error.offset, 1u);
  EXPECT_EQ(error.expected, "SP after '+'");
}

TEST(ImapStatusResponse, RoundTripsEveryStatus) {
  for (const char* frame : {"* OK [UIDNEXT 4392] Predicted next UID\r\n", "A1 NO [TRYCREATE] no\r\n",
                            "* BAD Empty command line\r\n", "* PREAUTH [CAPABILITY IMAP4rev2] hi\r\n",
                            "* BYE bye\r\n", "+ \r\n", "+ [ALERT] careful\r\n", "A1 OK [X-CODE some text] y\r\n",
                            "* OK [ text\r\n", "A1 OK [HIGHESTMODSEQ 20010715194045319] expunged\r\n"})
    expect_round_trip(parse_ok(frame));
}

TEST(ImapStatusResponse, SerializesHandBuiltResponseCanonically) {
  StatusResponse response;
  response.tag = "A003";
  response.status = Status::ok;
  ResponseCode code = make_code(CodeKind::appenduid, 38505);
  code.uids.ranges.push_back({3955, 3955});
  response.text = {code, "APPEND completed"};
  EXPECT_EQ(serialize_response(response), "A003 OK [APPENDUID 38505 3955] APPEND completed\r\n");

  StatusResponse greeting;
  ResponseCode capabilities = make_code(CodeKind::capability);
  capabilities.list = {"IMAP4rev2", "AUTH=PLAIN"};
  greeting.text = {capabilities, "ready"};
  EXPECT_EQ(serialize_response(greeting), "* OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready\r\n");
}

}  // namespace
}  // namespace conformance::codec::imap
