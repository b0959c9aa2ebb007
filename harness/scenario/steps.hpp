// Internal to the loader: reading the `steps:` list of a scenario.
#pragma once

#include "harness/scenario/load_context.hpp"
#include "harness/scenario/scenario.hpp"

#include <string>
#include <vector>

namespace conformance::scenario {

// The step kinds as written, in the order the format documents them.
const std::vector<std::string>& step_kinds();

// Reads every step, reporting every mistake; steps with mistakes are left out.
std::vector<Step> read_steps(const YAML::Node& node, const LoadContext& context);

}  // namespace conformance::scenario
