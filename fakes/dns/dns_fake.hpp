// The fake DNS server: UDP and TCP on one port number (RFC 7766: a server
// answering over UDP must answer over TCP too), answering from a Zone with
// its scripted behaviours, and logging every query for assertions and for
// `conformance fake dns`. docs/fakes/dns.md.
#pragma once

#include "fakes/dns/zone.hpp"
#include "harness/common/expected.hpp"
#include "harness/net/asio.hpp"

#include <boost/asio/ip/udp.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace conformance::fakes::dns {

struct QueryRecord {
  std::uint64_t sequence = 0;  // 1-based, over both transports
  Transport transport = Transport::udp;
  std::string client;          // "127.0.0.1:53124"
  std::string name;            // as asked (case kept), without the trailing dot
  std::string type;            // "MX", "TYPE65"; "" when the query had no question
  std::string rcode;           // "NOERROR", "NXDOMAIN"...; "" when nothing was sent
  std::size_t answers = 0;
  bool truncated = false;
  bool dropped = false;        // scripted silence, or a query that got no reply

  std::string describe() const;  // "dns #3 udp 127.0.0.1:5555 MX example.test -> NOERROR, 2 answers"
};

struct DnsFakeConfig {
  boost::asio::ip::address address = boost::asio::ip::make_address("127.0.0.1");
  std::uint16_t port = 0;  // 0: an ephemeral port free for both UDP and TCP
  Zone zone = default_zone();
  std::chrono::milliseconds tcp_idle{10'000};  // RFC 7766 §6.2.3 suggests seconds, not minutes
  std::size_t max_tcp_connections = 64;
  std::size_t max_kept_queries = 10'000;  // the log is bounded; the oldest go first
  std::function<void(std::string_view line)> log;  // each query as it is answered; null: silent
};

class DnsFake : public std::enable_shared_from_this<DnsFake> {
 public:
  static Expected<std::shared_ptr<DnsFake>, std::string> start(const boost::asio::any_io_executor& executor,
                                                               DnsFakeConfig config);
  ~DnsFake();

  std::uint16_t port() const { return port_; }
  const boost::asio::ip::address& address() const { return config_.address; }
  // A copy, safe from any thread.
  std::vector<QueryRecord> queries() const;
  // Closes the sockets; answers still waiting out a latency are not sent.
  void stop();

 private:
  DnsFake(const boost::asio::any_io_executor& executor, DnsFakeConfig config);
  net::awaitable<void> serve_udp();
  net::awaitable<void> answer_datagram(std::string query, boost::asio::ip::udp::endpoint client);
  net::awaitable<void> serve_tcp();
  net::awaitable<void> serve_connection(net::tcp::socket socket);
  // Decodes and answers one query; records it. Empty: send nothing.
  std::string respond(std::string_view wire, Transport transport, const std::string& client,
                      std::chrono::milliseconds& delay);
  void record(QueryRecord entry);

  DnsFakeConfig config_;
  Answerer answerer_;
  boost::asio::ip::udp::socket udp_;
  net::tcp::acceptor tcp_;
  std::uint16_t port_ = 0;
  std::size_t tcp_connections_ = 0;
  bool stopped_ = false;
  std::vector<std::weak_ptr<net::tcp::socket>> live_;  // closed by stop()
  mutable std::mutex log_mutex_;
  std::deque<QueryRecord> queries_;
  std::uint64_t sequence_ = 0;
};

}  // namespace conformance::fakes::dns
