// Capped reads: lines (CRLF via codec::scan_line), exact byte counts, and
// "whatever arrived". Peers are raw Asio sockets that write scripted bytes.
#include "harness/net/connect.hpp"
#include "harness/net/stream.hpp"
#include "tests/net/test_support.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace conformance::net {
namespace {

using namespace testing;

// A peer that writes each chunk as its own write (with a pause between, so
// they arrive as separate segments), then waits for the client to close.
struct ScriptedPeer {
  std::vector<std::string> chunks;
  Clock::duration pause = 20ms;

  void start(asio::io_context& io, tcp::acceptor& acceptor) {
    spawn(io, [this, &acceptor]() -> awaitable<void> {
      tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
      asio::steady_timer timer(peer.get_executor());
      for (const std::string& chunk : chunks) {
        boost::system::error_code failed;
        co_await asio::async_write(peer, asio::buffer(chunk), asio::redirect_error(asio::use_awaitable, failed));
        if (failed) co_return;  // the client has gone (it stopped reading and closed)
        timer.expires_after(pause);
        co_await timer.async_wait(asio::use_awaitable);
      }
      co_await hold_until_closed(peer);
    });
  }
};

// Connects to `acceptor`, runs `body` on the stream, then aborts it.
template <class Body>
void with_client(asio::io_context& io, tcp::acceptor& acceptor, Body body) {
  spawn(io, [&acceptor, body]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    co_await body(*stream);
    stream->abort();
  });
}

TEST(StreamLines, ReadsALineThatArrivesByteByByte) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  ScriptedPeer peer{{"2", "5", "0", " ", "o", "k", "\r", "\n"}, 5ms};
  peer.start(io, acceptor);
  std::optional<Outcome<Line>> line;
  with_client(io, acceptor, [&](Stream& stream) -> awaitable<void> { line = co_await stream.read_line(512, 5s); });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(line && *line) << (*line).error().describe();
  EXPECT_EQ((*line)->bytes, "250 ok\r\n");
  EXPECT_EQ((*line)->content(), "250 ok");
  EXPECT_FALSE((*line)->ended_by_bare_lf);
}

TEST(StreamLines, ReadsPipelinedLinesFromOneSegment) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  ScriptedPeer peer{{"250-first\r\n250-second\r\n250 third\r\n"}};
  peer.start(io, acceptor);
  std::vector<std::string> lines;
  with_client(io, acceptor, [&](Stream& stream) -> awaitable<void> {
    for (int i = 0; i < 3; ++i) {
      Outcome<Line> line = co_await stream.read_line(512, 5s);
      if (!line) co_return;
      lines.emplace_back(line->content());
    }
  });
  ASSERT_TRUE(run_until_idle(io));
  EXPECT_EQ(lines, (std::vector<std::string>{"250-first", "250-second", "250 third"}));
}

TEST(StreamLines, EndlessLineYieldsLineTooLongWithTheBufferBoundedByTheCap) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  // 1 MiB without a line end, in one write.
  ScriptedPeer peer{{std::string(1u << 20, 'A')}};
  peer.start(io, acceptor);
  std::optional<Error> failure;
  StreamStats stats;
  with_client(io, acceptor, [&](Stream& stream) -> awaitable<void> {
    Outcome<Line> line = co_await stream.read_line(1000, 5s);
    if (!line) failure = line.error();
    stats = stream.stats();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->code, ErrorCode::line_too_long);
  EXPECT_EQ(stats.peak_buffered, 1000u);
  EXPECT_LE(stats.bytes_received, 1000u);
}

TEST(StreamLines, CapCountsTheTerminator) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  // 8 bytes with CRLF: fits a cap of 8, not of 7 (RFC 5321 §4.5.3.1 counts the CRLF).
  ScriptedPeer peer{{"123456\r\n123456\r\n"}};
  peer.start(io, acceptor);
  std::optional<Outcome<Line>> fits;
  std::optional<Outcome<Line>> too_long;
  with_client(io, acceptor, [&](Stream& stream) -> awaitable<void> {
    fits = co_await stream.read_line(8, 5s);
    too_long = co_await stream.read_line(7, 5s);
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(fits && *fits);
  EXPECT_EQ((*fits)->bytes, "123456\r\n");
  ASSERT_TRUE(too_long && !*too_long);
  EXPECT_EQ((*too_long).error().code, ErrorCode::line_too_long);
}

TEST(StreamLines, BareLfEndsALineOnlyWhenAllowedAndIsReported) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  ScriptedPeer peer{{"a\nb\r\nc\nd\r\n"}};
  peer.start(io, acceptor);
  std::optional<Outcome<Line>> strict;
  std::optional<Outcome<Line>> lenient;
  with_client(io, acceptor, [&](Stream& stream) -> awaitable<void> {
    strict = co_await stream.read_line(512, 5s, codec::LineEnding::crlf_only);
    lenient = co_await stream.read_line(512, 5s, codec::LineEnding::crlf_or_bare_lf);
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(strict && *strict);
  EXPECT_EQ((*strict)->content(), "a\nb");
  EXPECT_FALSE((*strict)->ended_by_bare_lf);
  ASSERT_TRUE(lenient && *lenient);
  EXPECT_EQ((*lenient)->content(), "c");
  EXPECT_TRUE((*lenient)->ended_by_bare_lf);
}

TEST(StreamLines, ReadExactlyReturnsTheAnnouncedBytesAndLeavesTheRestBuffered) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  // An IMAP-style literal: the count line, 5 bytes (with a CRLF inside), the rest.
  ScriptedPeer peer{{"{5}\r\nab\r\nc)\r\n"}};
  peer.start(io, acceptor);
  std::string literal;
  std::string after;
  with_client(io, acceptor, [&](Stream& stream) -> awaitable<void> {
    Outcome<Line> count = co_await stream.read_line(512, 5s);
    Outcome<std::string> bytes = co_await stream.read_exactly(5, 1024, 5s);
    Outcome<Line> rest = co_await stream.read_line(512, 5s);
    if (!count || !bytes || !rest) co_return;
    literal = *bytes;
    after = rest->bytes;
  });
  ASSERT_TRUE(run_until_idle(io));
  EXPECT_EQ(literal, "ab\r\nc");
  EXPECT_EQ(after, ")\r\n");
}

TEST(StreamLines, ReadExactlyOverItsCapIsLiteralTooLargeWithoutReading) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  ScriptedPeer peer{{"x"}};
  peer.start(io, acceptor);
  std::optional<Error> failure;
  with_client(io, acceptor, [&](Stream& stream) -> awaitable<void> {
    Outcome<std::string> bytes = co_await stream.read_exactly(1u << 30, 1u << 20, 5s);
    if (!bytes) failure = bytes.error();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->code, ErrorCode::literal_too_large);
}

TEST(StreamLines, ReadSomeReturnsWhatIsBufferedBeforeReadingMore) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  ScriptedPeer peer{{"line\r\nleftover"}};
  peer.start(io, acceptor);
  std::string some;
  with_client(io, acceptor, [&](Stream& stream) -> awaitable<void> {
    Outcome<Line> line = co_await stream.read_line(512, 5s);
    Outcome<std::string> rest = co_await stream.read_some(100, 5s);
    if (line && rest) some = *rest;
  });
  ASSERT_TRUE(run_until_idle(io));
  EXPECT_EQ(some, "leftover");
}

}  // namespace
}  // namespace conformance::net
