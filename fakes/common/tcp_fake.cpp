#include "fakes/common/tcp_fake.hpp"

#include "harness/net/transcript_text.hpp"

#include <fmt/format.h>

namespace conformance::fakes {

const FakeTimeouts& FakeConnection::timeouts() const { return fake_.options().timeouts; }
const FakeTlsSettings& FakeConnection::tls_settings() const { return fake_.options().tls; }

const FaultRule* FakeConnection::fault(FaultPoint point, std::string_view command) {
  return fake_.faults().at(point, number_, command);
}

net::awaitable<SendOutcome> FakeConnection::send(std::string reply, const FaultRule* rule) {
  auto outcome = co_await send_reply(stream_, std::move(reply), rule, timeouts().write);
  co_return outcome;
}

std::vector<ListenSpec> default_listen_specs(std::string_view protocol) {
  const auto loopback = net::Listener::loopback_v4();
  if (protocol == "smtp") return {{"smtp", loopback, false}, {"submission", loopback, false}, {"submissions", loopback, true}};
  if (protocol == "pop3") return {{"pop3", loopback, false}, {"pop3s", loopback, true}};
  if (protocol == "imap") return {{"imap", loopback, false}, {"imaps", loopback, true}};
  return {};
}

net::awaitable<bool> FakeConnection::respond(FaultPoint point, std::string_view command, std::string reply) {
  const FaultRule* rule = fault(point, command);
  const SendOutcome outcome = co_await send(std::move(reply), rule);
  if (outcome.status && outcome.next == AfterSend::proceed) co_return true;
  if (outcome.status && outcome.next == AfterSend::stalled) co_await stall();
  co_return false;
}

net::awaitable<FakeConnection::GoAhead> FakeConnection::send_tls_go_ahead(std::string_view command,
                                                                         std::string reply) {
  const FaultRule* rule = fault(FaultPoint::command, command);
  const SendOutcome outcome = co_await send(std::move(reply), rule);
  if (outcome.status && outcome.next == AfterSend::stalled) co_await stall();
  if (!outcome.status || outcome.next != AfterSend::proceed) co_return GoAhead::failed;
  co_return outcome.reply_replaced ? GoAhead::replaced : GoAhead::sent;
}

net::awaitable<net::Outcome<net::TlsUpgrade>> FakeConnection::upgrade_to_tls() {
  const tls::ServerContext* context = fake_.tls_context();
  if (context == nullptr) co_return net::Error{net::ErrorCode::invalid_state, "TLS is not configured on this fake"};
  const FaultRule* rule = fault(FaultPoint::after_tls_ready);
  if (rule != nullptr && !rule->action.before.empty()) {
    // The CVE-2011-0411 class, from the server side: bytes sent in the
    // clear after the go-ahead, which a careful client must discard.
    stream_.note("fault: " + (rule->label.empty() ? std::string("plaintext after the TLS go-ahead") : rule->label));
    auto written = co_await stream_.write(rule->action.before, timeouts().write);
    if (!written) co_return written.error();
  }
  auto upgraded = co_await stream_.start_tls(*context, timeouts().handshake);
  co_return upgraded;
}

net::awaitable<void> FakeConnection::stall() { co_await hold_until_client_leaves(stream_, timeouts().idle); }

TcpFake::TcpFake(TcpFakeOptions options, std::shared_ptr<FakeCertificates> certificates, Session session)
    : options_(std::move(options)), certificates_(std::move(certificates)), session_(std::move(session)),
      faults_(options_.faults) {}

TcpFake::~TcpFake() { stop(); }

Expected<std::shared_ptr<TcpFake>, std::string> TcpFake::start(const boost::asio::any_io_executor& executor,
                                                               TcpFakeOptions options,
                                                               std::shared_ptr<FakeCertificates> certificates,
                                                               Session session) {
  bool needs_tls = options.tls.starttls != StartTlsPolicy::not_offered;
  for (const ListenSpec& spec : options.listen) needs_tls = needs_tls || spec.implicit_tls;
  std::shared_ptr<TcpFake> fake(new TcpFake(std::move(options), certificates, std::move(session)));
  if (needs_tls) {
    if (!certificates) return std::string("TLS is configured but the fake has no certificates");
    auto context = certificates->server_context(fake->options_.tls);
    if (!context) return context.error();
    fake->tls_context_ = std::move(*context);
  }
  net::ListenerOptions listener_options;
  const net::TranscriptLimits limits = fake->options_.transcript_limits;
  listener_options.make_transcript = [limits] { return std::make_shared<net::Transcript>(limits); };
  std::weak_ptr<TcpFake> weak = fake;
  for (const ListenSpec& spec : fake->options_.listen) {
    auto listener = net::Listener::open(executor, spec.endpoint, listener_options);
    if (!listener)
      return fmt::format("{} fake: cannot listen on {}:{} for {}: {}", fake->options_.protocol,
                         spec.endpoint.address().to_string(), spec.endpoint.port(), spec.service,
                         listener.error().describe());
    fake->endpoints_.push_back({spec.service, listener->local_endpoint(), spec.implicit_tls});
    std::string service = spec.service;
    bool implicit_tls = spec.implicit_tls;
    listener->serve([weak, service, implicit_tls](net::Stream stream) -> net::awaitable<void> {
      std::shared_ptr<TcpFake> self = weak.lock();
      if (!self) co_return;
      co_await self->serve_connection(service, implicit_tls, std::move(stream));
    });
    fake->listeners_.push_back(std::move(*listener));
  }
  return fake;
}

const BoundEndpoint* TcpFake::endpoint(std::string_view service) const {
  for (const BoundEndpoint& bound : endpoints_)
    if (bound.service == service) return &bound;
  return nullptr;
}

std::size_t TcpFake::active_connections() const {
  std::size_t active = 0;
  for (const net::Listener& listener : listeners_) active += listener.active_connections();
  return active;
}

void TcpFake::log(std::string_view line) const {
  if (options_.log) options_.log(line);
}

void TcpFake::stop() {
  if (stopped_) return;
  stopped_ = true;
  for (net::Listener& listener : listeners_) listener.stop();
}

net::awaitable<void> TcpFake::serve_connection(std::string service, bool implicit_tls, net::Stream stream) {
  const std::uint32_t number = faults_.connection_opened();
  std::shared_ptr<net::Transcript> transcript = stream.transcript();
  connections_.push_back({number, service, transcript});
  while (connections_.size() > options_.max_kept_connections) connections_.pop_front();
  const auto remote = stream.remote_endpoint();
  log(fmt::format("{} #{}: connection from {}:{} on {}", options_.protocol, number, remote.address().to_string(),
                  remote.port(), service));

  FakeConnection connection(*this, std::move(stream), number, service, implicit_tls);
  bool ready = true;
  if (implicit_tls) {
    auto handshake = co_await connection.stream().start_tls(*tls_context_, options_.timeouts.handshake);
    if (!handshake) {
      log(fmt::format("{} #{}: TLS handshake failed: {}", options_.protocol, number, handshake.error().describe()));
      ready = false;
    }
  }
  if (ready) co_await session_(connection);
  if (connection.stream().is_open()) co_await connection.stream().close(std::chrono::seconds(2));
  log(fmt::format("{} #{}: closed", options_.protocol, number));
  if (options_.log_transcripts && transcript) log(net::render_transcript(*transcript));
}

}  // namespace conformance::fakes
