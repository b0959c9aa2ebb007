#include "harness/codec/pop3/capabilities.hpp"

#include <optional>
#include <utility>

#include "harness/codec/pop3/chars.hpp"

namespace conformance::codec::pop3 {
namespace {

// cchar = %x21-2D / %x2F-7F: printable ASCII without "." (RFC 2449 §3), so
// that no tag can be mistaken for the terminating "." line.
bool is_cchar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x21 && u <= 0x7F && c != '.';
}

bool is_mechanism_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || detail::is_digit(c) || c == '-' || c == '_';
}

struct Token {
  std::size_t offset = 0;
  std::string_view text;
};

bool is_user(std::string_view text) { return detail::iequals(text, "USER"); }

// Checks the parameters of a registered capability; `params` carry their
// offsets in the line.
std::optional<ParseError> check_params(std::string_view tag, const std::vector<Token>& params, std::size_t line_end) {
  auto no_params = [&]() -> std::optional<ParseError> {
    if (!params.empty())
      return ParseError{params[0].offset - 1, "end of line: " + std::string(tag) + " takes no parameters"};
    return std::nullopt;
  };
  auto optional_user = [&](std::size_t index) -> std::optional<ParseError> {
    if (params.size() > index + 1) return ParseError{params[index + 1].offset - 1, "end of line"};
    if (params.size() == index + 1 && !is_user(params[index].text))
      return ParseError{params[index].offset, "\"USER\" or end of line"};
    return std::nullopt;
  };
  auto number = [&](const Token& token, std::string_view what) -> std::optional<ParseError> {
    for (std::size_t i = 0; i < token.text.size(); ++i)
      if (!detail::is_digit(token.text[i])) return ParseError{token.offset + i, std::string(what)};
    if (!detail::parse_decimal(token.text)) return ParseError{token.offset, std::string(what) + " below 2^64"};
    return std::nullopt;
  };

  if (detail::iequals(tag, capa::top) || detail::iequals(tag, capa::user) || detail::iequals(tag, capa::resp_codes) ||
      detail::iequals(tag, capa::pipelining) || detail::iequals(tag, capa::uidl) || detail::iequals(tag, capa::stls) ||
      detail::iequals(tag, capa::auth_resp_code) || detail::iequals(tag, capa::lang))
    return no_params();
  if (detail::iequals(tag, capa::sasl)) {
    // sasl-mech = 1*20mech-char (RFC 4422 §3.1)
    for (const auto& mechanism : params) {
      for (std::size_t i = 0; i < mechanism.text.size(); ++i)
        if (!is_mechanism_char(mechanism.text[i]))
          return ParseError{mechanism.offset + i, "SASL mechanism character (A-Z, 0-9, '-', '_')"};
      if (mechanism.text.size() > 20)
        return ParseError{mechanism.offset + 20, "end of a SASL mechanism name of at most 20 characters"};
    }
    return std::nullopt;
  }
  if (detail::iequals(tag, capa::login_delay)) {
    if (params.empty()) return ParseError{line_end, "SP and the login delay in seconds"};
    if (auto error = number(params[0], "login delay in seconds (decimal digits)")) return error;
    return optional_user(1);
  }
  if (detail::iequals(tag, capa::expire)) {
    if (params.empty()) return ParseError{line_end, "SP and the retention period in days, or NEVER"};
    if (!detail::iequals(params[0].text, "NEVER"))
      if (auto error = number(params[0], "retention period in days (decimal digits) or NEVER")) return error;
    return optional_user(1);
  }
  if (detail::iequals(tag, capa::implementation)) {
    if (params.empty()) return ParseError{line_end, "SP and the implementation information"};
    return std::nullopt;
  }
  if (detail::iequals(tag, capa::utf8)) return optional_user(0);
  return std::nullopt;
}

}  // namespace

const Capability* Capabilities::find(std::string_view tag) const {
  for (const auto& entry : entries)
    if (detail::iequals(entry.tag, tag)) return &entry;
  return nullptr;
}

std::vector<std::string> Capabilities::sasl_mechanisms() const {
  if (const Capability* sasl = find(capa::sasl)) return sasl->params;
  return {};
}

std::optional<LoginDelay> Capabilities::login_delay() const {
  const Capability* entry = find(capa::login_delay);
  if (entry == nullptr || entry->params.empty() || entry->params.size() > 2) return std::nullopt;
  auto seconds = detail::parse_decimal(entry->params[0]);
  if (!seconds) return std::nullopt;
  if (entry->params.size() == 2 && !is_user(entry->params[1])) return std::nullopt;
  return LoginDelay{*seconds, entry->params.size() == 2};
}

