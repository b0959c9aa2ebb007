#include "harness/net/deadline.hpp"

#include <string>

namespace conformance::net {

Deadline::Deadline(const boost::asio::any_io_executor& executor, Duration timeout, std::function<void()> on_expiry)
    : state_(std::make_shared<State>()), timer_(executor) {
  state_->on_expiry = std::move(on_expiry);
  timer_.expires_after(timeout);
  timer_.async_wait([state = state_](const boost::system::error_code& error) {
    if (error || !state->armed) return;
    state->expired = true;
    state->on_expiry();
  });
}

Deadline::~Deadline() {
  state_->armed = false;
  state_->on_expiry = nullptr;
  // The timer's destructor cancels the wait; the handler then sees an error.
}

std::string describe_duration(Duration duration) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
  return std::to_string(ms) + " ms";
}

}  // namespace conformance::net
