#include "harness/engine/user_pool.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>

#include <chrono>

namespace conformance::engine {

UserPool::UserPool(std::vector<TargetUser> users) : users_(std::move(users)), states_(users_.size()) {}

net::awaitable<std::size_t> UserPool::acquire(bool exclusive) {
  auto executor = co_await boost::asio::this_coro::executor;
  boost::asio::steady_timer timer(executor);
  for (;;) {
    if (exclusive) {
      for (std::size_t i = 0; i < states_.size(); ++i) {
        if (!states_[i].exclusive && states_[i].sharers == 0) {
          states_[i].exclusive = true;
          co_return i;
        }
      }
    } else {
      // Round robin over users nobody holds exclusively, so shared
      // scenarios spread their load.
      for (std::size_t n = 0; n < states_.size(); ++n) {
        const std::size_t i = (next_shared_ + n) % states_.size();
        if (!states_[i].exclusive) {
          ++states_[i].sharers;
          next_shared_ = i + 1;
          co_return i;
        }
      }
    }
    // Polling keeps this simple; leases last seconds, so 20 ms is noise.
    timer.expires_after(std::chrono::milliseconds(20));
    co_await timer.async_wait(boost::asio::use_awaitable);
  }
}

void UserPool::release(std::size_t index, bool exclusive) {
  if (index >= states_.size()) return;
  if (exclusive) {
    states_[index].exclusive = false;
  } else if (states_[index].sharers > 0) {
    --states_[index].sharers;
  }
}

}  // namespace conformance::engine
