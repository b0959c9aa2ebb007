#include "harness/protocols/imap/redaction.hpp"

#include "harness/protocols/imap/response_view.hpp"

namespace conformance::protocols::imap {

namespace {

constexpr std::string_view kRedacted = "<redacted>";

// Length of the astring at the front of `text` (atom or quoted string);
// 0 when it is a literal or nothing.
std::size_t astring_length(std::string_view text) {
  if (text.empty() || text.front() == '{') return 0;
  if (text.front() != '"') {
    const std::size_t end = text.find_first_of(" \r\n");
    return end == std::string_view::npos ? text.size() : end;
  }
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  return text.size();
}

// The rendering of one command line (no line end), or nullopt.
std::optional<std::string> redact_line(std::string_view line) {
  const std::size_t tag_end = line.find(' ');
  if (tag_end == std::string_view::npos) return std::nullopt;
  const std::size_t name_end = line.find(' ', tag_end + 1);
  if (name_end == std::string_view::npos) return std::nullopt;
  const std::string_view name = line.substr(tag_end + 1, name_end - tag_end - 1);
  const std::string_view rest = line.substr(name_end + 1);
  if (equals_ignoring_case(name, "LOGIN")) {
    const std::size_t user = astring_length(rest);
    // A literal user name: the password comes after it, unseen here.
    if (user == 0) return std::string(line.substr(0, name_end + 1)) + std::string(kRedacted);
    if (user >= rest.size()) return std::nullopt;
    return std::string(line.substr(0, name_end + 1 + user + 1)) + std::string(kRedacted);
  }
  if (equals_ignoring_case(name, "AUTHENTICATE")) {
    const std::size_t mechanism_end = rest.find(' ');
    if (mechanism_end == std::string_view::npos) return std::nullopt;
    return std::string(line.substr(0, name_end + 1 + mechanism_end + 1)) + std::string(kRedacted);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> redact_client_bytes(std::string_view bytes, bool authenticating) {
  if (authenticating) {
    return std::string(kRedacted) + (bytes.ends_with("\r\n") ? "\r\n" : bytes.ends_with("\n") ? "\n" : "");
  }
  std::string rendering;
  bool changed = false;
  std::size_t begin = 0;
  while (begin < bytes.size()) {
    std::size_t end = bytes.find('\n', begin);
    end = end == std::string_view::npos ? bytes.size() : end + 1;
    std::string_view line = bytes.substr(begin, end - begin);
    std::string_view ending;
    if (line.ends_with("\r\n")) {
      ending = "\r\n";
    } else if (line.ends_with("\n")) {
      ending = "\n";
    }
    line.remove_suffix(ending.size());
    if (auto redacted = redact_line(line)) {
      rendering += *redacted;
      rendering += ending;
      changed = true;
      // After a literal user name the rest of the write is the credential.
      if (redacted->ends_with(kRedacted) && line.ends_with("}")) {
        if (end < bytes.size()) rendering += std::string(kRedacted);
        break;
      }
    } else {
      rendering += line;
      rendering += ending;
    }
    begin = end;
  }
  if (!changed) return std::nullopt;
  return rendering;
}

}  // namespace conformance::protocols::imap
