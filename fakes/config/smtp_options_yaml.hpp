// `fakes: {smtp: {options: ...}}`: the SMTP fake's own settings
// (fakes/smtp/smtp_fake.hpp, docs/fakes/smtp.md), each optional.
//
//   options: {hostname: mx.example.test, max_message_size: 1048576, auth_mechanisms: [PLAIN],
//             auth_requires_tls: true, accept_any_recipient: false, max_recipients: 100}
#pragma once

#include "fakes/smtp/smtp_fake.hpp"
#include "harness/scenario/source.hpp"

#include <yaml-cpp/yaml.h>

namespace conformance::fakes::config {

void read_smtp_options(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics,
                       smtp::SmtpFakeConfig& config);

}  // namespace conformance::fakes::config
