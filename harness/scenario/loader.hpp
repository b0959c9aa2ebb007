// Loads scenario files (format version 1, docs/scenario-format.md) into the
// model of scenario.hpp, checking everything that can be checked without a
// server: `conformance validate` is this plus printing the diagnostics.
//
// Nothing here throws on input and nothing here touches the network: every
// mistake in a file becomes a Diagnostic `file:line:col: message`, all of a
// file's mistakes are reported in one pass, and a file that has any is left
// out of LoadResult::scenarios.
#pragma once

#include "harness/common/expected.hpp"
#include "harness/scenario/client_scenario.hpp"
#include "harness/scenario/protocol_rules.hpp"
#include "harness/scenario/scenario.hpp"
#include "harness/scenario/source.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::scenario {

// Which rules to use for a protocol; the engine passes the built-in ones
// (engine::rules_for). Returning null makes scenarios of that protocol a
// load error ("no rules for protocol 'x'").
using RulesLookup = std::function<const ProtocolRules*(Protocol)>;

struct LoadResult {
  std::vector<Scenario> scenarios;
  Diagnostics diagnostics;

  bool ok() const { return diagnostics.empty(); }
};

// Caps that keep a hostile or broken file from exhausting the loader.
inline constexpr std::size_t kMaxScenarioFileBytes = 1u << 20;
inline constexpr int kMaxYamlNesting = 64;
inline constexpr std::size_t kMaxFixtureFileBytes = 16u << 20;  // the engine's largest literal

// One scenario from YAML text. `file` names it in diagnostics and is the
// base for fixture files (`file:` is relative to the scenario's folder).
LoadResult load_scenario_text(std::string_view yaml, const std::string& file, const RulesLookup& rules);
LoadResult load_scenario_file(const std::string& path, const RulesLookup& rules);
// The same, able to read client-under-test scenarios (`role: client`) with
// `client_support` (engine::client_support()); without it they are a load
// error, as in builds without the fakes.
LoadResult load_scenario_text(std::string_view yaml, const std::string& file, const RulesLookup& rules,
                              const ClientSupport* client_support);
LoadResult load_scenario_file(const std::string& path, const RulesLookup& rules, const ClientSupport* client_support);

// Files and folders. Folders are walked recursively for *.yaml and *.yml,
// leaving out anything under a folder named "fixtures" or "deviations"; a file named
// explicitly is loaded whatever its name. Scenarios come sorted by path so
// that runs are deterministic. Also reports a path that does not exist, a
// selection with no scenario in it, and an id used twice (at both places).
LoadResult load_paths(const std::vector<std::string>& paths, const RulesLookup& rules);
LoadResult load_paths(const std::vector<std::string>& paths, const RulesLookup& rules,
                      const ClientSupport* client_support);

// Why `send: {raw: ...}` text could not be decoded.
struct EscapeError {
  std::size_t offset = 0;  // of the backslash that starts the bad escape
  std::string message;

  std::string describe() const;  // "offset 4: unknown escape '\q' (known: ...)"
};

// Decodes \r \n \t \0 \\ \" and \xHH (two hex digits); every other byte
// stands for itself.
Expected<std::string, EscapeError> decode_escapes(std::string_view text);

}  // namespace conformance::scenario
