#include "harness/codec/mime/charset.hpp"

#include <array>

#include "harness/codec/mime/ascii.hpp"
#include "harness/codec/mime/header.hpp"

namespace conformance::codec::mime {

Charset identify_charset(std::string_view name) {
  // Names and aliases from the IANA charset registry.
  static constexpr std::array<std::string_view, 6> kAscii = {"us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us",
                                                             "us", "csascii"};
  static constexpr std::array<std::string_view, 2> kUtf8 = {"utf-8", "utf8"};
  static constexpr std::array<std::string_view, 7> kLatin1 = {"iso-8859-1", "iso_8859-1", "iso8859-1", "latin1",
                                                              "l1", "iso_8859-1:1987", "cp819"};
  for (auto alias : kAscii)
    if (iequals(alias, name)) return Charset::us_ascii;
  for (auto alias : kUtf8)
    if (iequals(alias, name)) return Charset::utf_8;
  for (auto alias : kLatin1)
    if (iequals(alias, name)) return Charset::iso_8859_1;
  return Charset::unsupported;
}

ConvertedText to_utf8(std::string_view bytes, Charset charset) {
  ConvertedText out;
  switch (charset) {
    case Charset::us_ascii: {
      bool ascii = true;
      for (char c : bytes) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
      out.text = std::string(bytes);
      out.converted = ascii;
      return out;
    }
    case Charset::utf_8:
      out.text = std::string(bytes);
      out.converted = is_valid_utf8(bytes);
      return out;
    case Charset::iso_8859_1:
      // Every octet is the code point of the same value (U+0000-U+00FF).
      out.text.reserve(bytes.size() * 2);
      for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80) {
          out.text += c;
        } else {
          out.text += static_cast<char>(0xC0 | (u >> 6));
          out.text += static_cast<char>(0x80 | (u & 0x3F));
        }
      }
      out.converted = true;
      return out;
    case Charset::unsupported: break;
  }
  out.text = std::string(bytes);
  out.converted = false;
  return out;
}

ConvertedText to_utf8(std::string_view bytes, std::string_view charset_name) {
  return to_utf8(bytes, identify_charset(charset_name));
}

}  // namespace conformance::codec::mime
