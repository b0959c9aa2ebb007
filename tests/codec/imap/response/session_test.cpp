// The sample sessions of RFC 9051 §8 and RFC 3501 §8: every server line,
// run through the decoder as one stream, parses to the exact structure.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace conformance::codec::imap {
namespace {

using test::decode_stream;
using test::StreamEvent;

Response tagged(std::string tag, Status status, std::string text, std::optional<ResponseCode> code = std::nullopt) {
  return StatusResponse{std::move(tag), status, ResponseText{std::move(code), std::move(text)}};
}

Response untagged(Status status, std::string text, std::optional<ResponseCode> code = std::nullopt) {
  return StatusResponse{std::nullopt, status, ResponseText{std::move(code), std::move(text)}};
}

Response continuation(std::string text) { return ContinuationRequest{ResponseText{std::nullopt, std::move(text)}}; }

const std::vector<std::string> kSelectFlags = {"\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"};

// The message both samples fetch (RFC 9051 §8 has "IMAP4rev2" in the
// subject and a message-id that lost its final "u").
FetchData fetch_full(const std::string& revision, const std::string& message_id) {
  const Address gray{"Terry Gray", std::nullopt, "gray", "cac.washington.edu"};
  Envelope envelope;
  envelope.date = "Wed, 17 Jul 1996 02:23:25 -0700 (PDT)";
  envelope.subject = revision + " WG mtg summary and minutes";
  envelope.from = {gray};
  envelope.sender = {gray};
  envelope.reply_to = {gray};
  envelope.to = {{std::nullopt, std::nullopt, "imap", "cac.washington.edu"}};
  envelope.cc = {{std::nullopt, std::nullopt, "minutes", "CNRI.Reston.VA.US"},
                 {"John Klensin", std::nullopt, "KLENSIN", "MIT.EDU"}};
  envelope.message_id = message_id;
  BodyStructure body;
  body.type = "TEXT";
  body.subtype = "PLAIN";
  body.params = std::vector<std::pair<std::string, std::string>>{{"CHARSET", "US-ASCII"}};
  body.encoding = "7BIT";
  body.size = 3028;
  body.lines = 92;
  FetchData fetch;
  fetch.sequence = 12;
  fetch.items = {FetchFlags{{"\\Seen"}}, FetchInternalDate{DateTime{{17, 7, 1996}, 2, 44, 25, -420, false}},
                 FetchRfc822Size{4286}, FetchEnvelope{envelope}, FetchBody{body, false}};
  return fetch;
}

std::string header_of(const std::string& revision) {
  return "Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\r\n"
         "From: Terry Gray <gray@cac.washington.edu>\r\n"
         "Subject: " + revision + " WG mtg summary and minutes\r\n"
         "To: imap@cac.washington.edu\r\n"
         "cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\r\n"
         "Message-Id: <B27397-0100000@cac.washington.edu>\r\n"
         "MIME-Version: 1.0\r\n"
         "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n"
         "\r\n";
}

FetchData fetch_header(const std::string& revision) {
  Section section;
  section.text = Section::Text::header;
  return FetchData{12, {FetchBodySection{section, std::nullopt, header_of(revision), StringForm::literal}}};
}

FetchData fetch_flags() { return FetchData{12, {FetchFlags{{"\\Seen", "\\Deleted"}}}}; }

std::string fetch_full_line(const std::string& revision, const std::string& message_id) {
  return "* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 ENVELOPE "
         "(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"" + revision + " WG mtg summary and minutes\" "
         "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
         "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) "
         "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL \"" +
         message_id + "\") BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))\r\n";
}

// Decodes the stream whole, byte by byte and in 7-byte pieces, requires
// the same events each way, no errors, offsets that tile the stream, and
// the expected responses.
void expect_session(const std::string& stream, const std::vector<Response>& expected) {
  const std::vector<StreamEvent> whole = decode_stream(stream);
  EXPECT_EQ(decode_stream(stream, 1), whole);
  EXPECT_EQ(decode_stream(stream, 7), whole);
  ASSERT_EQ(whole.size(), expected.size());
  std::size_t offset = 0;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    ASSERT_TRUE(whole[i].response.has_value()) << "line " << i << ": " << whole[i].error->message();
    const DecodedResponse& decoded = *whole[i].response;
    EXPECT_EQ(decoded.offset, offset) << "line " << i;
    EXPECT_TRUE(decoded.leniencies.empty()) << "line " << i;
    EXPECT_TRUE(decoded.response == expected[i]) << "line " << i << " differs: "
                                                 << serialize_response(decoded.response);
    EXPECT_EQ(serialize_response(decoded.response), stream.substr(decoded.offset, decoded.length)) << "line " << i;
    offset += decoded.length;
  }
  EXPECT_EQ(offset, stream.size());
}

