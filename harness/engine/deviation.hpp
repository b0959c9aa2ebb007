// Known deviations: scenarios a target (or a client program) is known to
// fail, each with its reason. A listed scenario that fails is reported as an
// expected failure and does not fail the run; one that passes is an
// unexpected pass, so the list cannot go stale unnoticed. They come from a
// target file's `deviations:` or from a file given with --deviations
// (docs/target-file.md), the only way to list them for client scenarios.
#pragma once

#include "harness/common/expected.hpp"
#include "harness/result/result.hpp"
#include "harness/scenario/source.hpp"

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

namespace conformance::engine {

struct Deviation {
  std::string id;  // scenario id or glob ("imap.idle.*")
  std::string reason;
  scenario::SourceLocation where;
};

// The first deviation covering `scenario_id`, or null.
const Deviation* find_deviation(const std::vector<Deviation>& deviations, std::string_view scenario_id);

// A `deviations:` list: [{id: ..., reason: ...}, ...].
std::vector<Deviation> read_deviations(const YAML::Node& node, const std::string& file,
                                       scenario::Diagnostics& diagnostics);

// A file whose only key is `deviations:`.
Expected<std::vector<Deviation>, scenario::Diagnostics> load_deviations_file(const std::string& path);

// Turns a failure into an expected failure, and a pass into an unexpected pass.
void apply_deviation(result::ScenarioResult& result, const Deviation* deviation);

}  // namespace conformance::engine
