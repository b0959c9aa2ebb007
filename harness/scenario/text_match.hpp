// One condition on a piece of text in an expectation (reply text, a header
// value, a mailbox name). Every protocol's expect compiler reads text
// conditions through this, so they are written the same way everywhere:
//
//   text: "^OK"                          a regex search (RE2)
//   text: {regex: "ok", ignore_case: true}
//   text: {equals: "${mailbox}"}        exact; also contains:, starts_with:
//
// Any form may use ${variables}. A regex without variables is compiled at
// load time (a bad one is a load error with its location); one with
// variables is checked at load time with placeholders and compiled at match
// time with the values quoted, so a captured "1.2" matches only "1.2".
// Named groups `(?P<name>...)` capture into variables.
#pragma once

#include "harness/scenario/pattern.hpp"
#include "harness/scenario/source.hpp"
#include "harness/scenario/variables.hpp"

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace conformance::scenario {

class TextMatch {
 public:
  enum class Kind { regex, equals, contains, starts_with };

  // `what` names the field in messages ("'text'").
  static std::optional<TextMatch> compile(const YAML::Node& node, const std::string& file, Diagnostics& diagnostics,
                                          std::string_view what);
  // For code: a literal regex / exact string, no variables.
  static TextMatch regex(Pattern pattern);
  static TextMatch equals(std::string text, bool ignore_case = false);

  struct Outcome {
    bool matched = false;
    std::map<std::string, std::string> captures;  // named regex groups
    std::string error;  // a variable that is not set, or a regex that broke after expansion
  };
  Outcome match(std::string_view text, const Variables& variables) const;

  Kind kind() const { return kind_; }
  const std::string& source() const { return source_; }
  bool ignore_case() const { return ignore_case_; }
  std::string describe() const;  // "~ /^OK/i", "= \"INBOX\"", "contains \"x\""

 private:
  Kind kind_ = Kind::regex;
  std::string source_;
  bool ignore_case_ = false;
  bool has_variables_ = false;
  std::optional<Pattern> compiled_;  // regex without variables
};

}  // namespace conformance::scenario
