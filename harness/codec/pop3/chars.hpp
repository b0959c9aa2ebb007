// Character classes and small scanning helpers shared by the POP3 parsers.
// Internal to the codec (namespace detail); the grammar they encode is
// RFC 2449 §3 and RFC 1939 §3.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace conformance::codec::pop3::detail {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// VCHAR (RFC 5234): printable ASCII without SP.
inline bool is_vchar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x21 && u <= 0x7E;
}

// Bytes a command argument may hold: VCHAR, and 8-bit bytes because RFC 6856
// §2.2 lets USER/PASS/APOP carry UTF-8 once the server announces "UTF8 USER".
inline bool is_argument_char(char c) { return is_vchar(c) || static_cast<unsigned char>(c) >= 0x80; }

inline char to_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_upper(a[i]) != to_upper(b[i])) return false;
  return true;
}

inline bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

// A run of decimal digits as an unsigned 64-bit value; nullopt when empty,
// when a non-digit appears, or on overflow.
inline std::optional<std::uint64_t> parse_decimal(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : digits) {
    if (!is_digit(c)) return std::nullopt;
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

// Index of the first byte of `text` that is not a decimal digit (text.size() if none).
inline std::size_t digits_end(std::string_view text, std::size_t from = 0) {
  while (from < text.size() && is_digit(text[from])) ++from;
  return from;
}

}  // namespace conformance::codec::pop3::detail
