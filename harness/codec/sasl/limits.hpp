// Caps on what the SASL parsers accept and allocate, shared by every
// mechanism so a harness configures them in one place.
#pragma once

#include <cstddef>
#include <cstdint>

namespace conformance::codec::sasl {

struct Limits {
  // RFC 4616 §2: authzid, authcid and passwd "MUST accept up to 255 octets".
  // Applied to every user name, authorization identity and password.
  std::size_t max_identity_length = 255;
  std::size_t max_password_length = 255;
  // Any one decoded message, challenge or response; bearer tokens (RFC 7628)
  // and SCRAM messages are bounded by it.
  std::size_t max_message_length = 16384;
  // SCRAM iteration counts a client accepts from a server: RFC 7677 §4 and
  // RFC 5802 §5.1 want at least 4096; the ceiling stops a hostile server
  // from making the client spin in PBKDF2.
  std::uint32_t min_iterations = 4096;
  std::uint32_t max_iterations = 1'000'000;
};

}  // namespace conformance::codec::sasl
