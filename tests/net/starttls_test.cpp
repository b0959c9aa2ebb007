// TLS on a stream: STARTTLS upgrade in place (both roles), implicit TLS, and
// the plaintext-injection rule: bytes buffered before the handshake are
// reported and dropped, never read back as protected data.
#include "harness/net/connect.hpp"
#include "harness/net/listener.hpp"
#include "harness/net/stream.hpp"
#include "tests/net/test_support.hpp"

#include <boost/asio/read_until.hpp>

#include <gtest/gtest.h>

namespace conformance::net {
namespace {

using namespace testing;

// Reads one CRLF line from a raw peer (plain or TLS); `pending` keeps bytes
// read past the line.
template <class AsyncStream>
awaitable<std::string> raw_read_line(AsyncStream& stream, std::string& pending) {
  const std::size_t length =
      co_await asio::async_read_until(stream, asio::dynamic_buffer(pending), "\r\n", asio::use_awaitable);
  std::string line = pending.substr(0, length);
  pending.erase(0, length);
  co_return line;
}

TEST(StartTls, UpgradeThenEchoOverTlsReportsTls13) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  const tls::ServerContext server = server_context(leaf(tls::LeafFault::none));
  std::string peer_got_starttls;
  spawn(io, [&]() -> awaitable<void> {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    std::string pending;
    co_await asio::async_write(socket, asio::buffer(std::string("220 ready\r\n")), asio::use_awaitable);
    peer_got_starttls = co_await raw_read_line(socket, pending);
    co_await asio::async_write(socket, asio::buffer(std::string("220 go ahead\r\n")), asio::use_awaitable);
    asio::ssl::stream<tcp::socket&> peer(socket, server.native());
    co_await peer.async_handshake(asio::ssl::stream_base::server, asio::use_awaitable);
    std::string tls_pending;
    const std::string line = co_await raw_read_line(peer, tls_pending);
    co_await asio::async_write(peer, asio::buffer("echo: " + line), asio::use_awaitable);
    boost::system::error_code ignored;
    co_await peer.async_shutdown(asio::redirect_error(asio::use_awaitable, ignored));
  });

  std::optional<Outcome<TlsUpgrade>> upgrade;
  std::string echoed;
  bool is_tls = false;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    Outcome<Line> greeting = co_await stream->read_line(512, 5s);
    Status asked = co_await stream->write("STARTTLS\r\n", 5s);
    Outcome<Line> go_ahead = co_await stream->read_line(512, 5s);
    if (!greeting || !asked || !go_ahead) throw std::runtime_error("plaintext dialogue failed");
    upgrade = co_await stream->start_tls(client_context(), {"mail.test"}, 5s);
    if (!*upgrade) co_return;
    is_tls = stream->is_tls();
    Status sent = co_await stream->write("hello over tls\r\n", 5s);
    Outcome<Line> reply = co_await stream->read_line(512, 5s);
    if (sent && reply) echoed = reply->bytes;
    (void)co_await stream->close(5s);
  });
  ASSERT_TRUE(run_until_idle(io));
  EXPECT_EQ(peer_got_starttls, "STARTTLS\r\n");
  ASSERT_TRUE(upgrade && *upgrade) << (*upgrade).error().describe();
  const TlsUpgrade& done = **upgrade;
  EXPECT_TRUE(is_tls);
  EXPECT_EQ(echoed, "echo: hello over tls\r\n");
  EXPECT_TRUE(done.discarded_plaintext.empty());
  EXPECT_TRUE(done.info.handshake_complete);
  EXPECT_EQ(done.info.version, "TLSv1.3");
  EXPECT_EQ(done.info.cipher.rfind("TLS_", 0), 0u) << done.info.cipher;
  EXPECT_TRUE(done.info.verification.ok()) << done.info.verification.text;
  EXPECT_EQ(done.info.hostname_matched, std::optional<bool>(true));
  EXPECT_EQ(done.info.matched_name, "mail.test");
  ASSERT_TRUE(done.info.peer_certificate.has_value());
  EXPECT_EQ(done.info.peer_certificate->dns_names, (std::vector<std::string>{"mail.test"}));
  EXPECT_EQ(done.info.peer_certificate->issuer, test_pki().trusted_root().certificate().info().subject);
}

