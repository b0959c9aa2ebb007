// Scripted servers for tests that drive a client against a peer on loopback:
// the verbs a server script is written with (say, hear, linger), a script
// given as data (replay), and a peer on its own thread for code under test
// that runs its own io_context (the engine's runner).
#pragma once

#include "harness/net/asio.hpp"
#include "harness/net/listener.hpp"
#include "harness/net/stream.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace conformance::test_support {

using namespace std::chrono_literals;

// The server side of one connection.
using ServerScript = std::function<net::awaitable<void>(net::Stream&)>;

// Writes `bytes`; a client that went away is the test's checks to notice.
inline net::awaitable<void> say(net::Stream& stream, std::string bytes) {
  (void)co_await stream.write(std::move(bytes), 2s);
}

// The next line without its terminator, or "<why none came>".
inline net::awaitable<std::string> hear(net::Stream& stream, std::size_t max_line = 4096) {
  auto line = co_await stream.read_line(max_line, 2s);
  co_return line ? std::string(line->content()) : std::string("<" + line.error().describe() + ">");
}

// Holds the connection open until the client goes away.
inline net::awaitable<void> linger(net::Stream& stream) { (void)co_await stream.read_some(1, 5s); }

// A script as data, for exchanges that are a plain list of turns.
struct ScriptStep {
  enum class Kind { send, read_line, hang_up };
  ScriptStep(Kind kind_in, std::string bytes_in = {}) : kind(kind_in), bytes(std::move(bytes_in)) {}
  Kind kind;
  std::string bytes;
};
inline ScriptStep sends(std::string bytes) { return ScriptStep(ScriptStep::Kind::send, std::move(bytes)); }
inline ScriptStep reads_line() { return ScriptStep(ScriptStep::Kind::read_line); }
inline ScriptStep hangs_up() { return ScriptStep(ScriptStep::Kind::hang_up); }

// Plays `steps` in order, keeping each line read (without CRLF) in `heard`,
// then lingers unless it hung up. It stops early when the client goes away.
inline ServerScript replay(std::vector<ScriptStep> steps, std::vector<std::string>& heard) {
  return [steps = std::move(steps), &heard](net::Stream& stream) -> net::awaitable<void> {
    for (const ScriptStep& step : steps) {
      if (step.kind == ScriptStep::Kind::hang_up) co_return;
      if (step.kind == ScriptStep::Kind::send) {
        auto written = co_await stream.write(step.bytes, 2s);
        if (!written) co_return;
        continue;
      }
      auto line = co_await stream.read_line(64 * 1024, 2s);
      if (!line) co_return;
      heard.emplace_back(line->content());
    }
    co_await linger(stream);
  };
}

// A loopback server on its own thread whose every connection runs one
// script: the hostile behaviours (stall, flood, echo) engine tests need.
class ScriptedPeer {
 public:
  explicit ScriptedPeer(ServerScript script) {
    auto listener = net::Listener::open(io_.get_executor());
    if (!listener) throw std::runtime_error(listener.error().describe());
    listener_.emplace(std::move(listener.value()));
    listener_->serve([script = std::move(script)](net::Stream stream) -> net::awaitable<void> {
      co_await script(stream);
    });
    thread_ = std::thread([this] { io_.run(); });
  }
  ScriptedPeer(const ScriptedPeer&) = delete;
  ScriptedPeer& operator=(const ScriptedPeer&) = delete;
  ~ScriptedPeer() {
    boost::asio::post(io_, [this] { listener_->stop(); });
    work_.reset();
    io_.stop();
    thread_.join();
  }

  std::uint16_t port() const { return listener_->port(); }

 private:
  boost::asio::io_context io_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_{io_.get_executor()};
  std::optional<net::Listener> listener_;
  std::thread thread_;
};

}  // namespace conformance::test_support
