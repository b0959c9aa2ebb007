// A deadline for one I/O operation. Boost 1.74 has no per-operation
// cancellation, so the deadline is a timer that, when it fires first,
// cancels the object the operation runs on (socket, acceptor, resolver); the
// operation then completes with operation_aborted, which `expired()` lets the
// caller report as a timeout.
#pragma once

#include "harness/net/asio.hpp"

#include <chrono>
#include <functional>
#include <memory>

namespace conformance::net {

using Duration = std::chrono::steady_clock::duration;

class Deadline {
 public:
  // Runs `on_expiry` on `executor` after `timeout`, unless this Deadline is
  // destroyed first. The operation and the timer must share the executor (or
  // strand) so that the two cannot run concurrently.
  Deadline(const boost::asio::any_io_executor& executor, Duration timeout, std::function<void()> on_expiry);
  ~Deadline();
  Deadline(const Deadline&) = delete;
  Deadline& operator=(const Deadline&) = delete;

  bool expired() const { return state_->expired; }

 private:
  // Shared with the timer's handler, which may still be queued after this
  // Deadline is gone (a timer that fired just as the operation completed):
  // `armed` is then false and the handler does nothing.
  struct State {
    bool armed = true;
    bool expired = false;
    std::function<void()> on_expiry;
  };
  std::shared_ptr<State> state_;
  boost::asio::steady_timer timer_;
};

// "250 ms", "3 s": how reports state a timeout.
std::string describe_duration(Duration duration);

}  // namespace conformance::net
