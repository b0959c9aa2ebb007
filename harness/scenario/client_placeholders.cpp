// The `{name}` placeholders of client scenarios (client_scenario.hpp).
#include "harness/scenario/client_scenario.hpp"

namespace conformance::scenario {

const std::vector<std::string>& client_placeholder_names() {
  static const std::vector<std::string> names = {
      "host",     "smtp_port", "submission_port", "submissions_port", "pop3_port", "pop3s_port", "imap_port",
      "imaps_port", "dns_port", "ca_file",         "user",             "password",  "address",    "tmp"};
  return names;
}

std::string fake_of_placeholder(std::string_view name) {
  if (name == "smtp_port" || name == "submission_port" || name == "submissions_port") return "smtp";
  if (name == "pop3_port" || name == "pop3s_port") return "pop3";
  if (name == "imap_port" || name == "imaps_port") return "imap";
  if (name == "dns_port") return "dns";
  return "";
}

namespace {

// Calls on_text for literal runs and on_name for each {name}; stops at the
// first error and returns it.
template <class OnText, class OnName>
std::optional<std::string> scan(std::string_view text, OnText on_text, OnName on_name) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
      on_text("{");
      i += 2;
    } else if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      on_text("}");
      i += 2;
    } else if (c == '{') {
      const std::size_t close = text.find('}', i + 1);
      if (close == std::string_view::npos) {
        return "offset " + std::to_string(i) + ": '{' without a closing '}' (write {{ for a literal brace)";
      }
      const std::string_view name = text.substr(i + 1, close - i - 1);
      if (name.empty() || name.find_first_of("{ \t\r\n") != std::string_view::npos) {
        return "offset " + std::to_string(i) + ": '{" + std::string(name) +
               "}' is not a placeholder name (write {{ for a literal brace)";
      }
      if (auto error = on_name(name, i)) return error;
      i = close + 1;
    } else if (c == '}') {
      return "offset " + std::to_string(i) + ": a lone '}' (write }} for a literal brace)";
    } else {
      const std::size_t next = text.find_first_of("{}", i);
      const std::size_t end = next == std::string_view::npos ? text.size() : next;
      on_text(text.substr(i, end - i));
      i = end;
    }
  }
  return std::nullopt;
}

}  // namespace

Expected<std::string, PlaceholderError> substitute_placeholders(
    std::string_view text, const std::map<std::string, std::string, std::less<>>& values) {
  std::string out;
  auto error = scan(
      text, [&](std::string_view literal) { out += literal; },
      [&](std::string_view name, std::size_t at) -> std::optional<std::string> {
        auto found = values.find(name);
        if (found == values.end()) {
          return "offset " + std::to_string(at) + ": unknown placeholder {" + std::string(name) + "}";
        }
        out += found->second;
        return std::nullopt;
      });
  if (error) return PlaceholderError{*error};
  return out;
}

std::vector<std::string> placeholders_in(std::string_view text) {
  std::vector<std::string> names;
  (void)scan(
      text, [](std::string_view) {},
      [&](std::string_view name, std::size_t) -> std::optional<std::string> {
        names.emplace_back(name);
        return std::nullopt;
      });
  return names;
}

}  // namespace conformance::scenario
