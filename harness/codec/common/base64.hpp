// Base64 (RFC 4648 §4) as the mail protocols use it: strict for SASL
// exchanges (RFC 4954 §4, RFC 9051 §6.2.2, RFC 5034 §4), lenient for MIME
// bodies, where characters outside the alphabet are ignored (RFC 2045 §6.8).
#pragma once

#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"

namespace conformance::codec {

std::string base64_encode(std::string_view bytes);

// Padding is required and nothing but the 64 characters and '=' may appear.
// The error offset points at the first offending character.
Result<std::string> base64_decode(std::string_view text);

// Line breaks and any other characters outside the alphabet are skipped;
// missing final padding is tolerated. Never fails.
std::string base64_decode_mime(std::string_view text);

}  // namespace conformance::codec
