#include "harness/codec/smtp/xtext.hpp"

#include "harness/codec/smtp/chars.hpp"

namespace conformance::codec::smtp {
namespace {

int upper_hex_value(char c) { return is_digit(static_cast<unsigned char>(c)) ? c - '0' : c - 'A' + 10; }

}  // namespace

std::string xtext_encode(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size());
  for (char c : bytes) {
    const auto octet = static_cast<unsigned char>(c);
    if (is_xchar(octet)) {
      out.push_back(c);
    } else {
      out.push_back('+');
      out.push_back(kHex[octet >> 4]);
      out.push_back(kHex[octet & 0x0F]);
    }
  }
  return out;
}

Result<std::string> xtext_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_xchar(c)) {
      out.push_back(text[i]);
      continue;
    }
    if (c != '+') return ParseError{i, "xchar or \"+\" hexchar (RFC 3461 §4)"};
    for (std::size_t k = 1; k <= 2; ++k)
      if (i + k >= text.size() || !is_upper_hex(static_cast<unsigned char>(text[i + k])))
        return ParseError{i + k, "upper-case hex digit after '+' (RFC 3461 §4 hexchar)"};
    out.push_back(static_cast<char>(upper_hex_value(text[i + 1]) * 16 + upper_hex_value(text[i + 2])));
    i += 2;
  }
  return out;
}

}  // namespace conformance::codec::smtp
