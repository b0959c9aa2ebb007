// Keeping secrets out of transcripts. For each mechanism and exchange step
// this says whether the message carries a secret (a password, a bearer
// token, or a value an eavesdropper could attack offline: CRAM-MD5's digest
// and SCRAM's ClientProof) and renders it with the secret replaced, e.g.
// PLAIN "\0alice\0<redacted>". Server messages never carry one.
// A message that does not have its mechanism's shape is redacted whole.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "harness/codec/sasl/mechanism.hpp"

namespace conformance::codec::sasl {

inline constexpr std::string_view kRedactedMarker = "<redacted>";

enum class Direction { client_to_server, server_to_client };

struct Redacted {
  bool carries_secret = false;
  std::string rendering;  // decoded bytes, secrets replaced by kRedactedMarker
  friend bool operator==(const Redacted&, const Redacted&) = default;
};

// `step` counts the messages sent in `direction` from 0; the client's
// initial response, when there is one, is its message 0.
Redacted redact(Mechanism mechanism, Direction direction, std::size_t step, std::string_view message);
// By advertised name: an unknown mechanism's client messages are redacted whole.
Redacted redact(std::string_view mechanism_name, Direction direction, std::size_t step, std::string_view message);

// The same for a base64 line as sent on the wire (wire.hpp): "*" and "="
// are rendered as themselves; a line that does not decode is redacted
// whole when it comes from the client.
Redacted redact_wire_line(std::string_view mechanism_name, Direction direction, std::size_t step,
                          std::string_view line);

// Bytes as printable ASCII for a transcript: "\0", "\x01", "\\", "\xC3"...
std::string escape_for_transcript(std::string_view bytes);

}  // namespace conformance::codec::sasl
