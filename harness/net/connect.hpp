// Opening client-role streams: TCP connect with a deadline, optionally
// followed by the TLS handshake (implicit TLS: SMTPS 465, IMAPS 993, POP3S 995).
#pragma once

#include "harness/net/asio.hpp"
#include "harness/net/deadline.hpp"
#include "harness/net/error.hpp"
#include "harness/net/stream.hpp"
#include "harness/net/transcript.hpp"
#include "harness/tls/context.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace conformance::net {

// Not an aggregate, on purpose: see ClientTlsParams in stream.hpp (GCC 12).
struct ConnectOptions {
  ConnectOptions() = default;

  Duration timeout = std::chrono::seconds(30);  // for the connect; connect_tls gives the handshake as long again
  std::shared_ptr<Transcript> transcript;      // null: record nothing
};

// Runs on the calling coroutine's executor.
awaitable<Outcome<Stream>> connect(tcp::endpoint endpoint, ConnectOptions options = {});

// Resolves `host` and tries its addresses in order, all within one deadline.
awaitable<Outcome<Stream>> connect(std::string host, std::uint16_t port, ConnectOptions options = {});

// connect, then the client handshake. On a failed handshake the error is
// returned and the connection closed.
awaitable<Outcome<Stream>> connect_tls(tcp::endpoint endpoint, tls::ClientContext context, ClientTlsParams params,
                                       ConnectOptions options = {});

}  // namespace conformance::net
