// The `tls:` section of a fake (docs/fakes/config.md): which certificate the
// run's throwaway CA issues it (valid, or with a fault a client should
// refuse), whether STARTTLS is offered, the names on the leaf, the lowest
// TLS version, or a certificate of the user's own.
//
//   tls: {certificate: wrong_host, starttls: offered, min_version: TLSv1.2}
#pragma once

#include "fakes/common/fake_tls.hpp"
#include "harness/scenario/source.hpp"

#include <yaml-cpp/yaml.h>

#include <string>

namespace conformance::fakes::config {

// Starts from `base` (the defaults, or a section's parent) and applies what
// the node says.
FakeTlsSettings read_tls_settings(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics,
                                  FakeTlsSettings base = {});

}  // namespace conformance::fakes::config
