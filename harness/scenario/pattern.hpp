// A user-written regular expression, compiled once at load time with RE2:
// linear-time matching whatever the server sends, no stack blow-up, and a
// compile error we can point at (std::regex has neither property).
//
// Matching is a search (unanchored) unless the pattern anchors itself.
// Named groups `(?P<name>...)` capture into scenario variables.
#pragma once

#include "harness/common/expected.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace conformance::scenario {

class Pattern {
 public:
  // The error is RE2's message ("missing ): (abc").
  static Expected<Pattern, std::string> compile(std::string_view source, bool case_insensitive = false);

  const std::string& source() const { return source_; }
  bool case_insensitive() const { return case_insensitive_; }

  bool matches(std::string_view text) const;
  // On a match: the named groups' values (an unmatched group gives ""), and
  // the whole match under "0".
  std::optional<std::map<std::string, std::string>> search(std::string_view text) const;
  std::vector<std::string> group_names() const;

 private:
  Pattern() = default;  // only compile() makes one, so every Pattern holds a compiled regex

  std::string source_;
  bool case_insensitive_ = false;
  std::shared_ptr<const re2::RE2> re_;  // immutable and thread-safe; shared by copies
};

}  // namespace conformance::scenario
