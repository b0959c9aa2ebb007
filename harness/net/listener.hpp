// The server role's front door: accepts on an address (by default
// 127.0.0.1 with an ephemeral port, which it reports) and runs one coroutine
// per connection with a server-role Stream. stop() closes the acceptor and
// every live connection, so the handlers end and the io_context runs dry.
//
// Like Stream, a Listener belongs to its executor: call its members from
// that executor's thread (or while the io_context is not running).
#pragma once

#include "harness/net/asio.hpp"
#include "harness/net/deadline.hpp"
#include "harness/net/error.hpp"
#include "harness/net/stream.hpp"
#include "harness/net/transcript.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace conformance::net {

struct ListenerOptions {
  // Called for each accepted connection; null (or returning null): no transcript.
  std::function<std::shared_ptr<Transcript>()> make_transcript;
  int backlog = boost::asio::socket_base::max_listen_connections;
};

class Listener {
 public:
  using Handler = std::function<awaitable<void>(Stream)>;

  static tcp::endpoint loopback_v4() { return {boost::asio::ip::address_v4::loopback(), 0}; }
  static tcp::endpoint loopback_v6() { return {boost::asio::ip::address_v6::loopback(), 0}; }

  static Outcome<Listener> open(const boost::asio::any_io_executor& executor, tcp::endpoint endpoint = loopback_v4(),
                                ListenerOptions options = {});

  Listener(Listener&&) noexcept;
  Listener& operator=(Listener&&) noexcept;
  ~Listener();  // stops

  tcp::endpoint local_endpoint() const;
  std::uint16_t port() const { return local_endpoint().port(); }

  // Accepts one connection (do not mix with serve()).
  awaitable<Outcome<Stream>> accept(Duration timeout);

  // Accepts until stop(), running `handler` in its own coroutine for each
  // connection. An exception escaping a handler is counted, not propagated.
  void serve(Handler handler);

  // Stops accepting and closes every live connection (their pending
  // operations complete with `cancelled`). Idempotent.
  void stop();

  std::size_t accepted_connections() const;
  std::size_t active_connections() const;
  std::size_t handler_failures() const;
  std::string last_handler_failure() const;

 private:
  struct State;
  explicit Listener(std::shared_ptr<State> state);
  static awaitable<void> accept_loop(std::shared_ptr<State> state, Handler handler);
  static awaitable<void> run_handler(std::shared_ptr<State> state, Handler handler, Stream stream);
  std::shared_ptr<State> state_;
};

}  // namespace conformance::net
