// Conversion of text in a declared charset to UTF-8, for the three charsets
// this codec knows without an iconv dependency: US-ASCII, UTF-8 and
// ISO-8859-1 (the charsets of RFC 2046 §4.1.2 and RFC 6532). Anything else
// is passed through as raw bytes and flagged, so callers can tell.
#pragma once

#include <string>
#include <string_view>

namespace conformance::codec::mime {

enum class Charset { us_ascii, utf_8, iso_8859_1, unsupported };

// Case-insensitive, with the common aliases ("ascii", "utf8", "latin1", ...).
Charset identify_charset(std::string_view name);

struct ConvertedText {
  std::string text;        // UTF-8 when converted, else the input bytes unchanged
  bool converted = false;  // false: unsupported charset, or bytes invalid in it
};

ConvertedText to_utf8(std::string_view bytes, Charset charset);
ConvertedText to_utf8(std::string_view bytes, std::string_view charset_name);

}  // namespace conformance::codec::mime