TEST(StartTls, ClientReportsAndDiscardsBytesBufferedBeforeTheUpgrade) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  const tls::ServerContext server = server_context(leaf(tls::LeafFault::none));
  spawn(io, [&]() -> awaitable<void> {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    // The go-ahead and an injected reply in one segment (CVE-2011-0411 shape).
    co_await asio::async_write(socket, asio::buffer(std::string("220 go ahead\r\n250 injected\r\n")),
                               asio::use_awaitable);
    asio::ssl::stream<tcp::socket&> peer(socket, server.native());
    co_await peer.async_handshake(asio::ssl::stream_base::server, asio::use_awaitable);
    co_await asio::async_write(peer, asio::buffer(std::string("250 after tls\r\n")), asio::use_awaitable);
    boost::system::error_code ignored;
    co_await peer.async_shutdown(asio::redirect_error(asio::use_awaitable, ignored));
  });

  auto transcript = std::make_shared<Transcript>();
  std::optional<Outcome<TlsUpgrade>> upgrade;
  std::string first_protected_line;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint(), recording_to(transcript));
    if (!stream) throw std::runtime_error(stream.error().describe());
    Outcome<Line> go_ahead = co_await stream->read_line(512, 5s);
    if (!go_ahead) throw std::runtime_error(go_ahead.error().describe());
    upgrade = co_await stream->start_tls(client_context(), {"mail.test"}, 5s);
    if (!*upgrade) co_return;
    Outcome<Line> line = co_await stream->read_line(512, 5s);
    if (line) first_protected_line = line->bytes;
    (void)co_await stream->close(5s);
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(upgrade && *upgrade) << (*upgrade).error().describe();
  EXPECT_EQ((*upgrade)->discarded_plaintext, "250 injected\r\n");
  EXPECT_EQ(first_protected_line, "250 after tls\r\n");
  bool noted = false;
  for (const TranscriptEvent& event : transcript->events()) {
    if (event.direction == Direction::note && event.bytes.find("discarded") != std::string::npos) noted = true;
  }
  EXPECT_TRUE(noted);
}

TEST(StartTls, ServerReportsCommandsPipelinedAfterStartTls) {
  asio::io_context io;
  const tls::ServerContext server = server_context(leaf(tls::LeafFault::none));
  Outcome<Listener> listener = Listener::open(io.get_executor());
  ASSERT_TRUE(listener) << listener.error().describe();
  std::optional<Outcome<TlsUpgrade>> upgrade;
  std::string protected_command;
  listener->serve([&](Stream stream) -> awaitable<void> {
    Outcome<Line> command = co_await stream.read_line(512, 5s);
    if (!command || command->content() != "STARTTLS") co_return;
    (void)co_await stream.write("220 2.0.0 Ready to start TLS\r\n", 5s);
    upgrade = co_await stream.start_tls(server, 5s);
    if (!*upgrade) co_return;
    Outcome<Line> next = co_await stream.read_line(512, 5s);
    if (next) protected_command = next->bytes;
    (void)co_await stream.write("221 bye\r\n", 5s);
    (void)co_await stream.close(5s);
  });

  std::string reply;
  spawn(io, [&]() -> awaitable<void> {
    tcp::socket socket(io);
    co_await socket.async_connect(listener->local_endpoint(), asio::use_awaitable);
    co_await asio::async_write(socket, asio::buffer(std::string("STARTTLS\r\nMAIL FROM:<attacker@example>\r\n")),
                               asio::use_awaitable);
    std::string pending;
    co_await raw_read_line(socket, pending);
    asio::ssl::stream<tcp::socket&> peer(socket, client_context(true).native());
    co_await peer.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
    co_await asio::async_write(peer, asio::buffer(std::string("QUIT\r\n")), asio::use_awaitable);
    std::string tls_pending;
    reply = co_await raw_read_line(peer, tls_pending);
    boost::system::error_code ignored;
    co_await peer.async_shutdown(asio::redirect_error(asio::use_awaitable, ignored));
    listener->stop();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(upgrade && *upgrade) << (*upgrade).error().describe();
  EXPECT_EQ((*upgrade)->discarded_plaintext, "MAIL FROM:<attacker@example>\r\n");
  EXPECT_EQ(protected_command, "QUIT\r\n");
  EXPECT_EQ(reply, "221 bye\r\n");
}

TEST(StartTls, ImplicitTlsBetweenOurClientAndServerReportsBothSides) {
  asio::io_context io;
  const tls::ServerContext server = server_context(leaf(tls::LeafFault::none));
  Outcome<Listener> listener = Listener::open(io.get_executor());
  ASSERT_TRUE(listener) << listener.error().describe();
  std::optional<tls::TlsInfo> server_side;
  listener->serve([&](Stream stream) -> awaitable<void> {
    Outcome<TlsUpgrade> upgrade = co_await stream.start_tls(server, 5s);
    if (!upgrade) co_return;
    server_side = upgrade->info;
    (void)co_await stream.write("* OK IMAP4rev2 ready\r\n", 5s);
    (void)co_await stream.close(5s);
  });
  std::optional<tls::TlsInfo> client_side;
  std::string greeting;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect_tls(listener->local_endpoint(), client_context(), {"mail.test"});
    if (!stream) throw std::runtime_error(stream.error().describe());
    client_side = stream->tls_info();
    Outcome<Line> line = co_await stream->read_line(512, 5s);
    if (line) greeting = line->bytes;
    (void)co_await stream->close(5s);
    listener->stop();
  });
  ASSERT_TRUE(run_until_idle(io));
  EXPECT_EQ(greeting, "* OK IMAP4rev2 ready\r\n");
  ASSERT_TRUE(server_side && client_side);
  EXPECT_EQ(server_side->server_name, "mail.test");  // the SNI the client sent
  EXPECT_EQ(server_side->version, "TLSv1.3");
  EXPECT_EQ(client_side->version, "TLSv1.3");
  EXPECT_EQ(server_side->cipher, client_side->cipher);
}

