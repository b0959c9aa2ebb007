// Which client bytes carry a credential, and how to show them instead:
// LOGIN's password, AUTHENTICATE's initial response, and every line sent
// inside an AUTHENTICATE exchange. Sans-I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace conformance::protocols::imap {

// The rendering for a transcript, or nullopt when `bytes` carry nothing
// secret. `authenticating`: the server has asked for an AUTHENTICATE
// response, so these bytes are one.
std::optional<std::string> redact_client_bytes(std::string_view bytes, bool authenticating);

}  // namespace conformance::protocols::imap
