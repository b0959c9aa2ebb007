// What the scenario loader needs to know of a protocol: how to compile an
// `expect:` step, which states exist (for `state:` assertions) and which
// send forms make sense. Each protocol provides one (harness/protocols/<p>/
// rules.hpp) without any networking, so the loader, `conformance validate`
// and the loader's fuzz target need no sockets.
#pragma once

#include "harness/scenario/scenario.hpp"
#include "harness/scenario/source.hpp"

#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>
#include <vector>

namespace conformance::scenario {

class ProtocolRules {
 public:
  virtual ~ProtocolRules() = default;

  virtual Protocol id() const = 0;
  virtual std::vector<std::string> state_names() const = 0;
  virtual bool supports_literals() const { return false; }  // send: {literal: ...}
  virtual bool supports_message() const { return false; }   // send: {message: ...}
  virtual bool supports_submission() const { return false; }  // connect: {service: submission}

  // Compiles the value of an `expect:` step. Errors go to `diagnostics` as
  // file:line:col (read keys with scenario::Fields); regexes are compiled
  // here, so a bad one is a load error. Returns null when it reported errors.
  virtual std::shared_ptr<const ExpectSpec> compile_expect(const YAML::Node& node, const std::string& file,
                                                           Diagnostics& diagnostics) const = 0;
};

}  // namespace conformance::scenario
