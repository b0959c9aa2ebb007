#include "harness/codec/imap/mutf7.hpp"

#include <cstdint>
#include <vector>

namespace conformance::codec::imap {
namespace {

constexpr std::string_view kModifiedBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

int modified_base64_value(char c) {
  const auto at = kModifiedBase64.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

bool is_direct(std::uint32_t c) { return c >= 0x20 && c <= 0x7E && c != '&'; }

void append_utf8(std::uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes one UTF-8 sequence at `at`; returns the code point and advances,
// or returns -1 on a malformed, overlong or surrogate sequence.
std::int64_t next_code_point(std::string_view s, std::size_t& at) {
  const auto lead = static_cast<unsigned char>(s[at]);
  int extra;
  std::uint32_t cp;
  if (lead < 0x80) {
    ++at;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    cp = lead & 0x07;
  } else {
    return -1;
  }
  if (s.size() - at <= static_cast<std::size_t>(extra)) return -1;
  for (int i = 1; i <= extra; ++i) {
    const auto c = static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
    if ((c & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (c & 0x3F);
  }
  static constexpr std::uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  at += static_cast<std::size_t>(extra) + 1;
  return cp;
}

void flush_utf16(const std::vector<std::uint16_t>& units, std::string& out) {
  out.push_back('&');
  std::uint32_t bits = 0;
  int nbits = 0;
  for (std::uint16_t unit : units) {
    bits = (bits << 16) | unit;
    nbits += 16;
    while (nbits >= 6) {
      nbits -= 6;
      out.push_back(kModifiedBase64[(bits >> nbits) & 0x3F]);
    }
  }
  if (nbits > 0) out.push_back(kModifiedBase64[(bits << (6 - nbits)) & 0x3F]);
  out.push_back('-');
}

}  // namespace

Result<std::string> encode_mutf7(std::string_view utf8) {
  std::string out;
  std::vector<std::uint16_t> pending;
  std::size_t at = 0;
  while (at < utf8.size()) {
    const std::size_t begin = at;
    const std::int64_t cp = next_code_point(utf8, at);
    if (cp < 0) return ParseError{begin, "UTF-8"};
    const auto c = static_cast<std::uint32_t>(cp);
    if (is_direct(c) || c == '&') {
      if (!pending.empty()) {
        flush_utf16(pending, out);
        pending.clear();
      }
      out += c == '&' ? std::string("&-") : std::string(1, static_cast<char>(c));
      continue;
    }
    if (c >= 0x10000) {
      const std::uint32_t v = c - 0x10000;
      pending.push_back(static_cast<std::uint16_t>(0xD800 | (v >> 10)));
      pending.push_back(static_cast<std::uint16_t>(0xDC00 | (v & 0x3FF)));
    } else {
      pending.push_back(static_cast<std::uint16_t>(c));
    }
  }
  if (!pending.empty()) flush_utf16(pending, out);
  return out;
}

Result<std::string> decode_mutf7(std::string_view mutf7) {
  std::string out;
  std::size_t at = 0;
  while (at < mutf7.size()) {
    const auto c = static_cast<unsigned char>(mutf7[at]);
    if (c < 0x20 || c > 0x7E) return ParseError{at, "printable US-ASCII"};
    if (c != '&') {
      out.push_back(static_cast<char>(c));
      ++at;
      continue;
    }
    const std::size_t shift = at++;
    if (at < mutf7.size() && mutf7[at] == '-') {
      out.push_back('&');
      ++at;
      continue;
    }
    std::uint32_t bits = 0;
    int nbits = 0;
    std::uint32_t high_surrogate = 0;
    std::size_t high_at = 0;
    bool any = false;
    for (;;) {
      if (at >= mutf7.size()) return ParseError{at, "'-' ending the modified base64 begun at " + std::to_string(shift)};
      if (mutf7[at] == '-') break;
      const int v = modified_base64_value(mutf7[at]);
      if (v < 0) return ParseError{at, "modified base64 character or '-'"};
      bits = (bits << 6) | static_cast<std::uint32_t>(v);
      nbits += 6;
      if (nbits >= 16) {
        nbits -= 16;
        const std::uint32_t unit = (bits >> nbits) & 0xFFFF;
        any = true;
        if (high_surrogate) {
          if (unit < 0xDC00 || unit > 0xDFFF) return ParseError{high_at, "low surrogate after high surrogate"};
          append_utf8(0x10000 + ((high_surrogate - 0xD800) << 10) + (unit - 0xDC00), out);
          high_surrogate = 0;
        } else if (unit >= 0xD800 && unit <= 0xDBFF) {
          high_surrogate = unit;
          high_at = at;
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
          return ParseError{at, "UTF-16 unit that is not a lone low surrogate"};
        } else if (is_direct(unit) || unit == '&') {
          return ParseError{at, "printable US-ASCII written as itself, not in base64"};
        } else {
          append_utf8(unit, out);
        }
      }
      ++at;
    }
    if (!any) return ParseError{shift, "'&-' or base64 for at least one character"};
    if (high_surrogate) return ParseError{high_at, "low surrogate after high surrogate"};
    if (nbits >= 6 || (bits & ((1u << nbits) - 1)) != 0) return ParseError{at, "zero padding bits in modified base64"};
    ++at;  // '-'
  }
  return out;
}

}  // namespace conformance::codec::imap
