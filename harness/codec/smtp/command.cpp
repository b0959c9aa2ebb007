#include "harness/codec/smtp/command.hpp"

#include <type_traits>
#include <utility>

#include "harness/codec/common/base64.hpp"
#include "harness/codec/smtp/chars.hpp"

namespace conformance::codec::smtp {
namespace {

constexpr const char* kNeedsSmtputf8 = "ASCII (UTF-8 here needs SMTPUTF8, RFC 6531 §3.3)";

ParseError shifted(const ParseError& error, std::size_t base) { return ParseError{base + error.offset, error.expected}; }

// State shared by the per-verb parsers: the line, the options and what
// lenient mode tolerated so far.
class LineParser {
 public:
  LineParser(std::string_view line, const CommandOptions& options) : line_(line), options_(options) {}

  Result<ParsedCommand> parse();

 private:
  Result<Command> dispatch(std::string_view verb);

  // After the verb: exactly one SP (or, leniently, several), then something.
  std::optional<ParseError> argument_start(std::string_view what) {
    if (pos_ >= line_.size() || line_[pos_] != ' ') return ParseError{pos_, "SP and " + std::string(what)};
    ++pos_;
    skip_repeated_spaces();
    if (pos_ >= line_.size()) return ParseError{pos_, std::string(what)};
    return std::nullopt;
  }

  // Reported once per run of extra spaces, at the first one.
  void skip_repeated_spaces() {
    if (!options_.lenient || pos_ >= line_.size() || line_[pos_] != ' ') return;
    tolerate(Tolerance::repeated_spaces, pos_);
    while (pos_ < line_.size() && line_[pos_] == ' ') ++pos_;
  }

  std::optional<ParseError> expect_end(std::string_view after) {
    if (pos_ == line_.size()) return std::nullopt;
    return ParseError{pos_, "end of line after " + std::string(after)};
  }

  void tolerate(Tolerance what, std::size_t offset) { tolerated_.push_back(Tolerated{what, offset}); }

  AddressOptions address_options(bool utf8) const { return AddressOptions{utf8, options_.address_limits}; }

  Result<Command> helo();
  Result<Command> ehlo();
  Result<Command> mail();
  Result<Command> rcpt();
  Result<Command> bdat();
  Result<Command> auth();
  Result<Command> no_argument(Command command, std::string_view verb);
  Result<std::string> required_string(std::string_view verb);
  Result<std::optional<std::string>> optional_string();

  // "FROM:" / "TO:" and the path after it (RFC 5321 §4.1.1.2, §4.1.1.3).
  Result<PathScan> keyword_and_path(std::string_view verb, std::string_view keyword, PathKind kind);
  // [SP parameters] to the end of the line.
  Result<ParameterList> parameters();

