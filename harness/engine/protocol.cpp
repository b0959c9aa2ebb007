#include "harness/engine/protocol.hpp"

namespace conformance::engine {

net::awaitable<StepOutcome> Session::await_continuation(StepContext&) {
  co_return StepOutcome::fail("this protocol has no literals");
}

net::awaitable<StepOutcome> Session::set_up_fixtures(const scenario::Fixtures&, StepContext&) {
  co_return StepOutcome::fail("this protocol cannot set up fixtures");
}

net::awaitable<StepOutcome> Session::tear_down_fixtures(const scenario::Fixtures&, StepContext&) {
  co_return StepOutcome::fail("this protocol cannot tear down fixtures");
}

}  // namespace conformance::engine
