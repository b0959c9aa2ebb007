// The `faults:` list of a fake (docs/fakes/config.md): scripted misbehaviour
// at an exact point of the conversation, read into the FaultPlan the fakes
// apply (fakes/common/fault_plan.hpp).
//
//   faults:
//     - {command: MAIL, times: 1, reply: '451 4.3.0 try again\r\n'}
//     - {at: greeting, trickle: true, piece_interval: 5ms}
//     - {command: CAPA, no_last_line: true}
//
// Every mistake becomes a file:line:col diagnostic; all of them are reported.
#pragma once

#include "fakes/common/fault_plan.hpp"
#include "harness/scenario/source.hpp"

#include <yaml-cpp/yaml.h>

#include <string>

namespace conformance::fakes::config {

FaultPlan read_fault_plan(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics);

}  // namespace conformance::fakes::config
