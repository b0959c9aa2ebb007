// How connections end: the peer's FIN or RST as distinct errors, our
// graceful close (TLS close_notify) and our abrupt one (RST).
#include "harness/net/connect.hpp"
#include "harness/net/listener.hpp"
#include "harness/net/stream.hpp"
#include "tests/net/test_support.hpp"

#include <gtest/gtest.h>

namespace conformance::net {
namespace {

using namespace testing;

TEST(StreamClose, PeerCloseIsClosedByPeerAndKeepsThePartialLineBuffered) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  spawn(io, [&]() -> awaitable<void> {
    tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
    co_await asio::async_write(peer, asio::buffer(std::string("+OK partial")), asio::use_awaitable);
    peer.shutdown(tcp::socket::shutdown_send);
    co_await hold_until_closed(peer);
  });
  std::optional<Error> failure;
  std::optional<Error> again;
  std::string buffered;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    Outcome<Line> line = co_await stream->read_line(512, 5s);
    if (!line) failure = line.error();
    Outcome<Line> retry = co_await stream->read_line(512, 5s);
    if (!retry) again = retry.error();
    buffered = std::string(stream->buffered());
    (void)co_await stream->close(1s);
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->code, ErrorCode::closed_by_peer);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->code, ErrorCode::closed_by_peer);
  EXPECT_EQ(buffered, "+OK partial");
}

TEST(StreamClose, PeerResetIsReset) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  spawn(io, [&]() -> awaitable<void> {
    tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
    peer.set_option(asio::socket_base::linger(true, 0));
    peer.close();
  });
  std::optional<Error> failure;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    Outcome<Line> line = co_await stream->read_line(512, 5s);
    if (!line) failure = line.error();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->code, ErrorCode::reset) << failure->describe();
}

TEST(StreamClose, AbortSendsAReset) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  boost::system::error_code peer_saw;
  spawn(io, [&]() -> awaitable<void> {
    tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
    char byte = 0;
    co_await peer.async_read_some(asio::buffer(&byte, 1), asio::redirect_error(asio::use_awaitable, peer_saw));
  });
  bool open_after = true;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    stream->abort();
    open_after = stream->is_open();
  });
  ASSERT_TRUE(run_until_idle(io));
  EXPECT_FALSE(open_after);
  EXPECT_EQ(peer_saw, asio::error::connection_reset) << peer_saw.message();
}

TEST(StreamClose, GracefulTlsCloseSendsCloseNotify) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  const tls::ServerContext server = server_context(leaf(tls::LeafFault::none));
  boost::system::error_code peer_saw;
  spawn(io, [&]() -> awaitable<void> {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::ssl::stream<tcp::socket&> peer(socket, server.native());
    co_await peer.async_handshake(asio::ssl::stream_base::server, asio::use_awaitable);
    char byte = 0;
    co_await peer.async_read_some(asio::buffer(&byte, 1), asio::redirect_error(asio::use_awaitable, peer_saw));
    boost::system::error_code ignored;
    co_await peer.async_shutdown(asio::redirect_error(asio::use_awaitable, ignored));
  });
  std::optional<Status> closed;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect_tls(acceptor.local_endpoint(), client_context(), {"mail.test"});
    if (!stream) throw std::runtime_error(stream.error().describe());
    closed = co_await stream->close(5s);
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(closed.has_value());
  EXPECT_TRUE(*closed) << closed->error().describe();
  // close_notify reads as a clean end of stream, not as a truncation.
  EXPECT_EQ(peer_saw, asio::error::eof) << peer_saw.message();
}

TEST(StreamClose, OperationsAfterCloseAreInvalidState) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  spawn(io, [&]() -> awaitable<void> {
    tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
    co_await hold_until_closed(peer);
  });
  std::optional<Error> read_failure;
  std::optional<Error> write_failure;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    (void)co_await stream->close(1s);
    Outcome<Line> line = co_await stream->read_line(512, 1s);
    if (!line) read_failure = line.error();
    Status written = co_await stream->write("NOOP\r\n", 1s);
    if (!written) write_failure = written.error();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(read_failure && write_failure);
  EXPECT_EQ(read_failure->code, ErrorCode::invalid_state);
  EXPECT_EQ(write_failure->code, ErrorCode::invalid_state);
}

}  // namespace
}  // namespace conformance::net