TEST(ImapSampleSession, Rfc9051Section8ParsesLineByLine) {
  const std::string message_id = "<B27397-0100000@cac.washington.ed>";
  std::string stream =
      "* OK [CAPABILITY STARTTLS AUTH=SCRAM-SHA-256 LOGINDISABLED IMAP4rev2] IMAP4rev2 Service Ready\r\n"
      "a000 OK Proceed with TLS negotiation\r\n"
      "+ cj1yT3ByTkdmd0ViZVJXZ2JORWtxTyVodllEcFdVYTJSYVRDQWZ1eEZJbGopaE5sRiRrMCxzPVcyMlphSjBTTlk3c29Fc1VFamI2Z1E9PSxp"
      "PTQwOTY=\r\n"
      "+ dj02cnJpVFJCaTIzV3BSUi93dHVwK21NaFVaVW4vZEI1bkxUSlJzamw5NUc0PQ==\r\n"
      "A001 OK SCRAM-SHA-256 authentication successful\r\n"
      "* ENABLED IMAP4rev2\r\n"
      "babc OK Some capabilities enabled\r\n"
      "* 18 EXISTS\r\n"
      "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
      "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n"
      "* LIST () \"/\" INBOX (\"OLDNAME\" (\"inbox\"))\r\n"
      "a002 OK [READ-WRITE] SELECT completed\r\n";
  stream += fetch_full_line("IMAP4rev2", message_id);
  stream += "a003 OK FETCH completed\r\n";
  stream += "* 12 FETCH (BODY[HEADER] {342}\r\n" + header_of("IMAP4rev2") + ")\r\n";
  stream +=
      "a004 OK FETCH completed\r\n"
      "* 12 FETCH (FLAGS (\\Seen \\Deleted))\r\n"
      "a005 OK +FLAGS completed\r\n"
      "* BYE IMAP4rev2 server terminating connection\r\n"
      "a006 OK LOGOUT completed\r\n";

  ResponseCode capability = make_code(CodeKind::capability);
  capability.list = {"STARTTLS", "AUTH=SCRAM-SHA-256", "LOGINDISABLED", "IMAP4rev2"};
  ListData inbox;
  inbox.delimiter = '/';
  inbox.mailbox = "INBOX";
  inbox.extended = {{"OLDNAME", StringForm::quoted, ExtensionValue::list_of({ExtensionValue::quoted("inbox")})}};

  const std::vector<Response> expected = {
      untagged(Status::ok, "IMAP4rev2 Service Ready", capability),
      tagged("a000", Status::ok, "Proceed with TLS negotiation"),
      continuation("cj1yT3ByTkdmd0ViZVJXZ2JORWtxTyVodllEcFdVYTJSYVRDQWZ1eEZJbGopaE5sRiRrMCxzPVcyMlphSjBTTlk3c29Fc1VF"
                   "amI2Z1E9PSxpPTQwOTY="),
      continuation("dj02cnJpVFJCaTIzV3BSUi93dHVwK21NaFVaVW4vZEI1bkxUSlJzamw5NUc0PQ=="),
      tagged("A001", Status::ok, "SCRAM-SHA-256 authentication successful"),
      EnabledData{{"IMAP4rev2"}},
      tagged("babc", Status::ok, "Some capabilities enabled"),
      ExistsData{18},
      FlagsData{kSelectFlags},
      untagged(Status::ok, "UIDs valid", make_code(CodeKind::uidvalidity, 3857529045)),
      inbox,
      tagged("a002", Status::ok, "SELECT completed", make_code(CodeKind::read_write)),
      fetch_full("IMAP4rev2", message_id),
      tagged("a003", Status::ok, "FETCH completed"),
      fetch_header("IMAP4rev2"),
      tagged("a004", Status::ok, "FETCH completed"),
      fetch_flags(),
      tagged("a005", Status::ok, "+FLAGS completed"),
      untagged(Status::bye, "IMAP4rev2 server terminating connection"),
      tagged("a006", Status::ok, "LOGOUT completed"),
  };
  expect_session(stream, expected);
}

