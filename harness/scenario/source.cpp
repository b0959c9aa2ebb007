#include "harness/scenario/source.hpp"

namespace conformance::scenario {

std::string SourceLocation::to_string() const {
  if (line <= 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column > 0 ? column : 1);
}

}  // namespace conformance::scenario
