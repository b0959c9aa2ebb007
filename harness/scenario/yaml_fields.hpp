// Reading a YAML mapping field by field with precise complaints. Every
// scenario part (steps, expectations of each protocol, fixtures, target
// files) reads its keys through this, so the messages and the checks for
// unknown keys are the same everywhere:
//
//   Fields f(node, file, diagnostics, "expect");
//   auto code = f.integer("code", 200, 599);
//   auto text = f.string("text");
//   f.finish();   // "file:12:5: unknown key 'cdoe' in expect (known: code, text)"
//
// Errors are appended to the Diagnostics; getters then return nullopt, so a
// caller can keep going and report every mistake of a file in one run.
#pragma once

#include "harness/scenario/source.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::scenario {

SourceLocation location_of(const YAML::Node& node, const std::string& file);

// What the node is, for messages: "a mapping", "a list", "a string", "null".
std::string describe_kind(const YAML::Node& node);

class Fields {
 public:
  // `what` names the mapping in messages ("step", "expect", "fixtures").
  // A node that is not a mapping is reported once; every getter then
  // returns nothing.
  Fields(const YAML::Node& node, std::string file, Diagnostics& diagnostics, std::string what);

  bool ok() const { return is_map_; }
  bool has(std::string_view key) const;
  const YAML::Node& node() const { return node_; }
  const std::string& file() const { return file_; }
  Diagnostics& diagnostics() { return diagnostics_; }

  // The value under `key` (an undefined node when absent); marks it known.
  YAML::Node get(std::string_view key);
  // The value, and a complaint when absent.
  YAML::Node required(std::string_view key);

  std::optional<std::string> string(std::string_view key);
  std::optional<std::string> required_string(std::string_view key);
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max);
  std::optional<bool> boolean(std::string_view key);
  // A string or a list of strings; empty when absent.
  std::vector<std::string> strings(std::string_view key);
  // One of `choices` (compared as written).
  std::optional<std::string> choice(std::string_view key, const std::vector<std::string>& choices);

  // Reports every key no getter asked for, with the list of known keys.
  void finish();

  void error(const YAML::Node& at, std::string message);
  SourceLocation location(const YAML::Node& at) const { return location_of(at, file_); }

 private:
  YAML::Node node_;
  std::string file_;
  Diagnostics& diagnostics_;
  std::string what_;
  bool is_map_ = false;
  std::vector<std::string> known_;
};

// Free-standing checks for values that are not looked up by key.
std::optional<std::string> scalar_string(const YAML::Node& node, const std::string& file, Diagnostics& diagnostics,
                                         std::string_view what);
std::vector<std::string> string_list(const YAML::Node& node, const std::string& file, Diagnostics& diagnostics,
                                     std::string_view what);

}  // namespace conformance::scenario
