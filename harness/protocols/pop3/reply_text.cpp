#include "harness/protocols/pop3/reply_text.hpp"

#include <cstdio>

namespace conformance::protocols::pop3 {

std::string escape_text(std::string_view bytes, std::size_t max_bytes) {
  std::string out;
  for (const char c : bytes) {
    if (out.size() >= max_bytes) {
      out += "...";
      break;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\r') {
      out += "\\r";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (byte < 0x20 || byte >= 0x7f) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02X", byte);
      out += hex;
    } else {
      out += c;
    }
  }
  return out;
}

std::string status_line_text(const codec::pop3::Response& response) {
  codec::pop3::Response line = response;
  line.body.reset();
  std::string wire = codec::pop3::serialize(line);
  if (wire.ends_with("\r\n")) wire.resize(wire.size() - 2);
  return escape_text(wire);
}

std::string reply_text(const codec::pop3::Response& response, std::size_t max_lines) {
  std::string out = status_line_text(response);
  if (!response.body) return out;
  const auto& lines = *response.body;
  const std::size_t shown = lines.size() < max_lines ? lines.size() : max_lines;
  for (std::size_t i = 0; i < shown; ++i) out += "\n" + escape_text(lines[i], 200);
  if (shown < lines.size()) out += "\n... (" + std::to_string(lines.size() - shown) + " more lines)";
  out += "\n.";
  return out;
}

}  // namespace conformance::protocols::pop3
