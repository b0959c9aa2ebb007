// Character-level helpers shared by the SASL message parsers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace conformance::codec::sasl {

// Offset of the first byte that does not start a well-formed UTF-8 sequence
// (RFC 3629 §4: no overlongs, no surrogates, nothing past U+10FFFF), or npos.
std::size_t find_invalid_utf8(std::string_view text);

bool ascii_iequal(std::string_view a, std::string_view b);
std::string ascii_upper(std::string_view text);

inline bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
// RFC 5234 VCHAR: visible US-ASCII.
inline bool is_vchar(char c) { return c >= 0x21 && c <= 0x7E; }

}  // namespace conformance::codec::sasl
