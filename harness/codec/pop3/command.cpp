#include "harness/codec/pop3/command.hpp"

#include <array>
#include <utility>

#include "harness/codec/common/base64.hpp"
#include "harness/codec/pop3/chars.hpp"

namespace conformance::codec::pop3 {
namespace {

constexpr std::array<std::string_view, 17> kKeywords = {
    "USER", "PASS", "APOP", "AUTH", "STLS", "CAPA", "UTF8", "LANG", "STAT",
    "LIST", "RETR", "DELE", "NOOP", "RSET", "TOP",  "UIDL", "QUIT",
};
static_assert(kKeywords.size() == static_cast<std::size_t>(Verb::other), "one keyword per known verb");
static_assert(std::variant_size_v<Command> == static_cast<std::size_t>(Verb::other) + 1,
              "Command alternatives follow the Verb order");

struct Param {
  std::size_t offset = 0;  // within the line
  std::string_view text;
};

bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// keyword *(SP param): each param is 1*VCHAR (or 8-bit, RFC 6856 §2.2),
// separated by exactly one SP (RFC 1939 §3).
Result<std::vector<Param>> split_params(std::string_view line, std::size_t at) {
  std::vector<Param> params;
  if (at == line.size()) return params;
  ++at;  // the SP after the keyword
  while (true) {
    const std::size_t start = at;
    while (at < line.size() && line[at] != ' ') {
      if (!detail::is_argument_char(line[at])) return ParseError{at, "printable character in an argument"};
      ++at;
    }
    if (at == start) return ParseError{at, "argument (arguments are separated by a single SP)"};
    params.push_back(Param{start, line.substr(start, at - start)});
    if (at == line.size()) return params;
    ++at;
  }
}

std::optional<ParseError> check_count(std::string_view line, const std::vector<Param>& params, std::size_t min,
                                      std::size_t max, std::string_view missing) {
  if (params.size() < min) return ParseError{line.size(), "SP and " + std::string(missing)};
  if (params.size() > max) return ParseError{params[max].offset - 1, "end of line"};
  return std::nullopt;
}

std::optional<ParseError> check_length(const Param& param, const CommandLimits& limits) {
  if (param.text.size() > limits.max_argument_length)
    return ParseError{param.offset + limits.max_argument_length,
                      "end of an argument of at most " + std::to_string(limits.max_argument_length) + " characters"};
  return std::nullopt;
}

Result<std::uint64_t> parse_number(const Param& param, std::uint64_t minimum, std::string_view what) {
  for (std::size_t i = 0; i < param.text.size(); ++i)
    if (!detail::is_digit(param.text[i])) return ParseError{param.offset + i, std::string(what) + " (decimal digits)"};
  auto value = detail::parse_decimal(param.text);
  if (!value) return ParseError{param.offset, std::string(what) + " below 2^64"};
  if (*value < minimum) return ParseError{param.offset, std::string(what) + " of at least " + std::to_string(minimum)};
  return *value;
}

Result<MessageNumber> parse_message_number(const Param& param) { return parse_number(param, 1, "message number"); }

// sasl-mech = 1*20mech-char, mech-char = UPPER-ALPHA / DIGIT / "-" / "_"
// (RFC 4422 §3.1), compared case-insensitively in POP3 (RFC 5034 §5).
std::optional<ParseError> check_mechanism(const Param& param) {
  for (std::size_t i = 0; i < param.text.size(); ++i) {
    const char c = param.text[i];
    if (!is_alpha(c) && !detail::is_digit(c) && c != '-' && c != '_')
      return ParseError{param.offset + i, "SASL mechanism character (A-Z, 0-9, '-', '_')"};
  }
  if (param.text.size() > 20)
    return ParseError{param.offset + 20, "end of a SASL mechanism name of at most 20 characters"};
  return std::nullopt;
}

// language-range = (1*8ALPHA *("-" 1*8alphanum)) / "*" (RFC 4647 §2.1, used by RFC 6856 §3.2).
std::optional<ParseError> check_language_range(const Param& param) {
  const std::string_view text = param.text;
  if (text == "*") return std::nullopt;
  std::size_t at = 0;
  bool first = true;
  while (true) {
    const std::size_t start = at;
    while (at < text.size() && (is_alpha(text[at]) || (!first && detail::is_digit(text[at])))) ++at;
    if (at == start || at - start > 8)
      return ParseError{
          param.offset + (at == start ? at : start + 8),
          first ? "language range (1 to 8 letters, or \"*\")" : "language subtag of 1 to 8 letters or digits"};
    if (at == text.size()) return std::nullopt;
    if (text[at] != '-') return ParseError{param.offset + at, "'-' or end of the language range"};
    ++at;
    first = false;
  }
}

std::optional<ParseError> check_digest(const Param& param) {
  for (std::size_t i = 0; i < param.text.size() && i < 32; ++i) {
    const char c = param.text[i];
    if (!detail::is_digit(c) && !(c >= 'a' && c <= 'f'))
      return ParseError{param.offset + i, "lowercase hex digit of the APOP digest"};
  }
  if (param.text.size() != 32)
    return ParseError{param.offset + (param.text.size() < 32 ? param.text.size() : 32),
                      "APOP digest of exactly 32 lowercase hex digits"};
  return std::nullopt;
}

template <class T>
Result<Command> without_arguments(std::string_view line, const std::vector<Param>& params) {
  if (auto error = check_count(line, params, 0, 0, "")) return *error;
  return Command{T{}};
}

Result<Command> parse_arguments(Verb verb, std::string_view keyword_text, std::string_view line,
                                std::size_t keyword_end, const CommandLimits& limits) {
  if (verb == Verb::pass) {
    // "Since the PASS command has exactly one argument, a POP3 server may
    // treat spaces in the argument as part of the password" (RFC 1939 §7):
    // the whole rest of the line is the password.
    if (keyword_end == line.size() || keyword_end + 1 == line.size()) return ParseError{line.size(), "SP and password"};
    const std::size_t start = keyword_end + 1;
    for (std::size_t i = start; i < line.size(); ++i)
      if (line[i] != ' ' && !detail::is_argument_char(line[i]))
        return ParseError{i, "printable character in the password"};
    if (auto error = check_length(Param{start, line.substr(start)}, limits)) return *error;
    return Command{cmd::Pass{std::string(line.substr(start))}};
  }

  auto split = split_params(line, keyword_end);
  if (!split) return split.error();
  const std::vector<Param>& params = *split;
  // The initial response of AUTH is bounded only by the line (RFC 5034 §4).
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (verb == Verb::auth && i == 1) continue;
    if (auto error = check_length(params[i], limits)) return *error;
  }

