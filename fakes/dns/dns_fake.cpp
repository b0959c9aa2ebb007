#include "fakes/dns/dns_fake.hpp"

#include "harness/codec/dns/tcp_framing.hpp"
#include "harness/net/deadline.hpp"

#include <boost/asio/buffer.hpp>

#include <array>

namespace conformance::fakes::dns {
namespace {

namespace asio = boost::asio;
using boost::system::error_code;
using udp = asio::ip::udp;

constexpr std::size_t kMaxUdpQuery = 65535;
constexpr int kPortAttempts = 20;  // an ephemeral UDP port whose number TCP can take too

std::string endpoint_text(const asio::ip::address& address, std::uint16_t port) {
  return (address.is_v6() ? "[" + address.to_string() + "]" : address.to_string()) + ":" + std::to_string(port);
}

std::string name_text(const codec::DomainName& name) {
  std::string text = name.to_text();
  if (text.size() > 1 && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

std::string QueryRecord::describe() const {
  std::string text = "dns #" + std::to_string(sequence) + " " + std::string(to_string(transport)) + " " + client + " " +
                     (type.empty() ? "(no question)" : type + " " + name) + " -> ";
  if (dropped) return text + "no answer (dropped)";
  text += rcode + ", " + std::to_string(answers) + (answers == 1 ? " answer" : " answers");
  if (truncated) text += ", truncated (TC)";
  return text;
}

DnsFake::DnsFake(const asio::any_io_executor& executor, DnsFakeConfig config)
    : config_(std::move(config)), answerer_(config_.zone), udp_(executor), tcp_(executor) {}

Expected<std::shared_ptr<DnsFake>, std::string> DnsFake::start(const asio::any_io_executor& executor,
                                                               DnsFakeConfig config) {
  std::shared_ptr<DnsFake> fake(new DnsFake(executor, std::move(config)));
  const auto& address = fake->config_.address;
  std::string last_error;
  for (int attempt = 0; attempt < kPortAttempts; ++attempt) {
    udp::socket udp_socket(executor);
    net::tcp::acceptor acceptor(executor);
    error_code error;
    udp_socket.open(address.is_v6() ? udp::v6() : udp::v4(), error);
    if (!error) udp_socket.bind(udp::endpoint(address, fake->config_.port), error);
    if (error) {
      last_error = "UDP " + endpoint_text(address, fake->config_.port) + ": " + error.message();
      if (fake->config_.port != 0) break;
      continue;
    }
    const std::uint16_t port = udp_socket.local_endpoint().port();
    acceptor.open(address.is_v6() ? net::tcp::v6() : net::tcp::v4(), error);
    if (!error) acceptor.set_option(net::tcp::acceptor::reuse_address(true), error);
    if (!error) acceptor.bind(net::tcp::endpoint(address, port), error);
    if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
    if (error) {
      last_error = "TCP " + endpoint_text(address, port) + ": " + error.message();
      if (fake->config_.port != 0) break;
      continue;  // that UDP port's number is taken for TCP: another one
    }
    fake->udp_ = std::move(udp_socket);
    fake->tcp_ = std::move(acceptor);
    fake->port_ = port;
    asio::co_spawn(executor, fake->serve_udp(), asio::detached);
    asio::co_spawn(executor, fake->serve_tcp(), asio::detached);
    return fake;
  }
  return "cannot listen for DNS: " + last_error;
}

DnsFake::~DnsFake() = default;

void DnsFake::stop() {
  if (stopped_) return;
  stopped_ = true;
  error_code ignored;
  udp_.close(ignored);
  tcp_.close(ignored);
  for (auto& weak : live_) {
    if (auto socket = weak.lock()) socket->close(ignored);
  }
  live_.clear();
}

std::vector<QueryRecord> DnsFake::queries() const {
  std::lock_guard lock(log_mutex_);
  return {queries_.begin(), queries_.end()};
}

void DnsFake::record(QueryRecord entry) {
  {
    std::lock_guard lock(log_mutex_);
    entry.sequence = ++sequence_;
    queries_.push_back(entry);
    while (queries_.size() > config_.max_kept_queries) queries_.pop_front();
  }
  if (config_.log) config_.log(entry.describe());
}

std::string DnsFake::respond(std::string_view wire, Transport transport, const std::string& client,
                             std::chrono::milliseconds& delay) {
  QueryRecord entry;
  entry.transport = transport;
  entry.client = client;
  auto query = codec::decode_message(wire);
  std::optional<codec::Message> response;
  if (!query) {
    response = answerer_.format_error(wire);
  } else {
    if (!query->questions.empty()) {
      entry.name = name_text(query->questions.front().name);
      entry.type = codec::to_text(query->questions.front().type);
    }
    Answer answer = answerer_.answer(*query, transport);
    delay = answer.delay;
    entry.truncated = answer.truncated;
    response = std::move(answer.response);
  }
  std::string bytes;
  if (response) {
    auto encoded = codec::encode_message(*response);
    if (encoded) {
      bytes = std::move(*encoded);
      entry.rcode = codec::to_text(codec::rcode_of(*response));
      entry.answers = response->answers.size();
    }
  }
  entry.dropped = bytes.empty();
  record(std::move(entry));
  return bytes;
}

net::awaitable<void> DnsFake::serve_udp() {
  auto self = shared_from_this();
  std::vector<char> buffer(kMaxUdpQuery);
  while (!stopped_) {
    udp::endpoint client;
    error_code error;
    const std::size_t got = co_await udp_.async_receive_from(asio::buffer(buffer), client,
                                                             asio::redirect_error(asio::use_awaitable, error));
    if (error == asio::error::operation_aborted || stopped_) co_return;
    if (error) continue;  // e.g. an ICMP error from an earlier reply: keep serving
    std::string query(buffer.data(), got);
    // Each answer on its own, so a slow name does not hold up the others.
    asio::co_spawn(udp_.get_executor(), answer_datagram(std::move(query), client), asio::detached);
  }
}

net::awaitable<void> DnsFake::answer_datagram(std::string query, udp::endpoint client) {
  auto self = shared_from_this();
  std::chrono::milliseconds delay{0};
  const std::string client_text = endpoint_text(client.address(), client.port());
  const std::string response = respond(query, Transport::udp, client_text, delay);
  if (delay.count() > 0) {
    asio::steady_timer timer(udp_.get_executor(), delay);
    error_code ignored;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  }
  if (response.empty() || stopped_) co_return;
  error_code ignored;
  co_await udp_.async_send_to(asio::buffer(response), client, asio::redirect_error(asio::use_awaitable, ignored));
}

net::awaitable<void> DnsFake::serve_tcp() {
  auto self = shared_from_this();
  while (!stopped_) {
    error_code error;
    net::tcp::socket socket = co_await tcp_.async_accept(asio::redirect_error(asio::use_awaitable, error));
    if (error == asio::error::operation_aborted || stopped_) co_return;
    if (error) continue;
    if (tcp_connections_ >= config_.max_tcp_connections) {
      socket.close(error);  // RFC 7766 §6.2.2: a server may close connections under load
      continue;
    }
    asio::co_spawn(tcp_.get_executor(), serve_connection(std::move(socket)), asio::detached);
  }
}

net::awaitable<void> DnsFake::serve_connection(net::tcp::socket accepted) {
  auto self = shared_from_this();
  auto socket = std::make_shared<net::tcp::socket>(std::move(accepted));
  live_.push_back(socket);
  ++tcp_connections_;
  error_code error;
  const auto peer = socket->remote_endpoint(error);
  const std::string client = error ? std::string("?") : endpoint_text(peer.address(), peer.port());
  std::string pending;
  std::array<char, 16384> chunk{};
  while (!stopped_) {
    auto frame = codec::next_tcp_frame(pending);
    if (frame.failed()) break;
    if (frame.complete()) {
      const std::string query(frame.value());
      pending.erase(0, frame.consumed());
      std::chrono::milliseconds delay{0};
      const std::string response = respond(query, Transport::tcp, client, delay);
      if (delay.count() > 0) {
        asio::steady_timer timer(socket->get_executor(), delay);
        co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, error));
      }
      if (response.empty()) continue;  // dropped: the client waits, as over UDP
      auto framed = codec::frame_tcp_message(response);
      if (!framed) break;
      bool write_expired = false;
      {
        net::Deadline deadline(socket->get_executor(), config_.tcp_idle, [socket] {
          error_code ignored;
          socket->cancel(ignored);
        });
        co_await asio::async_write(*socket, asio::buffer(*framed), asio::redirect_error(asio::use_awaitable, error));
        write_expired = deadline.expired();
      }
      if (error || write_expired) break;
      continue;
    }
    std::size_t got = 0;
    bool idle_expired = false;
    {
      net::Deadline deadline(socket->get_executor(), config_.tcp_idle, [socket] {
        error_code ignored;
        socket->cancel(ignored);
      });
      got = co_await socket->async_read_some(asio::buffer(chunk), asio::redirect_error(asio::use_awaitable, error));
      idle_expired = deadline.expired();
    }
    if (error || idle_expired) break;
    pending.append(chunk.data(), got);
  }
  socket->close(error);
  --tcp_connections_;
}

}  // namespace conformance::fakes::dns
