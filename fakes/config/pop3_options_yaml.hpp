// `fakes: {pop3: {options: ...}}`: the POP3 fake's own settings
// (fakes/pop3/pop3_fake.hpp), each optional.
//
//   options: {hostname: pop.example.test, sasl_mechanisms: [PLAIN], login_requires_tls: true}
#pragma once

#include "fakes/pop3/pop3_fake.hpp"
#include "harness/scenario/source.hpp"

#include <yaml-cpp/yaml.h>

namespace conformance::fakes::config {

void read_pop3_options(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics,
                       pop3::Pop3FakeConfig& config);

}  // namespace conformance::fakes::config
