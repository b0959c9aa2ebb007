// Internal to the loader (loader.cpp, steps.cpp, fixtures.cpp): what reading
// one scenario file needs at hand, and the checks they share.
#pragma once

#include "harness/scenario/duration.hpp"
#include "harness/scenario/protocol_rules.hpp"
#include "harness/scenario/source.hpp"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::scenario {

struct LoadContext {
  std::string file;
  Diagnostics& diagnostics;
  // Null when the protocol is missing, unknown or has no rules: the checks
  // that need them are skipped (the protocol was reported already).
  const ProtocolRules* rules = nullptr;
  std::string protocol_name;             // for messages; "" when unknown
  std::vector<std::string> connections;  // declared names; the first is the default

  void error(const YAML::Node& at, std::string message) const;
  // Every "${" in `text` (the value at `at`) opens a well-formed ${name}.
  void check_variables(std::string_view text, const YAML::Node& at, std::string_view what) const;
  // A duration scalar ("250ms", "2s"); reports and returns nothing otherwise.
  std::optional<Milliseconds> duration(const YAML::Node& node, std::string_view what) const;
  // A fixture file named at `at`, relative to the scenario's folder, at most
  // kMaxFixtureFileBytes; reports and returns nothing when it cannot be read.
  std::optional<std::string> read_fixture_file(const std::string& written, const YAML::Node& at) const;
};

// A scenario id: [a-z0-9][a-z0-9._-]*, at most 128 characters.
bool is_valid_id(std::string_view id);

// "RFC <number>" or "RFC <number> §<section>": "RFC 9051 §6.3.2".
bool is_valid_citation(std::string_view text);

// "a, b, c"
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

// The closest of `candidates` to a misspelt `word` ("sned" -> "send"), or "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace conformance::scenario
