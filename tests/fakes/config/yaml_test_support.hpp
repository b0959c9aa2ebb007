// Reading one section of YAML text the way a config file is read, for tests.
#pragma once

#include "harness/scenario/source.hpp"

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace conformance::fakes::config {

inline std::vector<std::string> messages_of(const scenario::Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& diagnostic : diagnostics) out.push_back(diagnostic.to_string());
  return out;
}

template <class Reader>
auto read_yaml(const std::string& text, scenario::Diagnostics& diagnostics, Reader reader) {
  return reader(YAML::Load(text), std::string("t.yaml"), diagnostics);
}

}  // namespace conformance::fakes::config