TEST(ImapSampleSession, Rfc3501Section8ParsesLineByLine) {
  const std::string message_id = "<B27397-0100000@cac.washington.edu>";
  std::string stream =
      "* OK IMAP4rev1 Service Ready\r\n"
      "a001 OK LOGIN completed\r\n"
      "* 18 EXISTS\r\n"
      "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
      "* 2 RECENT\r\n"
      "* OK [UNSEEN 17] Message 17 is the first unseen message\r\n"
      "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n"
      "a002 OK [READ-WRITE] SELECT completed\r\n";
  stream += fetch_full_line("IMAP4rev1", message_id);
  stream += "a003 OK FETCH completed\r\n";
  stream += "* 12 FETCH (BODY[HEADER] {342}\r\n" + header_of("IMAP4rev1") + ")\r\n";
  stream +=
      "a004 OK FETCH completed\r\n"
      "* 12 FETCH (FLAGS (\\Seen \\Deleted))\r\n"
      "a005 OK +FLAGS completed\r\n"
      "* BYE IMAP4rev1 server terminating connection\r\n"
      "a006 OK LOGOUT completed\r\n";

  const std::vector<Response> expected = {
      untagged(Status::ok, "IMAP4rev1 Service Ready"),
      tagged("a001", Status::ok, "LOGIN completed"),
      ExistsData{18},
      FlagsData{kSelectFlags},
      RecentData{2},
      untagged(Status::ok, "Message 17 is the first unseen message", make_code(CodeKind::unseen, 17)),
      untagged(Status::ok, "UIDs valid", make_code(CodeKind::uidvalidity, 3857529045)),
      tagged("a002", Status::ok, "SELECT completed", make_code(CodeKind::read_write)),
      fetch_full("IMAP4rev1", message_id),
      tagged("a003", Status::ok, "FETCH completed"),
      fetch_header("IMAP4rev1"),
      tagged("a004", Status::ok, "FETCH completed"),
      fetch_flags(),
      tagged("a005", Status::ok, "+FLAGS completed"),
      untagged(Status::bye, "IMAP4rev1 server terminating connection"),
      tagged("a006", Status::ok, "LOGOUT completed"),
  };
  expect_session(stream, expected);
}

TEST(ImapSampleSession, Rfc7162QresyncSelectParses) {
  // RFC 7162 §3.2.5.1, long lines joined.
  const std::string stream =
      "* OK [CLOSED]\r\n"
      "* 100 EXISTS\r\n"
      "* 11 RECENT\r\n"
      "* OK [UIDVALIDITY 67890007] UIDVALIDITY\r\n"
      "* OK [UIDNEXT 600] Predicted next UID\r\n"
      "* OK [HIGHESTMODSEQ 90060115205545359] Highest mailbox mod-sequence\r\n"
      "* OK [UNSEEN 7] There are some unseen messages in the mailbox\r\n"
      "* FLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen)\r\n"
      "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen \\*)] Permanent flags\r\n"
      "* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n"
      "* 49 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045001))\r\n"
      "* 50 FETCH (UID 119 FLAGS (\\Draft $MDNSent) MODSEQ (90060115194045308))\r\n"
      "* 51 FETCH (UID 541 FLAGS (\\Seen $Forwarded) MODSEQ (90060115194045001))\r\n"
      "A03 OK [READ-WRITE] mailbox selected\r\n";
  const auto events = decode_stream(stream, 5);
  ASSERT_EQ(events.size(), 14u);
  for (const auto& event : events) ASSERT_TRUE(event.response.has_value()) << event.error->message();
  EXPECT_EQ(std::get<StatusResponse>(events[0].response->response).text.code->kind, CodeKind::closed);
  EXPECT_EQ(std::get<StatusResponse>(events[5].response->response).text.code->number, 90060115205545359u);
  EXPECT_TRUE(std::get<VanishedData>(events[9].response->response).earlier);
  const auto& fetch = std::get<FetchData>(events[11].response->response);
  EXPECT_EQ(fetch.sequence, 50u);
  EXPECT_EQ(fetch.get<FetchModSeq>()->modseq, 90060115194045308u);
  EXPECT_EQ(fetch.get<FetchFlags>()->flags, (std::vector<std::string>{"\\Draft", "$MDNSent"}));
}

}  // namespace
}  // namespace conformance::codec::imap
