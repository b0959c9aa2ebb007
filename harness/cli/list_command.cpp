#include "harness/cli/commands.hpp"
#include "harness/engine/client_support.hpp"
#include "harness/engine/protocol.hpp"
#include "harness/engine/runner.hpp"
#include "harness/scenario/loader.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace conformance::cli {

namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

}  // namespace

int list_command(const ListArguments& arguments) {
  auto loaded = scenario::load_paths(arguments.paths, engine::rules_for, &engine::client_support());
  if (!loaded.diagnostics.empty()) {
    for (const auto& diagnostic : loaded.diagnostics) std::cerr << diagnostic.to_string() << "\n";
    return kUsage;
  }
  engine::Selection selection;
  selection.filters = arguments.filters;
  selection.tags = split_commas(arguments.tags);
  selection.exclude_tags = split_commas(arguments.exclude_tags);
  const auto chosen = engine::select_scenarios(loaded.scenarios, selection);
  if (arguments.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto* s : chosen) {
      list.push_back({{"id", s->id},
                      {"title", s->title},
                      {"role", s->client ? "client" : "server"},
                      {"protocol", s->client ? s->client->protocol : std::string(scenario::to_string(s->protocol))},
                      {"rfc", s->rfc},
                      {"level", scenario::to_string(s->level)},
                      {"tags", s->tags},
                      {"requires", s->requires_capabilities},
                      {"file", s->file}});
    }
    std::cout << list.dump(2) << "\n";
    return kPassed;
  }
  for (const auto* s : chosen) {
    std::cout << s->id << "  " << s->title << "\n    " << scenario::to_string(s->level) << "  "
              << join(s->rfc, "; ") << (s->tags.empty() ? "" : "  [" + join(s->tags, ", ") + "]") << "\n";
  }
  std::cout << chosen.size() << " scenario" << (chosen.size() == 1 ? "" : "s") << "\n";
  return kPassed;
}

int validate_command(const std::vector<std::string>& paths) {
  auto loaded = scenario::load_paths(paths, engine::rules_for, &engine::client_support());
  for (const auto& diagnostic : loaded.diagnostics) std::cerr << diagnostic.to_string() << "\n";
  if (!loaded.diagnostics.empty()) {
    std::cerr << loaded.diagnostics.size() << " error" << (loaded.diagnostics.size() == 1 ? "" : "s") << "\n";
    return kUsage;
  }
  std::cout << loaded.scenarios.size() << " scenario" << (loaded.scenarios.size() == 1 ? "" : "s") << " valid\n";
  return kPassed;
}

}  // namespace conformance::cli
