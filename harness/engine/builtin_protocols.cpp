// The engine's three built-in plug-ins.
#include "harness/engine/protocol.hpp"
#include "harness/protocols/imap/session.hpp"
#include "harness/protocols/pop3/session.hpp"
#include "harness/protocols/smtp/session.hpp"

namespace conformance::engine {

const Protocol& smtp_protocol() { return protocols::smtp::smtp_protocol(); }
const Protocol& pop3_protocol() { return protocols::pop3::pop3_protocol(); }
const Protocol& imap_protocol() { return protocols::imap::imap_protocol(); }

const Protocol& protocol_for(scenario::Protocol id) {
  switch (id) {
    case scenario::Protocol::smtp:
      return smtp_protocol();
    case scenario::Protocol::pop3:
      return pop3_protocol();
    case scenario::Protocol::imap:
      return imap_protocol();
  }
  return imap_protocol();
}

const scenario::ProtocolRules* rules_for(scenario::Protocol id) { return &protocol_for(id).rules(); }

}  // namespace conformance::engine
