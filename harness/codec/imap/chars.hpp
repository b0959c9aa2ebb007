// IMAP character classes (RFC 9051 §9, the same in RFC 3501 §9).
#pragma once

#include <string_view>

namespace conformance::codec::imap {

constexpr bool is_ctl(unsigned char c) { return c < 0x20 || c == 0x7F; }

// atom-specials: "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials / resp-specials
constexpr bool is_atom_char(unsigned char c) {
  if (c >= 0x80 || is_ctl(c)) return false;
  switch (c) {
    case '(': case ')': case '{': case ' ': case '%': case '*': case '"': case '\\': case ']':
      return false;
    default:
      return true;
  }
}

// ASTRING-CHAR = ATOM-CHAR / resp-specials
constexpr bool is_astring_char(unsigned char c) { return is_atom_char(c) || c == ']'; }

// tag = 1*<any ASTRING-CHAR except "+">
constexpr bool is_tag_char(unsigned char c) { return is_astring_char(c) && c != '+'; }

// list-char = ATOM-CHAR / list-wildcards / resp-specials
constexpr bool is_list_char(unsigned char c) { return is_astring_char(c) || c == '%' || c == '*'; }

// TEXT-CHAR plus the 8-bit octets of UTF-8 (RFC 9051 text); CR and LF end text.
constexpr bool is_text_char(unsigned char c) { return c != '\r' && c != '\n' && c != 0; }

constexpr bool is_quoted_special(unsigned char c) { return c == '"' || c == '\\'; }

constexpr bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

inline bool all_of(std::string_view s, bool (*pred)(unsigned char)) {
  for (char c : s)
    if (!pred(static_cast<unsigned char>(c))) return false;
  return true;
}

inline bool is_atom(std::string_view s) { return !s.empty() && all_of(s, [](unsigned char c) { return is_atom_char(c); }); }
inline bool is_astring_atom(std::string_view s) {
  return !s.empty() && all_of(s, [](unsigned char c) { return is_astring_char(c); });
}
inline bool is_tag(std::string_view s) { return !s.empty() && all_of(s, [](unsigned char c) { return is_tag_char(c); }); }

// Can `s` be sent as a quoted string? NUL, CR and LF never can; 8-bit
// octets only where UTF-8 is allowed (IMAP4rev2, or UTF8=ACCEPT enabled).
inline bool can_quote(std::string_view s, bool allow_8bit) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0 || c == '\r' || c == '\n') return false;
    if (c >= 0x80 && !allow_8bit) return false;
  }
  return true;
}

// Case-insensitive ASCII comparison, as IMAP keywords are compared.
inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (x >= 'a' && x <= 'z') x = static_cast<unsigned char>(x - 32);
    if (y >= 'a' && y <= 'z') y = static_cast<unsigned char>(y - 32);
    if (x != y) return false;
  }
  return true;
}

// "INBOX" is case-insensitive (RFC 9051 §5.1); every other name is not.
inline bool is_inbox(std::string_view mailbox) { return iequals(mailbox, "INBOX"); }

}  // namespace conformance::codec::imap