  switch (verb) {
    case Verb::user:
      if (auto error = check_count(line, params, 1, 1, "mailbox name")) return *error;
      return Command{cmd::User{std::string(params[0].text)}};
    case Verb::apop:
      if (auto error = check_count(line, params, 2, 2, params.empty() ? "mailbox name" : "digest")) return *error;
      if (auto error = check_digest(params[1])) return *error;
      return Command{cmd::Apop{std::string(params[0].text), std::string(params[1].text)}};
    case Verb::auth: {
      if (auto error = check_count(line, params, 0, 2, "")) return *error;
      cmd::Auth auth;
      if (params.empty()) return Command{std::move(auth)};
      if (auto error = check_mechanism(params[0])) return *error;
      auth.mechanism = std::string(params[0].text);
      if (params.size() == 2) {
        if (params[1].text == "=") {
          auth.initial_response = std::string();
        } else {
          auto decoded = base64_decode(params[1].text);
          if (!decoded) return ParseError{params[1].offset + decoded.error().offset, decoded.error().expected};
          auth.initial_response = std::move(*decoded);
        }
      }
      return Command{std::move(auth)};
    }
    case Verb::lang: {
      if (auto error = check_count(line, params, 0, 1, "")) return *error;
      cmd::Lang lang;
      if (!params.empty()) {
        if (auto error = check_language_range(params[0])) return *error;
        lang.range = std::string(params[0].text);
      }
      return Command{std::move(lang)};
    }
    case Verb::list:
    case Verb::uidl: {
      if (auto error = check_count(line, params, 0, 1, "")) return *error;
      std::optional<MessageNumber> message;
      if (!params.empty()) {
        auto number = parse_message_number(params[0]);
        if (!number) return number.error();
        message = *number;
      }
      if (verb == Verb::list) return Command{cmd::List{message}};
      return Command{cmd::Uidl{message}};
    }
    case Verb::retr:
    case Verb::dele: {
      if (auto error = check_count(line, params, 1, 1, "message number")) return *error;
      auto number = parse_message_number(params[0]);
      if (!number) return number.error();
      if (verb == Verb::retr) return Command{cmd::Retr{*number}};
      return Command{cmd::Dele{*number}};
    }
    case Verb::top: {
      if (auto error = check_count(line, params, 2, 2, params.empty() ? "message number" : "number of lines"))
        return *error;
      auto number = parse_message_number(params[0]);
      if (!number) return number.error();
      auto lines = parse_number(params[1], 0, "number of lines");
      if (!lines) return lines.error();
      return Command{cmd::Top{*number, *lines}};
    }
    case Verb::stls:
      return without_arguments<cmd::Stls>(line, params);
    case Verb::capa:
      return without_arguments<cmd::Capa>(line, params);
    case Verb::utf8:
      return without_arguments<cmd::Utf8>(line, params);
    case Verb::stat:
      return without_arguments<cmd::Stat>(line, params);
    case Verb::noop:
      return without_arguments<cmd::Noop>(line, params);
    case Verb::rset:
      return without_arguments<cmd::Rset>(line, params);
    case Verb::quit:
      return without_arguments<cmd::Quit>(line, params);
    case Verb::pass:
      break;  // handled above
    case Verb::other: {
      cmd::Other other{std::string(keyword_text), {}};
      for (const auto& param : params) other.params.emplace_back(param.text);
      return Command{std::move(other)};
    }
  }
  return ParseError{0, "command keyword"};
}

void append_number(std::string& out, std::uint64_t value) { out += std::to_string(value); }

}  // namespace

