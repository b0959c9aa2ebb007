#include "harness/protocols/smtp/malformed_reply.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "harness/codec/smtp/reply.hpp"

namespace conformance::protocols::smtp {

namespace {

bool starts_with_code(std::string_view line) {
  return line.size() >= 3 && std::isdigit(static_cast<unsigned char>(line[0])) &&
         std::isdigit(static_cast<unsigned char>(line[1])) && std::isdigit(static_cast<unsigned char>(line[2]));
}

std::string printable(std::string_view text, std::size_t max = 80) {
  std::string out;
  for (char c : text.substr(0, max)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f) {
      out += c;
    } else {
      static const char kHex[] = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  if (text.size() > max) out += "...";
  return out;
}

}  // namespace

Violation describe_malformed_reply(std::string_view received, const codec::ParseError& error) {
  const std::size_t at = std::min(error.offset, received.size());
  const std::size_t line_start = at == 0 ? 0 : received.rfind('\n', at - 1) + 1;  // npos + 1 == 0
  std::string_view line = received.substr(line_start);
  const bool unterminated = line.find('\n') == std::string_view::npos;
  line = line.substr(0, line.find('\n'));
  if (unterminated && line.size() > codec::smtp::kRfcMaxReplyLineLength) {
    return Violation{"RFC 5321 §4.5.3.1.5", "a reply line that is still going after " + std::to_string(line.size()) +
                                                " octets (at most 512 with its CRLF): " + printable(line, 40)};
  }
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  if (line_start > 0 && starts_with_code(line) && starts_with_code(received) &&
      line.substr(0, 3) != received.substr(0, 3)) {
    return Violation{"RFC 5321 §4.2.1", "a multi-line reply changes its code from " +
                                            std::string(received.substr(0, 3)) + " to " +
                                            std::string(line.substr(0, 3)) + " on a later line"};
  }
  if (!line.empty() && std::isdigit(static_cast<unsigned char>(line[0])) && (line[0] < '2' || line[0] > '5')) {
    return Violation{"RFC 5321 §4.3.2", "reply code starting with " + std::string(1, line[0]) +
                                            " (codes start with 2-5): " + printable(line)};
  }
  return Violation{"RFC 5321 §4.2", "malformed reply (" + error.message() + "): " + printable(line)};
}

}  // namespace conformance::protocols::smtp
