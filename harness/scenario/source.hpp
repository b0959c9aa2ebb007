// Where something is in a scenario or target file, and an error about it.
// Every complaint about user-written YAML carries one, printed as
// `file:line:col: message` (1-based, like compilers do, so editors jump there).
#pragma once

#include <string>
#include <vector>

namespace conformance::scenario {

struct SourceLocation {
  std::string file;
  int line = 0;    // 1-based; 0: unknown
  int column = 0;  // 1-based; 0: unknown

  std::string to_string() const;  // "file:line:col", "file" when unknown
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

struct Diagnostic {
  SourceLocation where;
  std::string message;

  std::string to_string() const { return where.to_string() + ": " + message; }
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace conformance::scenario
