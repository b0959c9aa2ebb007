#include "harness/net/listener.hpp"

#include <algorithm>
#include <exception>
#include <sstream>
#include <vector>

namespace conformance::net {
namespace {

namespace asio = boost::asio;
using boost::system::error_code;

std::string endpoint_text(const tcp::endpoint& endpoint) {
  std::ostringstream text;
  text << endpoint;
  return text.str();
}

}  // namespace

struct Listener::State {
  State(const asio::any_io_executor& executor_in, ListenerOptions options_in)
      : executor(executor_in), acceptor(executor_in), options(std::move(options_in)) {}

  asio::any_io_executor executor;
  tcp::acceptor acceptor;
  ListenerOptions options;
  bool stopped = false;
  std::vector<Stream::Handle> connections;
  std::size_t accepted = 0;
  std::size_t active = 0;
  std::size_t failures = 0;
  std::string last_failure;

  Stream adopt(tcp::socket socket) {
    std::shared_ptr<Transcript> transcript = options.make_transcript ? options.make_transcript() : nullptr;
    if (transcript) {
      error_code ignored;
      transcript->note("accepted from " + endpoint_text(socket.remote_endpoint(ignored)) + " on " +
                       endpoint_text(socket.local_endpoint(ignored)));
    }
    Stream stream = Stream::adopt(std::move(socket), Role::server, std::move(transcript));
    ++accepted;
    std::erase_if(connections, [](const Stream::Handle& handle) { return !handle.alive(); });
    connections.push_back(stream.handle());
    return stream;
  }
};

Listener::Listener(std::shared_ptr<State> state) : state_(std::move(state)) {}
Listener::Listener(Listener&&) noexcept = default;
Listener& Listener::operator=(Listener&& other) noexcept {
  if (this != &other) {
    stop();
    state_ = std::move(other.state_);
  }
  return *this;
}
Listener::~Listener() { stop(); }

Outcome<Listener> Listener::open(const boost::asio::any_io_executor& executor, tcp::endpoint endpoint,
                                 ListenerOptions options) {
  auto state = std::make_shared<State>(executor, std::move(options));
  error_code error;
  auto fail = [&](std::string_view step) {
    return Error{ErrorCode::io_error, "listen on " + endpoint_text(endpoint) + ": " + std::string(step) + ": " + error.message()};
  };
  state->acceptor.open(endpoint.protocol(), error);
  if (error) return fail("open");
  state->acceptor.set_option(tcp::acceptor::reuse_address(true), error);
  if (error) return fail("SO_REUSEADDR");
  state->acceptor.bind(endpoint, error);
  if (error) return fail("bind");
  state->acceptor.listen(state->options.backlog, error);
  if (error) return fail("listen");
  return Listener(std::move(state));
}

tcp::endpoint Listener::local_endpoint() const {
  error_code ignored;
  return state_ ? state_->acceptor.local_endpoint(ignored) : tcp::endpoint();
}

awaitable<Outcome<Stream>> Listener::accept(Duration timeout) {
  const std::shared_ptr<State> state = state_;
  if (!state || state->stopped) co_return Error{ErrorCode::invalid_state, "accept: the listener is stopped"};
  tcp::socket socket(state->executor);
  error_code error;
  bool expired = false;
  {
    Deadline deadline(state->executor, timeout, [&state] {
      error_code ignored;
      state->acceptor.cancel(ignored);
    });
    co_await state->acceptor.async_accept(socket, asio::redirect_error(asio::use_awaitable, error));
    expired = deadline.expired();
  }
  if (error) {
    Error failure = error_from_io(error, IoPhase::accept, expired);
    if (failure.code == ErrorCode::timeout) failure.message = "accept: no connection within " + describe_duration(timeout);
    co_return failure;
  }
  co_return state->adopt(std::move(socket));
}

awaitable<void> Listener::run_handler(std::shared_ptr<State> state, Handler handler, Stream stream) {
  ++state->active;
  try {
    co_await handler(std::move(stream));
  } catch (const std::exception& failure) {
    ++state->failures;
    state->last_failure = failure.what();
  } catch (...) {
    ++state->failures;
    state->last_failure = "a non-standard exception";
  }
  --state->active;
}

awaitable<void> Listener::accept_loop(std::shared_ptr<State> state, Handler handler) {
  asio::steady_timer pause(state->executor);
  while (!state->stopped) {
    tcp::socket socket(state->executor);
    error_code error;
    co_await state->acceptor.async_accept(socket, asio::redirect_error(asio::use_awaitable, error));
    if (state->stopped || error == asio::error::operation_aborted || !state->acceptor.is_open()) break;
    if (error) {
      // Out of descriptors, or a connection aborted before accept: pause
      // briefly rather than spin, then go on accepting.
      pause.expires_after(std::chrono::milliseconds(10));
      co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, error));
      continue;
    }
    asio::co_spawn(state->executor, run_handler(state, handler, state->adopt(std::move(socket))), asio::detached);
  }
}

void Listener::serve(Handler handler) {
  if (!state_ || state_->stopped) return;
  asio::co_spawn(state_->executor, accept_loop(state_, std::move(handler)), asio::detached);
}

void Listener::stop() {
  if (!state_ || state_->stopped) return;
  state_->stopped = true;
  error_code ignored;
  state_->acceptor.close(ignored);
  for (Stream::Handle& connection : state_->connections) connection.force_close("closed by us (listener stopped)");
  state_->connections.clear();
}

std::size_t Listener::accepted_connections() const { return state_ ? state_->accepted : 0; }
std::size_t Listener::active_connections() const { return state_ ? state_->active : 0; }
std::size_t Listener::handler_failures() const { return state_ ? state_->failures : 0; }
std::string Listener::last_handler_failure() const { return state_ ? state_->last_failure : std::string(); }

}  // namespace conformance::net
