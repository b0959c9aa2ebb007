// Rendering transcripts as text lines for reports.
#include "harness/net/transcript_text.hpp"

#include <gtest/gtest.h>

namespace conformance::net {
namespace {

TEST(TranscriptText, PrefixesEachLineWithItsDirection) {
  Transcript transcript;
  transcript.note("connected to 127.0.0.1:25");
  transcript.record(Direction::server_to_client, "220 mail.test ESMTP\r\n");
  transcript.record(Direction::client_to_server, "EHLO client.test\r\n");
  transcript.record(Direction::server_to_client, "250-mail.test\r\n250 STARTTLS\r\n");
  transcript.record(Direction::tls_event, "handshake ok: TLSv1.3");
  transcript.record(Direction::closed, "closed by peer");
  EXPECT_EQ(render_transcript(transcript),
            "#  connected to 127.0.0.1:25\n"
            "S: 220 mail.test ESMTP\n"
            "C: EHLO client.test\n"
            "S: 250-mail.test\n"
            "S: 250 STARTTLS\n"
            "T: handshake ok: TLSv1.3\n"
            "X: closed by peer\n");
}

TEST(TranscriptText, EscapesBytesOutsidePrintableAscii) {
  EXPECT_EQ(escape_bytes("a\tb\\c\x01\x7f\xc3\xa9\r\n"), "a\\tb\\\\c\\x01\\x7F\\xC3\\xA9\\r\\n");
}

TEST(TranscriptText, ShowsABareLfAndMarksAMissingCrlf) {
  Transcript transcript;
  transcript.record(Direction::client_to_server, "MAIL FROM:<a@b>\nRCPT TO:<c@d>\r\npartial");
  EXPECT_EQ(render_transcript(transcript),
            "C: MAIL FROM:<a@b>\\nRCPT TO:<c@d>\n"
            "C: partial [no CRLF]\n");
}

TEST(TranscriptText, LabelsRedactedEvents) {
  Transcript transcript;
  transcript.record_secret(Direction::client_to_server, "A1 LOGIN alice <redacted>\r\n");
  EXPECT_EQ(render_transcript(transcript), "C: A1 LOGIN alice <redacted>  (redacted)\n");
}

TEST(TranscriptText, ShowsTruncationOfAnEventAndTheMarker) {
  Transcript transcript(TranscriptLimits{.max_kept_bytes = 6});
  transcript.record(Direction::server_to_client, "+OK 12345\r\n");
  EXPECT_EQ(render_transcript(transcript),
            "S: +OK 12\n"
            "#  [5 more bytes of this event not kept]\n"
            "#  transcript truncated at 6 bytes: 5 bytes dropped (0 whole events)\n");
}

TEST(TranscriptText, TimestampsAreSecondsSinceTheStart) {
  const auto start = Transcript::Clock::now() - std::chrono::milliseconds(1500);
  Transcript transcript({}, start);
  transcript.note("late");
  const std::string text = render_transcript(transcript, {.timestamps = true});
  ASSERT_GE(text.size(), 11u);
  EXPECT_EQ(text.substr(0, 4), "[   ");
  EXPECT_EQ(text.substr(4, 2), "1.");
  EXPECT_NE(text.find("] #  late\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace conformance::net
