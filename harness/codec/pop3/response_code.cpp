#include "harness/codec/pop3/response_code.hpp"

#include "harness/codec/pop3/chars.hpp"

namespace conformance::codec::pop3 {
namespace {

// rchar = %x21-2E / %x30-5C / %x5E-7F: printable ASCII without "/" and "]" (RFC 2449 §3).
bool is_rchar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x21 && u <= 0x7F && c != '/' && c != ']';
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

}  // namespace

Result<ResponseCode> parse_response_code(std::string_view text, std::size_t* consumed) {
  if (text.empty() || text[0] != '[') return ParseError{0, "'[' opening a response code"};
  ResponseCode code;
  std::size_t at = 1;
  while (true) {
    const std::size_t level_start = at;
    while (at < text.size() && is_rchar(text[at])) ++at;
    if (at == level_start) return ParseError{at, "response code level (printable ASCII except '/' and ']')"};
    code.levels.emplace_back(text.substr(level_start, at - level_start));
    if (at >= text.size()) return ParseError{at, "'/' or ']' in response code"};
    if (text[at] == ']') break;
    if (text[at] != '/') return ParseError{at, "'/' or ']' in response code"};
    ++at;
  }
  if (consumed != nullptr) *consumed = at + 1;
  return code;
}

std::string to_string(const ResponseCode& code) {
  std::string out;
  for (std::size_t i = 0; i < code.levels.size(); ++i) {
    if (i > 0) out += '/';
    out += code.levels[i];
  }
  return out;
}

std::string serialize(const ResponseCode& code) { return "[" + to_string(code) + "]"; }

ResponseCode response_code(std::string_view path) {
  ResponseCode code;
  for (std::string_view level : split_path(path)) code.levels.emplace_back(level);
  return code;
}

bool is_code(const ResponseCode& code, std::string_view path) {
  const auto wanted = split_path(path);
  if (code.levels.size() < wanted.size()) return false;
  for (std::size_t i = 0; i < wanted.size(); ++i)
    if (!detail::iequals(code.levels[i], wanted[i])) return false;
  return true;
}

}  // namespace conformance::codec::pop3
