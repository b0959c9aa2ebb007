// What the scenario loader needs to know of IMAP: the expect compiler
// (expect_compiler.hpp), the state names (conversation.hpp) and that
// `send` may carry literals. No sockets.
#pragma once

#include "harness/scenario/protocol_rules.hpp"

namespace conformance::protocols::imap {

const scenario::ProtocolRules& imap_rules();

}  // namespace conformance::protocols::imap
