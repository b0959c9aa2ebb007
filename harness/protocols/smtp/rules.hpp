// The SMTP plug-in's part the scenario loader needs, without sockets: the
// `expect:` compiler and the state names (docs/protocols/smtp.md).
#pragma once

#include "harness/scenario/protocol_rules.hpp"

namespace conformance::protocols::smtp {

const scenario::ProtocolRules& smtp_rules();

}  // namespace conformance::protocols::smtp
