// The listener: ephemeral loopback ports, one coroutine per connection, and
// a stop that ends everything so the io_context runs dry.
#include "harness/net/connect.hpp"
#include "harness/net/listener.hpp"
#include "harness/net/stream.hpp"
#include "tests/net/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace conformance::net {
namespace {

using namespace testing;

TEST(Listener, ReportsAnEphemeralPortOnLoopback) {
  asio::io_context io;
  Outcome<Listener> listener = Listener::open(io.get_executor());
  ASSERT_TRUE(listener) << listener.error().describe();
  EXPECT_NE(listener->port(), 0);
  EXPECT_EQ(listener->local_endpoint().address(), asio::ip::address_v4::loopback());
}

TEST(Listener, ServesConcurrentConnectionsEachWithItsOwnHandler) {
  asio::io_context io;
  Outcome<Listener> listener = Listener::open(io.get_executor());
  ASSERT_TRUE(listener) << listener.error().describe();
  listener->serve([](Stream stream) -> awaitable<void> {
    Outcome<Line> line = co_await stream.read_line(512, 5s);
    if (!line) co_return;
    (void)co_await stream.write("echo " + line->bytes, 5s);
    (void)co_await stream.close(5s);
  });
  constexpr int kClients = 3;
  std::vector<std::string> replies(kClients);
  int finished = 0;
  for (int i = 0; i < kClients; ++i) {
    spawn(io, [&, i]() -> awaitable<void> {
      Outcome<Stream> stream = co_await connect(listener->local_endpoint());
      if (!stream) throw std::runtime_error(stream.error().describe());
      (void)co_await stream->write("client " + std::to_string(i) + "\r\n", 5s);
      Outcome<Line> reply = co_await stream->read_line(512, 5s);
      if (reply) replies[i] = reply->bytes;
      (void)co_await stream->close(5s);
      if (++finished == kClients) listener->stop();
    });
  }
  ASSERT_TRUE(run_until_idle(io));
  for (int i = 0; i < kClients; ++i) EXPECT_EQ(replies[i], "echo client " + std::to_string(i) + "\r\n");
  EXPECT_EQ(listener->accepted_connections(), 3u);
  EXPECT_EQ(listener->active_connections(), 0u);
}

TEST(Listener, StopEndsLiveConnectionsAndTheIoContextRunsDry) {
  asio::io_context io;
  Outcome<Listener> listener = Listener::open(io.get_executor());
  ASSERT_TRUE(listener) << listener.error().describe();
  std::optional<Error> handler_saw;
  listener->serve([&](Stream stream) -> awaitable<void> {
    Outcome<Line> line = co_await stream.read_line(512, 60s);  // the client never writes
    if (!line) handler_saw = line.error();
  });
  std::optional<Error> client_saw;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(listener->local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    asio::steady_timer poll(io);
    while (listener->active_connections() == 0) {
      poll.expires_after(5ms);
      co_await poll.async_wait(asio::use_awaitable);
    }
    listener->stop();
    Outcome<Line> line = co_await stream->read_line(512, 5s);
    if (!line) client_saw = line.error();
  });
  const auto started = Clock::now();
  ASSERT_TRUE(run_until_idle(io, 20s));
  EXPECT_LT(Clock::now() - started, 10s);
  ASSERT_TRUE(handler_saw.has_value());
  EXPECT_EQ(handler_saw->code, ErrorCode::cancelled) << handler_saw->describe();
  ASSERT_TRUE(client_saw.has_value());
  EXPECT_EQ(client_saw->code, ErrorCode::closed_by_peer) << client_saw->describe();
  EXPECT_EQ(listener->active_connections(), 0u);
}

TEST(Listener, AnExceptionFromAHandlerIsCountedNotPropagated) {
  asio::io_context io;
  Outcome<Listener> listener = Listener::open(io.get_executor());
  ASSERT_TRUE(listener) << listener.error().describe();
  listener->serve([](Stream) -> awaitable<void> {
    throw std::runtime_error("handler bug");
    co_return;
  });
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(listener->local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    (void)co_await stream->read_line(512, 5s);  // ends when the handler's stream is released
    listener->stop();
  });
  ASSERT_TRUE(run_until_idle(io));
  EXPECT_EQ(listener->handler_failures(), 1u);
  EXPECT_EQ(listener->last_handler_failure(), "handler bug");
}

TEST(Listener, ListensOnTheIpv6Loopback) {
  asio::io_context io;
  Outcome<Listener> listener = Listener::open(io.get_executor(), Listener::loopback_v6());
  if (!listener) GTEST_SKIP() << "no IPv6 loopback here: " << listener.error().describe();
  listener->serve([](Stream stream) -> awaitable<void> {
    (void)co_await stream.write("+OK over ::1\r\n", 5s);
    (void)co_await stream.close(5s);
  });
  std::string greeting;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect("::1", listener->port());
    if (!stream) throw std::runtime_error(stream.error().describe());
    Outcome<Line> line = co_await stream->read_line(512, 5s);
    if (line) greeting = line->bytes;
    (void)co_await stream->close(5s);
    listener->stop();
  });
  ASSERT_TRUE(run_until_idle(io));
  EXPECT_EQ(greeting, "+OK over ::1\r\n");
}

}  // namespace
}  // namespace conformance::net
