#include "reports/text_escape.hpp"

#include <fmt/format.h>

#include <optional>

namespace conformance::reports {
namespace {

// Decodes the code point at `pos` and advances past it, or returns nullopt and
// advances by one byte when the bytes there are not valid UTF-8 (overlong
// forms, surrogates and values past U+10FFFF included).
std::optional<char32_t> decode_next(std::string_view text, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  std::size_t length = 0;
  char32_t code = 0;
  char32_t minimum = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, code = lead & 0x1F, minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, code = lead & 0x0F, minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, code = lead & 0x07, minimum = 0x10000;
  } else {
    ++pos;
    return std::nullopt;
  }
  if (pos + length > text.size()) {
    ++pos;
    return std::nullopt;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const auto continuation = static_cast<unsigned char>(text[pos + i]);
    if ((continuation & 0xC0) != 0x80) {
      ++pos;
      return std::nullopt;
    }
    code = (code << 6) | (continuation & 0x3F);
  }
  if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    ++pos;
    return std::nullopt;
  }
  pos += length;
  return code;
}

std::string hex_byte(unsigned char byte) { return fmt::format("\\x{:02X}", byte); }

bool is_control(char32_t code) { return code < 0x20 || code == 0x7F || (code >= 0x80 && code <= 0x9F); }

std::string visible_control(char32_t code) {
  return code < 0x80 ? hex_byte(static_cast<unsigned char>(code))
                     : fmt::format("\\u{:04X}", static_cast<unsigned>(code));
}

// Calls `on_code(code, bytes)` for each valid code point and appends \xHH for
// each invalid byte.
template <class OnCode>
std::string transform(std::string_view text, OnCode on_code) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const auto code = decode_next(text, pos);
    if (!code) {
      out += hex_byte(static_cast<unsigned char>(text[start]));
      continue;
    }
    on_code(out, *code, text.substr(start, pos - start));
  }
  return out;
}

}  // namespace

std::string valid_utf8(std::string_view text) {
  return transform(text, [](std::string& out, char32_t, std::string_view bytes) { out += bytes; });
}

std::string visible_text(std::string_view text, bool keep_newlines) {
  return transform(text, [keep_newlines](std::string& out, char32_t code, std::string_view bytes) {
    if (code == '\t' || (code == '\n' && keep_newlines)) {
      out += bytes;
    } else if (is_control(code)) {
      out += visible_control(code);
    } else {
      out += bytes;
    }
  });
}

std::string escape_markup(std::string_view text, MarkupContext context) {
  const bool attribute = context == MarkupContext::attribute;
  return transform(text, [attribute](std::string& out, char32_t code, std::string_view bytes) {
    switch (code) {
      case '&': out += "&amp;"; return;
      case '<': out += "&lt;"; return;
      case '>': out += "&gt;"; return;
      case '"': out += "&quot;"; return;
      case '\'': out += "&#39;"; return;
      case '\t': out += attribute ? "&#9;" : "\t"; return;
      case '\n': out += attribute ? "&#10;" : "\n"; return;
      case '\r': out += "&#13;"; return;
      default: break;
    }
    if (is_control(code) || code == 0xFFFE || code == 0xFFFF) {
      out += visible_control(code);
    } else {
      out += bytes;
    }
  });
}

}  // namespace conformance::reports
