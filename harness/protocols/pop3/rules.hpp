// The POP3 part of the scenario loader: `expect:` compiler and state names
// (docs/protocols/pop3.md). No sockets: the loader and `conformance
// validate` use it without the transport.
#pragma once

#include "harness/scenario/protocol_rules.hpp"

namespace conformance::protocols::pop3 {

const scenario::ProtocolRules& pop3_rules();

}  // namespace conformance::protocols::pop3
