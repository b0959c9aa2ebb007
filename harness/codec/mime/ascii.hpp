// Small byte-level helpers shared by the MIME codec: case-insensitive
// comparison (field names, media types and parameter names are all
// case-insensitive, RFC 5322 §1.2.2 and RFC 2045 §5.1) and white space
// trimming. Internal to the codec, but header-only so tests may use them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace conformance::codec::mime {

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
inline char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

inline std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

inline std::string to_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_upper(c);
  return out;
}

// WSP of RFC 5234: space and horizontal tab.
inline bool is_wsp(char c) { return c == ' ' || c == '\t'; }

// Space, tab, CR and LF: what folding leaves around a field value.
inline bool is_folding_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

inline std::string_view trim_folding_space(std::string_view text) {
  while (!text.empty() && is_folding_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_folding_space(text.back())) text.remove_suffix(1);
  return text;
}

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

inline int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

inline char hex_digit_upper(unsigned value) { return "0123456789ABCDEF"[value & 0xF]; }

}  // namespace conformance::codec::mime
