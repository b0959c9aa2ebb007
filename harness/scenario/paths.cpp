// load_paths: which files a list of paths selects, and the checks that span files.
#include "harness/scenario/loader.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace conformance::scenario {

namespace {

namespace fs = std::filesystem;

bool is_yaml_file(const fs::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml";
}

// Every *.yaml / *.yml below `root`, leaving out folders named "fixtures"
// (message files and shared snippets live there, not scenarios) and
// "deviations" (known-deviation lists for --deviations).
void collect_folder(const std::string& root, std::vector<std::string>& files, Diagnostics& diagnostics) {
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const fs::directory_entry& entry = *it;
    std::error_code type_error;
    if (entry.is_directory(type_error)) {
      const auto name = entry.path().filename();
      if (name == "fixtures" || name == "deviations") it.disable_recursion_pending();
      continue;
    }
    if (entry.is_regular_file(type_error) && is_yaml_file(entry.path())) files.push_back(entry.path().generic_string());
  }
  if (error)
    diagnostics.push_back(Diagnostic{SourceLocation{root, 0, 0}, "cannot list the folder: " + error.message()});
}

// One spelling per file, so `scenarios scenarios/imap` does not load a file twice.
std::vector<std::string> without_repeats(const std::vector<std::string>& files) {
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (const auto& file : files) {
    std::error_code error;
    fs::path canonical = fs::weakly_canonical(file, error);
    const std::string key = error ? file : canonical.generic_string();
    if (seen.insert(key).second) unique.push_back(file);
  }
  return unique;
}

}  // namespace

LoadResult load_paths(const std::vector<std::string>& paths, const RulesLookup& rules) {
  return load_paths(paths, rules, nullptr);
}

LoadResult load_paths(const std::vector<std::string>& paths, const RulesLookup& rules,
                      const ClientSupport* client_support) {
  LoadResult result;
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      result.diagnostics.push_back(Diagnostic{SourceLocation{path, 0, 0}, "no such file or folder"});
    } else if (fs::is_directory(status)) {
      collect_folder(path, files, result.diagnostics);
    } else {
      files.push_back(path);  // named explicitly: loaded whatever its name
    }
  }
  files = without_repeats(files);
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::string selection;
    for (const auto& path : paths) selection += (selection.empty() ? "" : " ") + path;
    result.diagnostics.push_back(Diagnostic{SourceLocation{selection.empty() ? "." : selection, 0, 0},
                                            "no scenario files (*.yaml, *.yml) selected"});
    return result;
  }

  for (const auto& file : files) {
    LoadResult loaded = load_scenario_file(file, rules, client_support);
    for (auto& diagnostic : loaded.diagnostics) result.diagnostics.push_back(std::move(diagnostic));
    for (auto& scenario : loaded.scenarios) result.scenarios.push_back(std::move(scenario));
  }

  std::map<std::string, const Scenario*> first_by_id;
  for (const auto& scenario : result.scenarios) {
    auto [it, fresh] = first_by_id.emplace(scenario.id, &scenario);
    if (fresh) continue;
    const Scenario& first = *it->second;
    result.diagnostics.push_back(
        Diagnostic{scenario.where, "duplicate id '" + scenario.id + "' (also at " + first.where.to_string() + ")"});
    result.diagnostics.push_back(
        Diagnostic{first.where, "duplicate id '" + scenario.id + "' (also at " + scenario.where.to_string() + ")"});
  }
  return result;
}

}  // namespace conformance::scenario