TEST(StartTls, AnIpLiteralGetsNoSniAndIsCheckedAgainstIpAddressNames) {
  asio::io_context io;
  const tls::ServerContext server = server_context(leaf(tls::LeafFault::none, {"mail.test"}, {"127.0.0.1"}));
  Outcome<Listener> listener = Listener::open(io.get_executor());
  ASSERT_TRUE(listener) << listener.error().describe();
  std::optional<tls::TlsInfo> server_side;
  listener->serve([&](Stream stream) -> awaitable<void> {
    Outcome<TlsUpgrade> upgrade = co_await stream.start_tls(server, 5s);
    if (upgrade) server_side = upgrade->info;
    (void)co_await stream.close(5s);
  });
  std::optional<Outcome<Stream>> client;
  spawn(io, [&]() -> awaitable<void> {
    client = co_await connect_tls(listener->local_endpoint(), client_context(), {"127.0.0.1"});
    if (*client) (void)co_await (*client)->close(5s);
    listener->stop();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(client && *client) << (*client).error().describe();
  const tls::TlsInfo& info = *(**client).tls_info();
  EXPECT_TRUE(info.verification.ok()) << info.verification.text;
  EXPECT_EQ(info.hostname_matched, std::optional<bool>(true));
  ASSERT_TRUE(server_side.has_value());
  EXPECT_EQ(server_side->server_name, "");
}

TEST(StartTls, StartingTlsTwiceOrWithTheWrongRoleIsInvalidState) {
  asio::io_context io;
  const tls::ServerContext server = server_context(leaf(tls::LeafFault::none));
  Outcome<Listener> listener = Listener::open(io.get_executor());
  ASSERT_TRUE(listener) << listener.error().describe();
  listener->serve([&](Stream stream) -> awaitable<void> {
    Outcome<TlsUpgrade> upgrade = co_await stream.start_tls(server, 5s);
    if (upgrade) (void)co_await stream.read_line(512, 5s);  // until the client closes
  });
  std::optional<Error> twice;
  std::optional<Error> wrong_role;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(listener->local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    Outcome<TlsUpgrade> as_server = co_await stream->start_tls(server, 5s);
    if (!as_server) wrong_role = as_server.error();
    Outcome<TlsUpgrade> first = co_await stream->start_tls(client_context(), {"mail.test"}, 5s);
    if (!first) throw std::runtime_error(first.error().describe());
    Outcome<TlsUpgrade> again = co_await stream->start_tls(client_context(), {"mail.test"}, 5s);
    if (!again) twice = again.error();
    (void)co_await stream->close(5s);
    listener->stop();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(twice && wrong_role);
  EXPECT_EQ(twice->code, ErrorCode::invalid_state);
  EXPECT_EQ(wrong_role->code, ErrorCode::invalid_state);
}

}  // namespace
}  // namespace conformance::net
