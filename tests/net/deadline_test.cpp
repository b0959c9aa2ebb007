// Every operation has a deadline: expiry cancels it and yields `timeout`,
// never a hang. Timings are behaviour checks with generous upper bounds (the
// suite runs in parallel and under sanitizers), not benchmarks.
#include "harness/net/connect.hpp"
#include "harness/net/listener.hpp"
#include "harness/net/stream.hpp"
#include "tests/net/test_support.hpp"

#include <gtest/gtest.h>

#include <array>

namespace conformance::net {
namespace {

using namespace testing;

TEST(StreamDeadline, ReadLineTimesOutAgainstAPeerThatNeverWrites) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  spawn(io, [&]() -> awaitable<void> {
    tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
    co_await hold_until_closed(peer);
  });
  std::optional<Error> failure;
  Clock::duration took{};
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    const auto started = Clock::now();
    Outcome<Line> line = co_await stream->read_line(512, 300ms);
    took = Clock::now() - started;
    if (!line) failure = line.error();
    stream->abort();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->code, ErrorCode::timeout);
  EXPECT_NE(failure->message.find("300 ms"), std::string::npos) << failure->message;
  EXPECT_GE(took, 290ms);
  EXPECT_LT(took, 5s);
}

TEST(StreamDeadline, ReadExactlyTimesOutWhenTheLiteralStopsShort) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  spawn(io, [&]() -> awaitable<void> {
    tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
    co_await asio::async_write(peer, asio::buffer(std::string("only ten b")), asio::use_awaitable);
    co_await hold_until_closed(peer);
  });
  std::optional<Error> failure;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    Outcome<std::string> literal = co_await stream->read_exactly(20, 100, 200ms);
    if (!literal) failure = literal.error();
    stream->abort();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->code, ErrorCode::timeout);
  EXPECT_NE(failure->message.find("10 of 20 bytes"), std::string::npos) << failure->message;
}

TEST(StreamDeadline, WriteTimesOutWhenThePeerNeverReads) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  std::optional<tcp::socket> never_reads;  // open, unread: the socket buffers fill and the writer blocks
  spawn(io, [&]() -> awaitable<void> { never_reads.emplace(co_await acceptor.async_accept(asio::use_awaitable)); });
  std::optional<Error> failure;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    Status written = co_await stream->write(std::string(64u << 20, 'x'), 300ms);
    if (!written) failure = written.error();
    stream->abort();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->code, ErrorCode::timeout);
  EXPECT_NE(failure->message.find("of 67108864 bytes sent"), std::string::npos) << failure->message;
}

TEST(StreamDeadline, TlsHandshakeTimesOutAgainstAPeerThatNeverAnswers) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  spawn(io, [&]() -> awaitable<void> {
    tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
    co_await hold_until_closed(peer);  // swallows the ClientHello, answers nothing
  });
  std::optional<Error> failure;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    Outcome<TlsUpgrade> upgrade = co_await stream->start_tls(client_context(), {"mail.test"}, 300ms);
    if (!upgrade) failure = upgrade.error();
    stream->abort();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->code, ErrorCode::timeout);
  EXPECT_NE(failure->message.find("TLS handshake"), std::string::npos) << failure->message;
}

TEST(StreamDeadline, AcceptTimesOutWhenNobodyConnects) {
  asio::io_context io;
  Outcome<Listener> listener = Listener::open(io.get_executor());
  ASSERT_TRUE(listener) << listener.error().describe();
  std::optional<Error> failure;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> accepted = co_await listener->accept(200ms);
    if (!accepted) failure = accepted.error();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->code, ErrorCode::timeout);
}

TEST(StreamDeadline, ConnectToAClosedPortIsRefused) {
  asio::io_context io;
  tcp::endpoint closed_port;
  {
    tcp::acceptor acceptor(io, loopback());
    closed_port = acceptor.local_endpoint();
  }  // closed again: nothing listens there now
  std::optional<Error> failure;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(closed_port, within(5s));
    if (!stream) failure = stream.error();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->code, ErrorCode::refused) << failure->describe();
}

TEST(StreamDeadline, APlainStreamStillReadsAfterATimeout) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  spawn(io, [&]() -> awaitable<void> {
    tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
    asio::steady_timer later(peer.get_executor(), 400ms);
    co_await later.async_wait(asio::use_awaitable);
    co_await asio::async_write(peer, asio::buffer(std::string("+OK late\r\n")), asio::use_awaitable);
    co_await hold_until_closed(peer);
  });
  std::optional<Error> first;
  std::string second;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    Outcome<Line> early = co_await stream->read_line(512, 100ms);
    if (!early) first = early.error();
    Outcome<Line> late = co_await stream->read_line(512, 5s);
    if (late) second = late->bytes;
    stream->abort();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->code, ErrorCode::timeout);
  EXPECT_EQ(second, "+OK late\r\n");
}

TEST(StreamDeadline, AnExpiredDeadlineDoesNotCancelTheNextOperation) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  spawn(io, [&]() -> awaitable<void> {
    tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
    co_await asio::async_write(peer, asio::buffer(std::string("one\r\n")), asio::use_awaitable);
    asio::steady_timer later(peer.get_executor(), 300ms);
    co_await later.async_wait(asio::use_awaitable);
    co_await asio::async_write(peer, asio::buffer(std::string("two\r\n")), asio::use_awaitable);
    co_await hold_until_closed(peer);
  });
  std::vector<std::string> lines;
  std::optional<Error> failure;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    // A very short deadline for a line that is already on its way, then a
    // long one: a stale timer from the first must not cut the second short.
    const std::array<Duration, 2> timeouts{Duration(100ms), Duration(5s)};
    for (const Duration timeout : timeouts) {
      Outcome<Line> line = co_await stream->read_line(512, timeout);
      if (!line) {
        failure = line.error();
        break;
      }
      lines.push_back(line->bytes);
    }
    stream->abort();
  });
  ASSERT_TRUE(run_until_idle(io));
  EXPECT_FALSE(failure.has_value()) << failure->describe();
  EXPECT_EQ(lines, (std::vector<std::string>{"one\r\n", "two\r\n"}));
}

}  // namespace
}  // namespace conformance::net