Verb verb_of(const Command& command) { return static_cast<Verb>(command.index()); }

std::string_view keyword(Verb verb) {
  const auto index = static_cast<std::size_t>(verb);
  return index < kKeywords.size() ? kKeywords[index] : std::string_view{};
}

Verb verb_from_keyword(std::string_view text) {
  for (std::size_t i = 0; i < kKeywords.size(); ++i)
    if (detail::iequals(text, kKeywords[i])) return static_cast<Verb>(i);
  return Verb::other;
}

Result<Command> parse_command(std::string_view line, const CommandLimits& limits) {
  if (limits.max_line_length >= 2 && line.size() > limits.max_line_length - 2)
    return ParseError{limits.max_line_length - 2,
                      "end of a command line of at most " + std::to_string(limits.max_line_length) + " octets"};
  std::size_t keyword_end = line.find(' ');
  if (keyword_end == std::string_view::npos) keyword_end = line.size();
  for (std::size_t i = 0; i < keyword_end; ++i)
    if (!detail::is_vchar(line[i])) return ParseError{i, "command keyword character (printable ASCII)"};
  if (keyword_end < 3) return ParseError{keyword_end, "command keyword of 3 or 4 characters"};
  if (keyword_end > 4) return ParseError{4, "SP or end of line after a command keyword of 3 or 4 characters"};
  const std::string_view keyword_text = line.substr(0, keyword_end);
  return parse_arguments(verb_from_keyword(keyword_text), keyword_text, line, keyword_end, limits);
}

Step<Command> decode_command(std::string_view buffer, const CommandLimits& limits) {
  const LineScan scan = scan_line(buffer, limits.max_line_length, limits.ending);
  if (scan.status == LineScan::Status::incomplete) return Step<Command>::need_more();
  if (scan.status == LineScan::Status::too_long) {
    const std::size_t at = limits.max_line_length >= 2 ? limits.max_line_length - 2 : 0;
    return Step<Command>::fail(
        ParseError{at, "CRLF ending a command line of at most " + std::to_string(limits.max_line_length) + " octets"});
  }
  auto command = parse_command(buffer.substr(0, scan.content_length), limits);
  if (!command) return Step<Command>::fail(command.error());
  return Step<Command>::done(std::move(*command), scan.total_length());
}

std::string serialize(const Command& command) {
  std::string out;
  const Verb verb = verb_of(command);
  if (verb == Verb::other) {
    const auto& other = std::get<cmd::Other>(command);
    out += other.keyword;
    for (const auto& param : other.params) {
      out += ' ';
      out += param;
    }
    out += "\r\n";
    return out;
  }
  out += keyword(verb);
  auto arg = [&out](std::string_view text) {
    out += ' ';
    out += text;
  };
  auto number = [&out](std::uint64_t value) {
    out += ' ';
    append_number(out, value);
  };
  switch (verb) {
    case Verb::user:
      arg(std::get<cmd::User>(command).name);
      break;
    case Verb::pass:
      arg(std::get<cmd::Pass>(command).password);
      break;
    case Verb::apop: {
      const auto& apop = std::get<cmd::Apop>(command);
      arg(apop.name);
      arg(apop.digest);
      break;
    }
    case Verb::auth: {
      const auto& auth = std::get<cmd::Auth>(command);
      if (auth.mechanism) {
        arg(*auth.mechanism);
        if (auth.initial_response)
          arg(auth.initial_response->empty() ? std::string("=") : base64_encode(*auth.initial_response));
      }
      break;
    }
    case Verb::lang:
      if (const auto& range = std::get<cmd::Lang>(command).range) arg(*range);
      break;
    case Verb::list:
      if (const auto& message = std::get<cmd::List>(command).message) number(*message);
      break;
    case Verb::uidl:
      if (const auto& message = std::get<cmd::Uidl>(command).message) number(*message);
      break;
    case Verb::retr:
      number(std::get<cmd::Retr>(command).message);
      break;
    case Verb::dele:
      number(std::get<cmd::Dele>(command).message);
      break;
    case Verb::top: {
      const auto& top = std::get<cmd::Top>(command);
      number(top.message);
      number(top.lines);
      break;
    }
    case Verb::stls:
    case Verb::capa:
    case Verb::utf8:
    case Verb::stat:
    case Verb::noop:
    case Verb::rset:
    case Verb::quit:
    case Verb::other:
      break;
  }
  out += "\r\n";
  return out;
}

}  // namespace conformance::codec::pop3
