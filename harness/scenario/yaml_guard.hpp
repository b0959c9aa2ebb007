// Parsing untrusted YAML without letting it hurt us. Scenario files come
// from anyone (and from the fuzzer), so before yaml-cpp builds a tree:
//  - the text is capped (kMaxScenarioFileBytes);
//  - its nesting is estimated from the text itself, because yaml-cpp's
//    parser recurses once or more per level and a deep enough document
//    exhausts the stack before it can throw;
//  - aliases are refused (a "billion laughs" document is small as text and
//    exponential once walked), found by a pass over yaml-cpp's events;
//  - a file holds exactly one document.
// After parsing, the tree's real depth is checked and duplicate keys (which
// yaml-cpp keeps silently, so the first one would win) are reported.
#pragma once

#include "harness/scenario/source.hpp"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

namespace conformance::scenario {

struct NestingEstimate {
  int depth = 0;   // never less than the depth yaml-cpp will recurse to, give or take a level
  int line = 0;    // 1-based, where that depth is first reached
  int column = 0;  // 1-based
};

// Block indentation, compact "- - x" entries and flow brackets, skipping
// comments, quoted scalars and block scalars. Errs on the deep side.
NestingEstimate estimate_nesting(std::string_view text);

// One YAML document, or nothing after appending diagnostics.
std::optional<YAML::Node> parse_yaml_document(std::string_view text, const std::string& file, Diagnostics& diagnostics);

}  // namespace conformance::scenario