std::optional<Expire> Capabilities::expire() const {
  const Capability* entry = find(capa::expire);
  if (entry == nullptr || entry->params.empty() || entry->params.size() > 2) return std::nullopt;
  Expire result;
  if (!detail::iequals(entry->params[0], "NEVER")) {
    result.days = detail::parse_decimal(entry->params[0]);
    if (!result.days) return std::nullopt;
  }
  if (entry->params.size() == 2 && !is_user(entry->params[1])) return std::nullopt;
  result.per_user = entry->params.size() == 2;
  return result;
}

std::optional<std::string> Capabilities::implementation() const {
  const Capability* entry = find(capa::implementation);
  if (entry == nullptr) return std::nullopt;
  std::string text;
  for (std::size_t i = 0; i < entry->params.size(); ++i) {
    if (i > 0) text += ' ';
    text += entry->params[i];
  }
  return text;
}

std::optional<bool> Capabilities::utf8_user() const {
  const Capability* entry = find(capa::utf8);
  if (entry == nullptr) return std::nullopt;
  return entry->params.size() == 1 && is_user(entry->params[0]);
}

Result<Capability> parse_capability(std::string_view line) {
  std::size_t at = 0;
  while (at < line.size() && is_cchar(line[at])) ++at;
  if (at == 0) return ParseError{0, "capability tag (printable ASCII except '.')"};
  if (at < line.size() && line[at] != ' ') return ParseError{at, "SP or end of line after the capability tag"};
  Capability result{std::string(line.substr(0, at)), {}};
  std::vector<Token> params;
  while (at < line.size()) {
    ++at;  // SP
    const std::size_t start = at;
    while (at < line.size() && detail::is_vchar(line[at])) ++at;
    if (at == start) return ParseError{at, "capability parameter (parameters are separated by a single SP)"};
    if (at < line.size() && line[at] != ' ') return ParseError{at, "SP or end of line in capability parameters"};
    params.push_back(Token{start, line.substr(start, at - start)});
  }
  if (auto error = check_params(result.tag, params, line.size())) return *error;
  for (const auto& param : params) result.params.emplace_back(param.text);
  return result;
}

Result<Capabilities> parse_capabilities(const std::vector<std::string>& lines) {
  Capabilities capabilities;
  capabilities.entries.reserve(lines.size());
  std::size_t offset = 0;
  for (const auto& line : lines) {
    auto entry = parse_capability(line);
    if (!entry) return ParseError{offset + entry.error().offset, entry.error().expected};
    capabilities.entries.push_back(std::move(*entry));
    offset += line.size() + 2;
  }
  return capabilities;
}

std::string serialize(const Capability& entry) {
  std::string out = entry.tag;
  for (const auto& param : entry.params) {
    out += ' ';
    out += param;
  }
  return out;
}

std::vector<std::string> serialize(const Capabilities& capabilities) {
  std::vector<std::string> lines;
  lines.reserve(capabilities.entries.size());
  for (const auto& entry : capabilities.entries) lines.push_back(serialize(entry));
  return lines;
}

Capability capability(std::string_view tag) { return Capability{std::string(tag), {}}; }

Capability sasl_capability(const std::vector<std::string>& mechanisms) {
  return Capability{std::string(capa::sasl), mechanisms};
}

Capability login_delay_capability(const LoginDelay& delay) {
  Capability result{std::string(capa::login_delay), {std::to_string(delay.seconds)}};
  if (delay.per_user) result.params.emplace_back("USER");
  return result;
}

Capability expire_capability(const Expire& expire) {
  Capability result{std::string(capa::expire), {expire.days ? std::to_string(*expire.days) : "NEVER"}};
  if (expire.per_user) result.params.emplace_back("USER");
  return result;
}

Capability implementation_capability(std::string_view text) {
  Capability result{std::string(capa::implementation), {}};
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t space = text.find(' ', at);
    const std::size_t end = space == std::string_view::npos ? text.size() : space;
    if (end > at) result.params.emplace_back(text.substr(at, end - at));
    at = end + 1;
  }
  return result;
}

Capability utf8_capability(bool user) {
  Capability result{std::string(capa::utf8), {}};
  if (user) result.params.emplace_back("USER");
  return result;
}

}  // namespace conformance::codec::pop3
