// Runs one client-under-test scenario (`role: client`): starts the fakes it
// configures on ephemeral loopback ports, runs the client program against
// them under its deadline, then judges what the program did and what the
// fakes saw (client_assertions.hpp). Blocking: the runner calls it on a
// thread of its own.
#pragma once

#include "harness/engine/deviation.hpp"
#include "harness/result/result.hpp"
#include "harness/scenario/scenario.hpp"

#include <chrono>

namespace conformance::engine {

struct ClientRunSettings {
  // After the program ended, how long the fakes get to finish the sessions
  // it left (recording its last bytes) before they are stopped.
  std::chrono::milliseconds settle{2'000};
  // Known failures of the client programs (--deviations).
  std::vector<Deviation> deviations;
};

result::ScenarioResult run_client_scenario(const scenario::Scenario& scenario, const ClientRunSettings& settings);

}  // namespace conformance::engine
