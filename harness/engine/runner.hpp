// Chooses which scenarios run (filters, tags, shard) and runs them
// concurrently on one thread: `jobs` scenarios are in flight at once, each
// with its own connections and variables, results reported as they finish.
#pragma once

#include "harness/engine/run_context.hpp"
#include "harness/result/result.hpp"
#include "harness/scenario/scenario.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace conformance::engine {

struct Shard {
  unsigned index = 1;  // 1-based
  unsigned count = 1;
};
// "2/4" → {2, 4}; nullopt when malformed or index out of range.
std::optional<Shard> parse_shard(std::string_view text);
// Stable across runs, machines and scenario additions: by a hash of the id,
// so adding a scenario moves no other one to a different shard.
bool in_shard(std::string_view scenario_id, const Shard& shard);

struct Selection {
  std::vector<std::string> filters;       // id globs; any may match; empty: all
  std::vector<std::string> tags;          // at least one of these; empty: all
  std::vector<std::string> exclude_tags;  // none of these
  std::optional<Shard> shard;
};

std::vector<const scenario::Scenario*> select_scenarios(const std::vector<scenario::Scenario>& scenarios,
                                                        const Selection& selection);

using ResultCallback = std::function<void(const result::ScenarioResult&)>;

// Runs `scenarios` and returns their results in the given order.
result::RunResult run_scenarios(const std::vector<const scenario::Scenario*>& scenarios, RunContext& run,
                                std::size_t jobs, const ResultCallback& on_result);

}  // namespace conformance::engine
