#include "harness/engine/deviation.hpp"

#include "harness/engine/target.hpp"
#include "harness/scenario/loader.hpp"
#include "harness/scenario/yaml_fields.hpp"
#include "harness/scenario/yaml_guard.hpp"

#include <fstream>
#include <sstream>

namespace conformance::engine {

const Deviation* find_deviation(const std::vector<Deviation>& deviations, std::string_view scenario_id) {
  for (const auto& deviation : deviations) {
    if (glob_match(deviation.id, scenario_id)) return &deviation;
  }
  return nullptr;
}

std::vector<Deviation> read_deviations(const YAML::Node& node, const std::string& file,
                                       scenario::Diagnostics& diagnostics) {
  std::vector<Deviation> out;
  if (!node.IsSequence()) {
    diagnostics.push_back({scenario::location_of(node, file), "'deviations' must be a list of {id, reason}"});
    return out;
  }
  for (const auto& item : node) {
    scenario::Fields fields(item, file, diagnostics, "deviation");
    Deviation entry;
    entry.where = scenario::location_of(item, file);
    if (auto id = fields.required_string("id")) entry.id = *id;
    if (auto reason = fields.required_string("reason")) entry.reason = *reason;
    if (fields.ok() && entry.reason.size() < 10) {
      fields.error(item, "a deviation needs a real reason (which RFC clause, what the peer does)");
    }
    fields.finish();
    out.push_back(std::move(entry));
  }
  return out;
}

Expected<std::vector<Deviation>, scenario::Diagnostics> load_deviations_file(const std::string& path) {
  scenario::Diagnostics diagnostics;
  std::ifstream in(path, std::ios::binary);
  if (!in) return scenario::Diagnostics{{scenario::SourceLocation{path, 0, 0}, "cannot read the file"}};
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<Deviation> deviations;
  try {
    auto root = scenario::parse_yaml_document(text.str(), path, diagnostics);
    if (root) {
      scenario::Fields fields(*root, path, diagnostics, "a deviations file");
      const YAML::Node list = fields.required("deviations");
      if (list.IsDefined()) deviations = read_deviations(list, path, diagnostics);
      fields.finish();
    }
  } catch (const std::exception& error) {
    diagnostics.push_back({scenario::SourceLocation{path, 0, 0}, std::string("cannot load: ") + error.what()});
  }
  if (!diagnostics.empty()) return diagnostics;
  return deviations;
}

void apply_deviation(result::ScenarioResult& result, const Deviation* deviation) {
  if (!deviation) return;
  result.deviation_reason = deviation->reason;
  if (result.verdict == result::Verdict::failed || result.verdict == result::Verdict::warned) {
    result.verdict = result::Verdict::expected_failure;
  } else if (result.verdict == result::Verdict::passed) {
    result.verdict = result::Verdict::unexpected_pass;
    result.reason = "listed as a known deviation (" + deviation->where.to_string() + ") but passed";
  }
}

}  // namespace conformance::engine
