#include "harness/codec/common/base64.hpp"

#include <array>
#include <cstdint>

namespace conformance::codec {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::int8_t kInvalid = -1;

constexpr std::array<std::int8_t, 256> make_decode_table() {
  std::array<std::int8_t, 256> table{};
  for (auto& entry : table) entry = kInvalid;
  for (std::size_t i = 0; i < kAlphabet.size(); ++i)
    table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<std::int8_t>(i);
  return table;
}
constexpr auto kDecode = make_decode_table();

std::int8_t sextet(char c) { return kDecode[static_cast<unsigned char>(c)]; }

// Appends the bytes of `count` sextets (2..4) packed in `bits`.
void flush_quantum(std::uint32_t bits, int count, std::string& out) {
  bits <<= 6 * (4 - count);
  out.push_back(static_cast<char>((bits >> 16) & 0xFF));
  if (count > 2) out.push_back(static_cast<char>((bits >> 8) & 0xFF));
  if (count > 3) out.push_back(static_cast<char>(bits & 0xFF));
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = (static_cast<unsigned char>(bytes[i]) << 16) |
                            (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                            static_cast<unsigned char>(bytes[i + 2]);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
    out.push_back(kAlphabet[v & 63]);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(rest == 2 ? kAlphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

Result<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0)
    return ParseError{text.size(), "base64 text whose length is a multiple of 4"};
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t q = 0; q < text.size(); q += 4) {
    const bool last = q + 4 == text.size();
    std::uint32_t bits = 0;
    int count = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = text[q + k];
      if (c == '=') {
        // Padding only in the last quantum, only in its last two places, and
        // nothing but padding after it.
        if (!last || k < 2) return ParseError{q + k, "base64 character"};
        for (std::size_t r = k; r < 4; ++r)
          if (text[q + r] != '=') return ParseError{q + r, "'=' padding"};
        break;
      }
      const std::int8_t s = sextet(c);
      if (s == kInvalid) return ParseError{q + k, "base64 character"};
      bits = (bits << 6) | static_cast<std::uint32_t>(s);
      ++count;
    }
    flush_quantum(bits, count, out);
  }
  return out;
}

std::string base64_decode_mime(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    if (c == '=') break;  // padding ends the data (RFC 2045 §6.8)
    const std::int8_t s = sextet(c);
    if (s == kInvalid) continue;
    bits = (bits << 6) | static_cast<std::uint32_t>(s);
    if (++count == 4) {
      flush_quantum(bits, 4, out);
      bits = 0;
      count = 0;
    }
  }
  if (count >= 2) flush_quantum(bits, count, out);
  return out;
}

}  // namespace conformance::codec
