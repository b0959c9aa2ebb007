#include "harness/engine/open_connection.hpp"

#include "harness/engine/step_text.hpp"
#include "harness/net/connect.hpp"

#include <algorithm>
#include <chrono>
#include <string_view>
#include <utility>

namespace conformance::engine {

namespace {

constexpr auto kTeardownTimeout = std::chrono::seconds(2);

// Where each protocol says data before the handshake must be discarded.
std::string_view starttls_clause(scenario::Protocol protocol) {
  switch (protocol) {
    case scenario::Protocol::smtp:
      return "RFC 3207 §4.2";
    case scenario::Protocol::pop3:
      return "RFC 2595 §4";
    case scenario::Protocol::imap:
      return "RFC 9051 §6.2.1";
  }
  return "RFC 3207 §4.2";
}

Opened failed(Opened::Stage stage, StepOutcome outcome, std::string cause) {
  Opened opened;
  opened.failed_at = stage;
  opened.outcome = std::move(outcome);
  opened.cause = std::move(cause);
  return opened;
}

}  // namespace

ConnectionOpener::ConnectionOpener(RunContext& run, scenario::Protocol protocol, std::string tls_host,
                                   const Limits& limits, scenario::Variables& variables,
                                   std::vector<Finding>& findings)
    : run_(run),
      protocol_(protocol),
      tls_host_(std::move(tls_host)),
      limits_(limits),
      variables_(variables),
      findings_(findings) {}

StepContext ConnectionOpener::context_for(Connection& conn, net::Duration timeout) {
  return StepContext{*conn.stream, timeout, limits_, variables_, findings_};
}

net::awaitable<Opened> ConnectionOpener::open(Connection& conn, const Protocol& proto, const OpenRequest& request) {
  // GCC 12 miscompiles co_await inside a condition or a ?:; every co_await
  // here is a plain statement.
  const Endpoint& endpoint = *request.endpoint;
  conn.endpoint_url = endpoint.url;
  conn.session = proto.new_session();
  net::ConnectOptions options;
  options.timeout = request.timeout;
  options.transcript = conn.transcript;
  ++run_.connection_attempts;
  auto stream = co_await net::connect(endpoint.host, endpoint.port, options);
  if (!stream) {
    const std::string cause = stream.error().describe();
    co_return failed(Opened::Stage::connect, StepOutcome::fail("cannot connect to " + endpoint.url + ": " + cause),
                     cause);
  }
  run_.any_connection_made = true;
  conn.stream.emplace(std::move(stream.value()));
  conn.open = true;
  if (request.implicit_tls) {
    std::string cause;
    auto upgraded = co_await handshake(conn, request.timeout, cause);
    if (!upgraded.ok) co_return failed(Opened::Stage::tls, std::move(upgraded), std::move(cause));
  }
  if (request.read_greeting || request.starttls) {
    StepContext context = context_for(conn, request.timeout);
    auto greeting = co_await conn.session->read_greeting(context);
    if (!greeting.ok) {
      std::string cause = greeting.reason;
      co_return failed(Opened::Stage::greeting, std::move(greeting), std::move(cause));
    }
  }
  if (request.starttls) {
    auto upgraded = co_await starttls(conn, request.timeout);
    if (!upgraded.ok) {
      std::string cause = upgraded.reason;
      co_return failed(Opened::Stage::starttls, std::move(upgraded), std::move(cause));
    }
  }
  Opened opened;
  if (request.implicit_tls) opened.outcome = StepOutcome::pass("implicit TLS: " + describe_tls(*conn.stream->tls_info()));
  co_return opened;
}

net::awaitable<StepOutcome> ConnectionOpener::handshake(Connection& conn, net::Duration timeout, std::string& cause) {
  if (!run_.tls) {
    cause = "cannot build the TLS client context: " + run_.tls_error;
    co_return StepOutcome::fail(cause);
  }
  const std::string host = tls_host_.empty() ? conn.stream->remote_endpoint().address().to_string() : tls_host_;
  net::ClientTlsParams params(host);
  auto upgraded = co_await conn.stream->start_tls(*run_.tls, params, timeout);
  if (!upgraded) {
    cause = upgraded.error().describe();
    co_return StepOutcome::fail("TLS handshake failed: " + cause);
  }
  if (!upgraded->discarded_plaintext.empty()) {
    // RFC 3207 §4.2 / RFC 2595 §3.1: nothing sent before the handshake may be
    // treated as protected; a server that sends it is injecting.
    findings_.push_back(Finding{std::string(starttls_clause(protocol_)),
                                "the server sent " + std::to_string(upgraded->discarded_plaintext.size()) +
                                    " bytes after the STARTTLS go-ahead, before the handshake: " +
                                    one_line(upgraded->discarded_plaintext)});
    cause = "plaintext after the STARTTLS go-ahead (injection risk)";
    co_return StepOutcome::fail(cause, "nothing", one_line(upgraded->discarded_plaintext));
  }
  if (conn.transcript) conn.transcript->record(net::Direction::tls_event, describe_tls(upgraded->info));
  co_return StepOutcome::pass(describe_tls(upgraded->info));
}

net::awaitable<StepOutcome> ConnectionOpener::starttls(Connection& conn, net::Duration timeout) {
  StepContext context = context_for(conn, timeout);
  auto agreed = co_await conn.session->request_starttls(context);
  if (!agreed.ok) co_return agreed;
  std::string cause;
  auto upgraded = co_await handshake(conn, timeout, cause);
  if (!upgraded.ok) co_return upgraded;
  conn.session->tls_started();
  co_return upgraded;
}

net::awaitable<void> ConnectionOpener::close(Connection& conn) {
  if (!conn.stream || !conn.open) co_return;
  conn.open = false;
  const net::Duration timeout = std::min<net::Duration>(kTeardownTimeout, run_.settings.step_timeout);
  (void)co_await conn.stream->close(timeout);
  if (conn.session) conn.session->closed();
}

}  // namespace conformance::engine
