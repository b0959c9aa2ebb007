#include "harness/codec/pop3/dot_stuffing.hpp"

namespace conformance::codec::pop3 {

void append_stuffed_line(std::string& out, std::string_view line) {
  if (!line.empty() && line.front() == '.') out += '.';
  out += line;
  out += "\r\n";
}

void append_stuffed_body(std::string& out, const std::vector<std::string>& lines) {
  for (const auto& line : lines) append_stuffed_line(out, line);
  out += ".\r\n";
}

std::vector<std::string> message_lines(std::string_view message) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < message.size()) {
    const std::size_t crlf = message.find("\r\n", start);
    if (crlf == std::string_view::npos) {
      lines.emplace_back(message.substr(start));
      break;
    }
    lines.emplace_back(message.substr(start, crlf - start));
    start = crlf + 2;
  }
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::size_t size = 0;
  for (const auto& line : lines) size += line.size() + 2;
  std::string out;
  out.reserve(size);
  for (const auto& line : lines) {
    out += line;
    out += "\r\n";
  }
  return out;
}

}  // namespace conformance::codec::pop3
