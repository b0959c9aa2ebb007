// Runs one scenario against the target: checks it can run (endpoints,
// capabilities, a user), sets up its fixtures, executes its steps on its
// connections, tears down, and turns what happened into a ScenarioResult.
// Never throws for anything the server does; every wait has a deadline.
#pragma once

#include "harness/engine/run_context.hpp"
#include "harness/net/asio.hpp"
#include "harness/result/result.hpp"
#include "harness/scenario/scenario.hpp"

namespace conformance::engine {

net::awaitable<result::ScenarioResult> run_scenario(const scenario::Scenario& scenario, RunContext& run);

// A result with the scenario's id, title, protocol, RFC clauses, level, tags
// and file filled in, and nothing run yet (passed).
result::ScenarioResult result_for(const scenario::Scenario& scenario);

// Probes what the server advertises for (protocol, service): greeting,
// capabilities, after STARTTLS when offered, and after login when a user is
// configured. Results are cached in `run`.
net::awaitable<void> probe_capabilities(scenario::Protocol protocol, scenario::Service service, RunContext& run);

}  // namespace conformance::engine
