// Streams write their transcripts as they go, in both roles, and secrets
// never reach them.
#include "harness/net/connect.hpp"
#include "harness/net/listener.hpp"
#include "harness/net/stream.hpp"
#include "harness/net/transcript_text.hpp"
#include "tests/net/test_support.hpp"

#include <gtest/gtest.h>

namespace conformance::net {
namespace {

using namespace testing;

constexpr std::string_view kSecret = "hunter2-secret";

// A tiny login dialogue: greeting, a LOGIN with a password, a reply, close.
struct LoginDialogue {
  std::shared_ptr<Transcript> client_transcript = std::make_shared<Transcript>();
  std::shared_ptr<Transcript> server_transcript = std::make_shared<Transcript>();
  std::string server_received;

  void run() {
    asio::io_context io;
    ListenerOptions options;
    options.make_transcript = [this] { return server_transcript; };
    // The server side has no idea what the client marked secret; its hook
    // recognises the command instead (RFC 9051 §6.2.3 LOGIN).
    server_transcript->set_redactor([](Direction direction, std::string_view bytes) -> std::optional<std::string> {
      if (direction == Direction::client_to_server && bytes.find(" LOGIN ") != std::string_view::npos) {
        return std::string("A1 LOGIN <redacted by hook>\r\n");
      }
      return std::nullopt;
    });
    Outcome<Listener> listener = Listener::open(io.get_executor(), Listener::loopback_v4(), options);
    ASSERT_TRUE(listener) << listener.error().describe();
    listener->serve([this](Stream stream) -> awaitable<void> {
      (void)co_await stream.write("* OK ready\r\n", 5s);
      Outcome<Line> login = co_await stream.read_line(512, 5s);
      if (login) server_received = login->bytes;
      (void)co_await stream.write("A1 OK logged in\r\n", 5s);
      (void)co_await stream.read_line(512, 5s);  // until the client closes
    });
    spawn(io, [&]() -> awaitable<void> {
      Outcome<Stream> stream = co_await connect(listener->local_endpoint(), recording_to(client_transcript));
      if (!stream) throw std::runtime_error(stream.error().describe());
      (void)co_await stream->read_line(512, 5s);
      (void)co_await stream->write_secret("A1 LOGIN alice " + std::string(kSecret) + "\r\n", "A1 LOGIN alice <redacted>\r\n",
                                    5s);
      (void)co_await stream->read_line(512, 5s);
      (void)co_await stream->close(5s);
      listener->stop();
    });
    ASSERT_TRUE(run_until_idle(io));
  }
};

std::vector<std::pair<Direction, std::string>> summary(const Transcript& transcript) {
  std::vector<std::pair<Direction, std::string>> events;
  for (const TranscriptEvent& event : transcript.events()) events.emplace_back(event.direction, event.bytes);
  return events;
}

TEST(StreamTranscript, TheClientRoleRecordsBothDirectionsInWireOrder) {
  LoginDialogue dialogue;
  dialogue.run();
  const auto events = summary(*dialogue.client_transcript);
  ASSERT_EQ(events.size(), 5u) << render_transcript(*dialogue.client_transcript);
  EXPECT_EQ(events[0].first, Direction::note);
  EXPECT_EQ(events[0].second.rfind("connected to 127.0.0.1:", 0), 0u);
  EXPECT_EQ(events[1], std::make_pair(Direction::server_to_client, std::string("* OK ready\r\n")));
  EXPECT_EQ(events[2], std::make_pair(Direction::client_to_server, std::string("A1 LOGIN alice <redacted>\r\n")));
  EXPECT_EQ(events[3], std::make_pair(Direction::server_to_client, std::string("A1 OK logged in\r\n")));
  EXPECT_EQ(events[4], std::make_pair(Direction::closed, std::string("closed by us")));
}

TEST(StreamTranscript, TheServerRoleLabelsDirectionsFromTheWiresPointOfView) {
  LoginDialogue dialogue;
  dialogue.run();
  const auto events = summary(*dialogue.server_transcript);
  ASSERT_GE(events.size(), 4u) << render_transcript(*dialogue.server_transcript);
  EXPECT_EQ(events[0].first, Direction::note);
  EXPECT_EQ(events[0].second.rfind("accepted from 127.0.0.1:", 0), 0u);
  EXPECT_EQ(events[1], std::make_pair(Direction::server_to_client, std::string("* OK ready\r\n")));
  EXPECT_EQ(events[2], std::make_pair(Direction::client_to_server, std::string("A1 LOGIN <redacted by hook>\r\n")));
  EXPECT_EQ(events[3], std::make_pair(Direction::server_to_client, std::string("A1 OK logged in\r\n")));
}

TEST(StreamTranscript, RedactionKeepsNoSecretBytesInAnyEventOrRendering) {
  LoginDialogue dialogue;
  dialogue.run();
  // The secret did cross the wire...
  EXPECT_NE(dialogue.server_received.find(kSecret), std::string::npos);
  // ...and is in neither side's record, raw or rendered.
  for (const auto* transcript : {dialogue.client_transcript.get(), dialogue.server_transcript.get()}) {
    for (const TranscriptEvent& event : transcript->events()) {
      EXPECT_EQ(event.bytes.find(kSecret), std::string::npos) << event.bytes;
      EXPECT_EQ(event.bytes.find("hunter2"), std::string::npos) << event.bytes;
    }
    EXPECT_EQ(render_transcript(*transcript).find("hunter2"), std::string::npos);
  }
}

}  // namespace
}  // namespace conformance::net
