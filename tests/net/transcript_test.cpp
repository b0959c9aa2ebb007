// The transcript recorder on its own: order, directions, redaction, the cap.
#include "harness/net/transcript.hpp"

#include <gtest/gtest.h>

namespace conformance::net {
namespace {

TEST(Transcript, KeepsEventsInOrderWithTheirDirectionsAndTimes) {
  const auto start = Transcript::Clock::now();
  Transcript transcript({}, start);
  transcript.record(Direction::server_to_client, "220 mail.test ESMTP\r\n");
  transcript.record(Direction::client_to_server, "EHLO client.test\r\n");
  transcript.record(Direction::tls_event, "handshake ok");
  transcript.note("a note");
  transcript.record(Direction::closed, "closed by peer");
  const auto& events = transcript.events();
  ASSERT_EQ(events.size(), 5u);
  EXPECT_EQ(events[0].direction, Direction::server_to_client);
  EXPECT_EQ(events[0].bytes, "220 mail.test ESMTP\r\n");
  EXPECT_EQ(events[1].direction, Direction::client_to_server);
  EXPECT_EQ(events[2].direction, Direction::tls_event);
  EXPECT_EQ(events[3].direction, Direction::note);
  EXPECT_EQ(events[4].direction, Direction::closed);
  for (std::size_t i = 1; i < events.size(); ++i) EXPECT_GE(events[i].elapsed, events[i - 1].elapsed);
  EXPECT_GE(events[0].elapsed, Transcript::Clock::duration::zero());
  EXPECT_EQ(transcript.kept_bytes(), 21u + 18u + 12u + 6u + 14u);
}

TEST(Transcript, ASecretWriteKeepsOnlyItsRendering) {
  Transcript transcript;
  transcript.record_secret(Direction::client_to_server, "A1 LOGIN alice <redacted>\r\n");
  ASSERT_EQ(transcript.events().size(), 1u);
  EXPECT_EQ(transcript.events()[0].bytes, "A1 LOGIN alice <redacted>\r\n");
  EXPECT_TRUE(transcript.events()[0].redacted);
}

TEST(Transcript, TheRedactorReplacesDataThatCarriesASecret) {
  Transcript transcript;
  transcript.set_redactor([](Direction, std::string_view bytes) -> std::optional<std::string> {
    if (bytes.find("LOGIN") == std::string_view::npos) return std::nullopt;
    return std::string("A1 LOGIN <redacted>\r\n");
  });
  transcript.record(Direction::client_to_server, "A1 LOGIN alice hunter2\r\n");
  transcript.record(Direction::server_to_client, "A1 OK\r\n");
  ASSERT_EQ(transcript.events().size(), 2u);
  EXPECT_EQ(transcript.events()[0].bytes, "A1 LOGIN <redacted>\r\n");
  EXPECT_TRUE(transcript.events()[0].redacted);
  EXPECT_EQ(transcript.events()[1].bytes, "A1 OK\r\n");
  EXPECT_FALSE(transcript.events()[1].redacted);
}

TEST(Transcript, TheRedactorIsNotAskedAboutHarnessEvents) {
  Transcript transcript;
  int asked = 0;
  transcript.set_redactor([&asked](Direction, std::string_view) -> std::optional<std::string> {
    ++asked;
    return std::nullopt;
  });
  transcript.note("connected");
  transcript.record(Direction::tls_event, "handshake ok");
  transcript.record(Direction::closed, "closed by us");
  EXPECT_EQ(asked, 0);
}

TEST(Transcript, TheCapTruncatesWithAMarkerCountingDroppedBytes) {
  Transcript transcript(TranscriptLimits{.max_kept_bytes = 10});
  transcript.record(Direction::server_to_client, "123456");
  transcript.record(Direction::server_to_client, "abcdefgh");  // 4 kept, 4 dropped
  const auto& events = transcript.events();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[1].bytes, "abcd");
  EXPECT_EQ(events[1].truncated_bytes, 4u);
  EXPECT_TRUE(events[2].truncation_marker);
  EXPECT_EQ(events[2].direction, Direction::note);
  EXPECT_NE(events[2].bytes.find("4 bytes dropped"), std::string::npos) << events[2].bytes;
  EXPECT_EQ(transcript.kept_bytes(), 10u);
  EXPECT_EQ(transcript.dropped_bytes(), 4u);
  EXPECT_TRUE(transcript.truncated());
}

TEST(Transcript, EventsAfterTruncationAreCountedInTheMarkerNotKept) {
  Transcript transcript(TranscriptLimits{.max_kept_bytes = 4});
  transcript.record(Direction::client_to_server, "12345");
  for (int i = 0; i < 1000; ++i) transcript.record(Direction::server_to_client, "0123456789");
  transcript.record(Direction::closed, "closed by peer");
  const auto& events = transcript.events();
  ASSERT_EQ(events.size(), 2u);  // the truncated first event and the marker: memory stays bounded
  EXPECT_EQ(transcript.dropped_bytes(), 1u + 10000u + 14u);
  EXPECT_NE(events[1].bytes.find("10015 bytes dropped (1001 whole events)"), std::string::npos) << events[1].bytes;
}

}  // namespace
}  // namespace conformance::net
