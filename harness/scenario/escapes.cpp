#include "harness/scenario/loader.hpp"

namespace conformance::scenario {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string hex_byte(unsigned char byte) {
  constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string("0x") + kDigits[byte >> 4] + kDigits[byte & 0xf];
}

}  // namespace

std::string EscapeError::describe() const { return "offset " + std::to_string(offset) + ": " + message; }

Expected<std::string, EscapeError> decode_escapes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    const std::size_t start = i;
    if (i + 1 == text.size()) return EscapeError{start, "a backslash ends the text; write \\\\ for a backslash"};
    const char code = text[++i];
    switch (code) {
      case 'r':
        out += '\r';
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case '0':
        out += '\0';
        break;
      case '\\':
        out += '\\';
        break;
      case '"':
        out += '"';
        break;
      case 'x': {
        const int high = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
        const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
        if (high < 0 || low < 0) return EscapeError{start, "\\x needs two hex digits"};
        out += static_cast<char>(high * 16 + low);
        i += 2;
        break;
      }
      default: {
        const auto byte = static_cast<unsigned char>(code);
        const std::string shown = byte > 0x20 && byte < 0x7f ? "'\\" + std::string(1, code) + "'"
                                                             : "(a backslash before byte " + hex_byte(byte) + ")";
        return EscapeError{start, "unknown escape " + shown + " (known: \\r \\n \\t \\0 \\\\ \\\" \\xHH)"};
      }
    }
  }
  return out;
}

}  // namespace conformance::scenario