  std::string_view line_;
  const CommandOptions& options_;
  std::size_t pos_ = 0;
  std::vector<Tolerated> tolerated_;
};

Result<ParsedCommand> LineParser::parse() {
  for (std::size_t i = 0; i < line_.size(); ++i)
    if (line_[i] == '\r' || line_[i] == '\n') return ParseError{i, "command text without CR or LF"};
  if (options_.lenient) {
    std::size_t end = line_.size();
    while (end > 0 && (line_[end - 1] == ' ' || line_[end - 1] == '\t')) --end;
    if (end < line_.size()) {
      tolerate(Tolerance::trailing_whitespace, end);
      line_ = line_.substr(0, end);
    }
  }
  if (line_.empty() || !is_alpha(static_cast<unsigned char>(line_[0]))) return ParseError{0, "command verb"};
  while (pos_ < line_.size() && is_ldh(static_cast<unsigned char>(line_[pos_]))) ++pos_;
  const std::string_view verb = line_.substr(0, pos_);
  if (pos_ < line_.size() && line_[pos_] != ' ') return ParseError{pos_, "SP or end of line after the verb"};
  auto command = dispatch(verb);
  if (!command) return command.error();
  return ParsedCommand{std::move(*command), std::move(tolerated_)};
}

Result<Command> LineParser::dispatch(std::string_view verb) {
  if (iequals(verb, "HELO")) return helo();
  if (iequals(verb, "EHLO")) return ehlo();
  if (iequals(verb, "MAIL")) return mail();
  if (iequals(verb, "RCPT")) return rcpt();
  if (iequals(verb, "DATA")) return no_argument(Data{}, "DATA");
  if (iequals(verb, "BDAT")) return bdat();
  if (iequals(verb, "RSET")) return no_argument(Rset{}, "RSET");
  if (iequals(verb, "QUIT")) return no_argument(Quit{}, "QUIT");
  if (iequals(verb, "STARTTLS")) return no_argument(StartTls{}, "STARTTLS");
  if (iequals(verb, "AUTH")) return auth();
  if (iequals(verb, "VRFY") || iequals(verb, "EXPN")) {
    auto argument = required_string(verb);
    if (!argument) return argument.error();
    if (iequals(verb, "VRFY")) return Command{Vrfy{std::move(*argument)}};
    return Command{Expn{std::move(*argument)}};
  }
  if (iequals(verb, "HELP") || iequals(verb, "NOOP")) {
    auto argument = optional_string();
    if (!argument) return argument.error();
    if (iequals(verb, "HELP")) return Command{Help{std::move(*argument)}};
    return Command{Noop{std::move(*argument)}};
  }
  UnknownCommand unknown{std::string(verb), std::nullopt};
  if (pos_ < line_.size()) unknown.argument = std::string(line_.substr(pos_ + 1));
  return Command{std::move(unknown)};
}

Result<Command> LineParser::helo() {
  if (auto error = argument_start("a domain after HELO")) return *error;
  const std::size_t start = pos_;
  const std::string_view argument = line_.substr(start);
  if (!argument.empty() && argument[0] == '[' && options_.lenient) {
    auto host = parse_host(argument, address_options(false));
    if (!host) return shifted(host.error(), start);
    tolerate(Tolerance::helo_address_literal, start);
    return Command{Helo{std::move(*host)}};
  }
  auto domain = parse_domain(argument, address_options(false));
  if (!domain) return shifted(domain.error(), start);
  return Command{Helo{std::move(*domain)}};
}

Result<Command> LineParser::ehlo() {
  if (auto error = argument_start("a domain or address literal after EHLO")) return *error;
  const std::size_t start = pos_;
  auto host = parse_host(line_.substr(start), address_options(false));
  if (!host) return shifted(host.error(), start);
  return Command{Ehlo{std::move(*host)}};
}

Result<PathScan> LineParser::keyword_and_path(std::string_view verb, std::string_view keyword, PathKind kind) {
  if (pos_ >= line_.size() || line_[pos_] != ' ')
    return ParseError{pos_, "SP and \"" + std::string(keyword) + "\" after " + std::string(verb)};
  ++pos_;
  skip_repeated_spaces();
  // `keyword` is "FROM:" or "TO:"; a missing colon gets its own message.
  const std::string_view name = keyword.substr(0, keyword.size() - 1);
  if (!istarts_with(line_.substr(pos_), name))
    return ParseError{pos_, "\"" + std::string(keyword) + "\" after \"" + std::string(verb) + " \""};
  pos_ += name.size();
  if (pos_ >= line_.size() || line_[pos_] != ':') return ParseError{pos_, "':' after " + std::string(name)};
  ++pos_;
  if (pos_ < line_.size() && line_[pos_] == ' ') {
    if (!options_.lenient)
      return ParseError{pos_, "'<' right after \"" + std::string(keyword) + "\" (no SP before the path)"};
    tolerate(Tolerance::space_before_path, pos_);
    while (pos_ < line_.size() && line_[pos_] == ' ') ++pos_;
  }
  const std::size_t start = pos_;
  const AddressOptions address = address_options(true);  // UTF-8 is checked once SMTPUTF8 is known
  if (pos_ < line_.size() && line_[pos_] != '<' && options_.lenient) {
    auto scan = scan_unbracketed_path(line_.substr(start), kind, address);
    if (!scan) return shifted(scan.error(), start);
    tolerate(Tolerance::missing_angle_brackets, start);
    pos_ += scan->length;
    if (scan->first_utf8) *scan->first_utf8 += start;
    return scan;
  }
  auto scan = scan_path(line_.substr(start), kind, address);
  if (!scan) return shifted(scan.error(), start);
  pos_ += scan->length;
  if (scan->first_utf8) *scan->first_utf8 += start;
  return scan;
}

Result<ParameterList> LineParser::parameters() {
  if (pos_ == line_.size()) return ParameterList{};
  if (line_[pos_] != ' ') return ParseError{pos_, "SP before parameters, or end of line after the path"};
  ++pos_;
  skip_repeated_spaces();
  const std::size_t start = pos_;
  auto list = split_parameters(line_.substr(start), options_.lenient);
  if (!list) return shifted(list.error(), start);
  for (std::size_t& offset : list->offsets) offset += start;
  for (std::size_t offset : list->repeated_spaces) tolerate(Tolerance::repeated_spaces, start + offset);
  if (list->first_utf8) *list->first_utf8 += start;
  pos_ = line_.size();
  return list;
}

// The earlier of two optional offsets.
std::optional<std::size_t> earliest(std::optional<std::size_t> a, std::optional<std::size_t> b) {
  if (a && b) return *a < *b ? a : b;
  return a ? a : b;
}

Result<Command> LineParser::mail() {
  auto path = keyword_and_path("MAIL", "FROM:", PathKind::reverse);
  if (!path) return path.error();
  auto list = parameters();
  if (!list) return list.error();
  auto params = to_mail_parameters(*list);
  if (!params) return params.error();
  // RFC 6531 §3.4: the SMTPUTF8 parameter is what allows UTF-8 in this transaction.
  if (!options_.smtputf8 && !params->smtputf8) {
    if (auto at = earliest(path->first_utf8, list->first_utf8)) return ParseError{*at, kNeedsSmtputf8};
  }
  return Command{MailFrom{std::move(path->path), std::move(*params)}};
}

Result<Command> LineParser::rcpt() {
  auto path = keyword_and_path("RCPT", "TO:", PathKind::forward);
  if (!path) return path.error();
  auto list = parameters();
  if (!list) return list.error();
  auto params = to_rcpt_parameters(*list);
  if (!params) return params.error();
  if (!options_.smtputf8) {
    if (auto at = earliest(path->first_utf8, list->first_utf8)) return ParseError{*at, kNeedsSmtputf8};
  }
  return Command{RcptTo{std::move(path->path), std::move(*params)}};
}

Result<Command> LineParser::no_argument(Command command, std::string_view verb) {
  if (auto error = expect_end(verb)) return *error;
  return command;
}

Result<Command> LineParser::bdat() {
  if (auto error = argument_start("a chunk size after BDAT")) return *error;
  // chunk-size = 1*DIGIT; end-marker = "LAST" (RFC 3030 §3)
  const std::size_t start = pos_;
  std::uint64_t size = 0;
  while (pos_ < line_.size() && is_digit(static_cast<unsigned char>(line_[pos_]))) {
    const auto digit = static_cast<std::uint64_t>(line_[pos_] - '0');
    if (size > (UINT64_MAX - digit) / 10) return ParseError{start, "chunk size that fits in 64 bits"};
    size = size * 10 + digit;
    ++pos_;
  }
  if (pos_ == start) return ParseError{pos_, "chunk size (digits)"};
  Bdat command{size, false};
  if (pos_ < line_.size()) {
    if (line_[pos_] != ' ') return ParseError{pos_, "SP, or end of line after the chunk size"};
    ++pos_;
    skip_repeated_spaces();
    if (!iequals(line_.substr(pos_), "LAST")) return ParseError{pos_, "\"LAST\" (RFC 3030 §3 end-marker)"};
    pos_ = line_.size();
    command.last = true;
  }
  return Command{command};
}

Result<Command> LineParser::auth() {
  if (auto error = argument_start("a SASL mechanism after AUTH")) return *error;
  // sasl-mech = 1*20mech-char; mech-char = UPPER-ALPHA / DIGIT / "-" / "_" (RFC 4422 §3.1)
  const std::size_t start = pos_;
  bool lowercase_seen = false;
  while (pos_ < line_.size() && line_[pos_] != ' ') {
    const auto c = static_cast<unsigned char>(line_[pos_]);
    const bool upper_mech_char = (c >= 'A' && c <= 'Z') || is_digit(c) || c == '-' || c == '_';
    if (!upper_mech_char) {
      if (!(options_.lenient && c >= 'a' && c <= 'z'))
        return ParseError{pos_, "SASL mechanism character (upper-case letter, digit, '-' or '_')"};
      if (!lowercase_seen) tolerate(Tolerance::lowercase_mechanism, pos_);
      lowercase_seen = true;
    }
    ++pos_;
  }
  if (pos_ == start) return ParseError{pos_, "SASL mechanism name"};
  if (pos_ - start > 20) return ParseError{start + 20, "SASL mechanism name of at most 20 characters"};
  Auth command{std::string(line_.substr(start, pos_ - start)), std::nullopt};
  if (pos_ < line_.size()) {
    ++pos_;
    skip_repeated_spaces();
    const std::size_t response_start = pos_;
    const std::string_view response = line_.substr(response_start);
    if (response.empty()) return ParseError{pos_, "initial response (base64, or \"=\" for an empty one)"};
    if (response == "=") {
      command.initial_response = std::string();  // RFC 4954 §4: "=" is a zero-length initial response
    } else {
      const std::size_t space = response.find(' ');
      if (space != std::string_view::npos)
        return ParseError{response_start + space, "end of line after the initial response"};
      auto decoded = base64_decode(response);
      if (!decoded) return shifted(decoded.error(), response_start);
      command.initial_response = std::move(*decoded);
    }
    pos_ = line_.size();
  }
  return Command{std::move(command)};
}

Result<std::string> LineParser::required_string(std::string_view verb) {
  if (auto error = argument_start("an argument after " + std::string(verb))) return *error;
  std::string argument(line_.substr(pos_));
  pos_ = line_.size();
  return argument;
}

Result<std::optional<std::string>> LineParser::optional_string() {
  if (pos_ == line_.size()) return std::optional<std::string>{};
  ++pos_;
  skip_repeated_spaces();
  if (pos_ == line_.size()) return ParseError{pos_, "an argument after SP"};
  std::optional<std::string> argument{std::string(line_.substr(pos_))};
  pos_ = line_.size();
  return argument;
}

void append_optional(std::string& out, const std::optional<std::string>& argument) {
  if (argument) out += " " + *argument;
}

}  // namespace

Result<ParsedCommand> parse_command_line(std::string_view line, const CommandOptions& options) {
  return LineParser(line, options).parse();
}

Step<ParsedCommand> parse_command(std::string_view buffer, const CommandOptions& options) {
  const LineScan scan = scan_line(buffer, options.max_line_length, LineEnding::crlf_or_bare_lf);
  if (scan.status == LineScan::Status::incomplete) return Step<ParsedCommand>::need_more();
  if (scan.status == LineScan::Status::too_long)
    return Step<ParsedCommand>::fail(ParseError{
        0, "command line of at most " + std::to_string(options.max_line_length) + " octets including CRLF"});
  if (scan.ended_by_bare_lf && options.ending == LineEnding::crlf_only)
    return Step<ParsedCommand>::fail(ParseError{scan.content_length, "CRLF (a bare LF ends this line)"});
  auto parsed = parse_command_line(buffer.substr(0, scan.content_length), options);
  if (!parsed) return Step<ParsedCommand>::fail(parsed.error());
  if (scan.ended_by_bare_lf) parsed->tolerated.push_back(Tolerated{Tolerance::bare_lf, scan.content_length});
  return Step<ParsedCommand>::done(std::move(*parsed), scan.total_length());
}

std::string serialize_command(const Command& command) {
  std::string out = std::visit(
      [](const auto& c) -> std::string {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, Helo>) {
          return "HELO " + c.domain.to_string();
        } else if constexpr (std::is_same_v<T, Ehlo>) {
          return "EHLO " + c.host.to_string();
        } else if constexpr (std::is_same_v<T, MailFrom>) {
          return "MAIL FROM:" + serialize_path(c.reverse_path) + serialize_parameters(c.parameters);
        } else if constexpr (std::is_same_v<T, RcptTo>) {
          return "RCPT TO:" + serialize_path(c.forward_path) + serialize_parameters(c.parameters);
        } else if constexpr (std::is_same_v<T, Data>) {
          return "DATA";
        } else if constexpr (std::is_same_v<T, Bdat>) {
          return "BDAT " + std::to_string(c.chunk_size) + (c.last ? " LAST" : "");
        } else if constexpr (std::is_same_v<T, Rset>) {
          return "RSET";
        } else if constexpr (std::is_same_v<T, Vrfy>) {
          return "VRFY " + c.argument;
        } else if constexpr (std::is_same_v<T, Expn>) {
          return "EXPN " + c.argument;
        } else if constexpr (std::is_same_v<T, Help>) {
          std::string line = "HELP";
          append_optional(line, c.argument);
          return line;
        } else if constexpr (std::is_same_v<T, Noop>) {
          std::string line = "NOOP";
          append_optional(line, c.argument);
          return line;
        } else if constexpr (std::is_same_v<T, Quit>) {
          return "QUIT";
        } else if constexpr (std::is_same_v<T, StartTls>) {
          return "STARTTLS";
        } else if constexpr (std::is_same_v<T, Auth>) {
          std::string line = "AUTH " + c.mechanism;
          if (c.initial_response) line += " " + (c.initial_response->empty() ? "=" : base64_encode(*c.initial_response));
          return line;
        } else {
          static_assert(std::is_same_v<T, UnknownCommand>);
          std::string line = c.verb;
          append_optional(line, c.argument);
          return line;
        }
      },
      command);
  out += "\r\n";
  return out;
}

std::string_view verb_of(const Command& command) {
  static constexpr std::string_view kVerbs[] = {"HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "VRFY",
                                                "EXPN", "HELP", "NOOP", "QUIT", "STARTTLS", "AUTH"};
  if (const auto* unknown = std::get_if<UnknownCommand>(&command)) return unknown->verb;
  return kVerbs[command.index()];
}

}  // namespace conformance::codec::smtp
