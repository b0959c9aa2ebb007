// Helpers for the transport tests: an io_context run with a hard limit (a
// test never hangs), coroutine spawning that surfaces exceptions, a shared
// throwaway PKI, and the small raw-Asio peer behaviours the tests reuse.
#pragma once

#include "harness/net/asio.hpp"
#include "harness/net/connect.hpp"
#include "harness/tls/context.hpp"
#include "harness/tls/throwaway_pki.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <exception>
#include <stdexcept>
#include <string>
#include <utility>

namespace conformance::net::testing {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

inline tcp::endpoint loopback() { return {asio::ip::address_v4::loopback(), 0}; }

// Spawns `body` (a callable returning awaitable<void>); an exception inside
// it leaves io_context::run and fails the test instead of vanishing.
template <class F>
void spawn(asio::io_context& io, F&& body) {
  asio::co_spawn(io, std::forward<F>(body), [](std::exception_ptr failure) {
    if (failure) std::rethrow_exception(failure);
  });
}

// Runs until no work is left; false if `limit` passed first (a hang).
inline bool run_until_idle(asio::io_context& io, Clock::duration limit = 30s) {
  io.run_for(limit);
  return io.stopped();
}

// Keeps a peer socket open until the other side closes it.
inline awaitable<void> hold_until_closed(tcp::socket& socket) {
  char byte = 0;
  boost::system::error_code ignored;
  for (;;) {
    co_await socket.async_read_some(asio::buffer(&byte, 1), asio::redirect_error(asio::use_awaitable, ignored));
    if (ignored) co_return;
  }
}

// Spelled out rather than designated initializers, which GCC's
// -Wmissing-field-initializers flags when partial.
inline ConnectOptions within(Duration timeout) {
  ConnectOptions options;
  options.timeout = timeout;
  return options;
}

inline ConnectOptions recording_to(std::shared_ptr<Transcript> transcript) {
  ConnectOptions options;
  options.transcript = std::move(transcript);
  return options;
}

inline tls::ClientTlsConfig trusting(tls::TrustStore trust) {
  tls::ClientTlsConfig config;
  config.trust = std::move(trust);
  return config;
}

inline const tls::ThrowawayPki& test_pki() {
  static const tls::ThrowawayPki pki = [] {
    auto created = tls::ThrowawayPki::create(std::chrono::system_clock::now());
    if (!created) throw std::runtime_error(created.error().message);
    return std::move(*created);
  }();
  return pki;
}

inline tls::Credential leaf(tls::LeafFault fault, std::vector<std::string> dns = {"mail.test"},
                            std::vector<std::string> ips = {"127.0.0.1"}) {
  auto issued = test_pki().leaf(fault, dns, ips);
  if (!issued) throw std::runtime_error(issued.error().message);
  return std::move(*issued);
}

inline tls::ServerContext server_context(const tls::Credential& credential) {
  auto context = tls::ServerContext::create(tls::ServerTlsConfig::from_credential(credential));
  if (!context) throw std::runtime_error(context.error().message);
  return std::move(*context);
}

inline tls::ClientContext client_context(bool insecure = false) {
  tls::ClientTlsConfig config = trusting(tls::TrustStore::pem(test_pki().trusted_root().certificate_pem()));
  config.insecure = insecure;
  auto context = tls::ClientContext::create(config);
  if (!context) throw std::runtime_error(context.error().message);
  return std::move(*context);
}

}  // namespace conformance::net::testing
