// What every TCP fake (SMTP, POP3, IMAP) shares: listening on its service
// ports (plain and implicit TLS), numbering connections for the fault plan,
// the implicit TLS handshake, a transcript per connection, and the STARTTLS
// upgrade with the "extra bytes after the go-ahead" fault. A protocol fake
// supplies only the session: a coroutine that talks to one client.
#pragma once

#include "fakes/common/fake_tls.hpp"
#include "fakes/common/fault_plan.hpp"
#include "fakes/common/fault_sender.hpp"
#include "harness/common/expected.hpp"
#include "harness/net/listener.hpp"
#include "harness/net/stream.hpp"
#include "harness/net/transcript.hpp"

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace conformance::fakes {

// One port a fake listens on. `service` is the URL scheme a client uses:
// imap imaps pop3 pop3s smtp submission submissions.
struct ListenSpec {
  std::string service;
  net::tcp::endpoint endpoint = net::Listener::loopback_v4();  // port 0: ephemeral
  bool implicit_tls = false;
};

// The usual services of a protocol's fake on 127.0.0.1, ephemeral ports,
// plain first: smtp submission submissions; pop3 pop3s; imap imaps.
std::vector<ListenSpec> default_listen_specs(std::string_view protocol);

struct BoundEndpoint {
  std::string service;
  net::tcp::endpoint endpoint;
  bool implicit_tls = false;
};

struct FakeTimeouts {
  std::chrono::milliseconds idle{std::chrono::minutes(5)};    // waiting for the client's next line (RFC 5321 §4.5.3.2.7)
  std::chrono::milliseconds write{std::chrono::seconds(30)};  // each write
  std::chrono::milliseconds handshake{std::chrono::seconds(30)};
};

// A finished or live connection's record, for assertions and logs.
struct ConnectionRecord {
  std::uint32_t number = 0;  // 1-based, per fake
  std::string service;
  std::shared_ptr<net::Transcript> transcript;
};

// Where a fake's activity goes besides its transcripts (standalone mode
// prints it). Called on the fake's executor.
using LogSink = std::function<void(std::string_view line)>;

struct TcpFakeOptions {
  std::string protocol;  // "smtp", "pop3", "imap": names logs
  std::vector<ListenSpec> listen;
  FaultPlan faults;
  FakeTlsSettings tls;
  FakeTimeouts timeouts;
  // Keep at most this many connection records (oldest dropped first), so a
  // long-running standalone fake stays bounded.
  std::size_t max_kept_connections = 1000;
  net::TranscriptLimits transcript_limits;
  LogSink log;  // null: silent
  // Render each connection's transcript to the log when it ends.
  bool log_transcripts = false;
};

class TcpFake;

// One client's connection, handed to the protocol's session coroutine.
class FakeConnection {
 public:
  net::Stream& stream() { return stream_; }
  std::uint32_t number() const { return number_; }
  const std::string& service() const { return service_; }
  bool implicit_tls() const { return implicit_tls_; }
  const FakeTimeouts& timeouts() const;
  const FakeTlsSettings& tls_settings() const;

  // The rule that applies here (counted as one occurrence), or null.
  const FaultRule* fault(FaultPoint point, std::string_view command = {});
  // send_reply with this connection's write deadline.
  net::awaitable<SendOutcome> send(std::string reply, const FaultRule* rule);
  // Sends `reply` with the plan's fault for `point` (and `command`, for
  // FaultPoint::command), holding the line if the fault stalls; says whether
  // the session goes on (false: the write failed, or the fault closed it).
  net::awaitable<bool> respond(FaultPoint point, std::string_view command, std::string reply);

  // Sends the "go ahead with TLS" reply to `command` (STARTTLS, STLS) with
  // the plan's fault for it. `replaced`: a fault sent something else, so
  // the client never got the go-ahead and the session goes on in the clear.
  enum class GoAhead { sent, replaced, failed };
  net::awaitable<GoAhead> send_tls_go_ahead(std::string_view command, std::string reply);

  // After the session sent its "go ahead with TLS" reply: applies the
  // after_tls_ready fault (injected bytes), then runs the handshake.
  net::awaitable<net::Outcome<net::TlsUpgrade>> upgrade_to_tls();

  // For a stalled reply: hold the line until the client leaves.
  net::awaitable<void> stall();

 private:
  friend class TcpFake;
  FakeConnection(TcpFake& fake, net::Stream stream, std::uint32_t number, std::string service, bool implicit_tls)
      : fake_(fake), stream_(std::move(stream)), number_(number), service_(std::move(service)),
        implicit_tls_(implicit_tls) {}
  TcpFake& fake_;
  net::Stream stream_;
  std::uint32_t number_;
  std::string service_;
  bool implicit_tls_;
};

class TcpFake : public std::enable_shared_from_this<TcpFake> {
 public:
  using Session = std::function<net::awaitable<void>(FakeConnection&)>;

  // Opens every listener now (so the ports are known) and serves until stop().
  // `certificates` may be null when no port uses TLS and STARTTLS is not offered.
  // Each session holds the fake alive until it ends, so dropping the last
  // outside reference after stop() is safe while sessions wind down.
  static Expected<std::shared_ptr<TcpFake>, std::string> start(const boost::asio::any_io_executor& executor,
                                                               TcpFakeOptions options,
                                                               std::shared_ptr<FakeCertificates> certificates,
                                                               Session session);
  ~TcpFake();

  const std::vector<BoundEndpoint>& endpoints() const { return endpoints_; }
  const BoundEndpoint* endpoint(std::string_view service) const;
  const TcpFakeOptions& options() const { return options_; }
  FaultTracker& faults() { return faults_; }
  // The TLS context for STARTTLS and implicit TLS; null if TLS is unavailable.
  const tls::ServerContext* tls_context() const { return tls_context_ ? &*tls_context_ : nullptr; }
  const std::deque<ConnectionRecord>& connections() const { return connections_; }
  std::size_t active_connections() const;

  void log(std::string_view line) const;
  void stop();

 private:
  TcpFake(TcpFakeOptions options, std::shared_ptr<FakeCertificates> certificates, Session session);
  net::awaitable<void> serve_connection(std::string service, bool implicit_tls, net::Stream stream);

  TcpFakeOptions options_;
  std::shared_ptr<FakeCertificates> certificates_;
  std::optional<tls::ServerContext> tls_context_;
  Session session_;
  FaultTracker faults_;
  std::vector<net::Listener> listeners_;
  std::vector<BoundEndpoint> endpoints_;
  std::deque<ConnectionRecord> connections_;
  bool stopped_ = false;
};

}  // namespace conformance::fakes
