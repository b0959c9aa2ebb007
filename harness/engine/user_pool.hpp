// Hands the target's users to running scenarios. A scenario that changes a
// user's maildrop (POP3, INBOX fixtures) takes the user exclusively; others
// share. Waiting is cooperative on the run's single-threaded io_context.
#pragma once

#include "harness/engine/target.hpp"
#include "harness/net/asio.hpp"

#include <cstddef>
#include <vector>

namespace conformance::engine {

class UserPool {
 public:
  explicit UserPool(std::vector<TargetUser> users);

  bool empty() const { return users_.empty(); }
  std::size_t size() const { return users_.size(); }

  // Index of the leased user; waits while none is available.
  net::awaitable<std::size_t> acquire(bool exclusive);
  void release(std::size_t index, bool exclusive);
  const TargetUser& user(std::size_t index) const { return users_[index]; }

 private:
  struct State {
    std::size_t sharers = 0;
    bool exclusive = false;
  };
  std::vector<TargetUser> users_;
  std::vector<State> states_;
  std::size_t next_shared_ = 0;
};

}  // namespace conformance::engine
