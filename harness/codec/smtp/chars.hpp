// Character classes of the SMTP grammar (RFC 5321 §4.1.2, §4.1.3, §4.2,
// RFC 5234 core rules) and the UTF-8 check that RFC 6531 §3.3 needs when
// SMTPUTF8 widens atext, qtextSMTP, sub-domain and esmtp-value.
#pragma once

#include <cstddef>
#include <string_view>

namespace conformance::codec::smtp {

constexpr bool is_alpha(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
constexpr bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool is_let_dig(unsigned char c) { return is_alpha(c) || is_digit(c); }
constexpr bool is_ldh(unsigned char c) { return is_let_dig(c) || c == '-'; }
constexpr bool is_upper_hex(unsigned char c) { return is_digit(c) || (c >= 'A' && c <= 'F'); }
constexpr bool is_hex(unsigned char c) { return is_upper_hex(c) || (c >= 'a' && c <= 'f'); }

// RFC 5322 §3.2.3 atext, which RFC 5321 §4.1.2 uses for Atom.
constexpr bool is_atext(unsigned char c) {
  if (is_let_dig(c)) return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-':
    case '/': case '=': case '?': case '^': case '_': case '`': case '{': case '|': case '}': case '~':
      return true;
    default:
      return false;
  }
}

// qtextSMTP = %d32-33 / %d35-91 / %d93-126 (RFC 5321 §4.1.2)
constexpr bool is_qtext_smtp(unsigned char c) { return c >= 32 && c <= 126 && c != '"' && c != '\\'; }

// esmtp-value = 1*(%d33-60 / %d62-126): any CHAR but "=", SP and controls.
constexpr bool is_esmtp_value_char(unsigned char c) { return c >= 33 && c <= 126 && c != '='; }

// ehlo-param = 1*(%d33-126) (RFC 5321 §4.1.1.1)
constexpr bool is_graphic(unsigned char c) { return c >= 33 && c <= 126; }

// RFC 3461 §4 xchar: "!" through "~" except "+" and "=".
constexpr bool is_xchar(unsigned char c) { return c >= 33 && c <= 126 && c != '+' && c != '='; }

constexpr char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
constexpr char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// ABNF quoted strings are case-insensitive (RFC 5234 §2.3), and so are SMTP
// verbs, EHLO keywords and parameter keywords (RFC 5321 §2.4).
constexpr bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

constexpr bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

// Length of the well-formed UTF-8 sequence (RFC 3629 §4) that starts at
// text[at] with a non-ASCII octet, or 0 when it is not one: overlong forms,
// surrogates, code points past U+10FFFF and truncated sequences are all 0.
constexpr std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // range of the second octet
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;  // nothing past U+10FFFF
  } else {
    return 0;
  }
  if (text.size() - at < length) return 0;
  if (byte(at + 1) < low || byte(at + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i)
    if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) return 0;
  return length;
}

}  // namespace conformance::codec::smtp
