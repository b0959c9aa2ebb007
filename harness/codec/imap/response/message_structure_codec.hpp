// ENVELOPE and BODY/BODYSTRUCTURE on the wire (RFC 9051 §7.5.2 and §9,
// RFC 3501 §7.4.2), read into and written from the shared types of
// harness/codec/imap/message_structure.hpp. The fake server writes what the
// MIME codec computed; the client side reads what a server sent.
#pragma once

#include "harness/codec/imap/message_structure.hpp"
#include "harness/codec/imap/response/parse_context.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap {

Envelope read_envelope(ParseContext& ctx);
void write_envelope(Writer& writer, const Envelope& envelope);

// body = "(" (body-type-1part / body-type-mpart) ")". Nesting (multipart
// parts, message/rfc822 bodies) is capped by ResponseLimits::max_body_depth.
BodyStructure read_body_structure(ParseContext& ctx);
// Writes what the structure holds: the type-specific fields that are set
// (lines, an encapsulated message) and the extension data, if any. A
// structure meant for a non-extensible BODY item should have no extension.
void write_body_structure(Writer& writer, const BodyStructure& body);

}  // namespace conformance::codec::imap
