// `conformance run` with no --target: the built-in fakes, started for the
// protocols of the chosen scenarios, become the server under test. They are
// correct by default, so this is both a demonstration of the suite and the
// fakes' own conformance check.
#pragma once

#include "fakes/suite/fake_suite.hpp"
#include "harness/engine/target.hpp"

#include <memory>
#include <set>
#include <string>

namespace conformance::cli {

struct EmbeddedTarget {
  std::unique_ptr<fakes::FakeSuite> fakes;  // running until destroyed
  engine::Target target;
};

// Starts the fakes for `protocols` with a fresh store: users user1..user8
// with one random password (never printed), addresses at example.test.
Expected<EmbeddedTarget, std::string> start_embedded_target(const std::set<std::string>& protocols);

}  // namespace conformance::cli
