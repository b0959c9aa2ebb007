// What the transcript may keep of bytes the client sends: PASS arguments,
// APOP digests, AUTH initial responses and every SASL response line become
// "<redacted>" (RFC 1939 §7, RFC 5034 §4), whatever the scenario wrote, so a
// password typed into a `send:` step never reaches a report.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace conformance::protocols::pop3 {

// `sasl_in_progress`: an AUTH exchange is open, so lines are SASL responses.
// `unterminated`: client bytes already sent after the last line end; the
// first line of `bytes` continues them. nullopt when nothing is secret.
std::optional<std::string> redact_client_bytes(std::string_view bytes, bool sasl_in_progress,
                                               std::string_view unterminated = {});

}  // namespace conformance::protocols::pop3
