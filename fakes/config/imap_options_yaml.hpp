// `fakes: {imap: {options: ...}}`: the IMAP fake's own settings
// (fakes/imap/imap_fake.hpp), each optional.
//
//   options: {hostname: imap.example.test, max_literal: 1048576, sasl_mechanisms: [PLAIN], idle_poll: 50ms}
#pragma once

#include "fakes/imap/imap_fake.hpp"
#include "harness/scenario/source.hpp"

#include <yaml-cpp/yaml.h>

namespace conformance::fakes::config {

void read_imap_options(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics,
                       imap::ImapFakeConfig& config);

}  // namespace conformance::fakes::config
