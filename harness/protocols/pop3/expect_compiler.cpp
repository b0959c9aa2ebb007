#include "harness/protocols/pop3/expect_compiler.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "harness/codec/pop3/response_code.hpp"
#include "harness/scenario/yaml_fields.hpp"

namespace conformance::protocols::pop3 {
namespace {

using scenario::Diagnostic;
using scenario::Diagnostics;
using scenario::Fields;
using scenario::TextMatch;

constexpr std::array<std::string_view, 5> kTextMatchKeys = {"regex", "equals", "contains", "starts_with",
                                                            "ignore_case"};

bool is_decimal(std::string_view text) {
  return !text.empty() && text.size() <= 19 &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

bool mentions_variable(std::string_view text) { return text.find("${") != std::string_view::npos; }

// `text` as a regex matching it literally; ${name} and $$ stay as they are,
// for TextMatch to expand (quoted) at match time.
std::string quote_literal(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t token = text.find('$', i);
    if (token == std::string_view::npos) token = text.size();
    out += RE2::QuoteMeta(re2::StringPiece(text.data() + i, token - i));
    if (token == text.size()) break;
    std::size_t end = token + 1;
    if (end < text.size() && text[end] == '$') {
      end += 1;
    } else if (end < text.size() && text[end] == '{' && text.find('}', end) != std::string_view::npos) {
      end = text.find('}', end) + 1;
    } else {
      out += "\\$";
      i = end;
      continue;
    }
    out += text.substr(token, end - token);
    i = end;
  }
  return out;
}

class Compiler {
 public:
  Compiler(const std::string& file, Diagnostics& diagnostics) : file_(file), diagnostics_(diagnostics) {}

  std::optional<ReplyExpectation> reply(const YAML::Node& node, bool top_level);

 private:
  void error(const YAML::Node& at, std::string message) {
    diagnostics_.push_back(Diagnostic{scenario::location_of(at, file_), std::move(message)});
  }

  std::optional<ExpectedStatus> status_shorthand(const YAML::Node& node);
  std::optional<std::string> number_operand(const YAML::Node& node, std::string_view what);
  std::optional<std::string> capture_name(const YAML::Node& node, std::string_view what);
  std::optional<NumberCheck> number(const YAML::Node& node, std::string_view what);
  std::optional<TextCheck> text(const YAML::Node& node, std::string_view what);
  std::optional<TextMatch> text_match(const YAML::Node& node, std::string_view what);
  std::optional<LinesCheck> lines(const YAML::Node& node);
  std::optional<StatCheck> stat(const YAML::Node& node);
  std::optional<ListingCheck> listing(const YAML::Node& node, ListingCheck::Kind kind);
  std::optional<CapaCheck> capa(const YAML::Node& node);
  std::optional<MessageCheck> message(const YAML::Node& node);
  void check_consistency(const YAML::Node& node, ReplyExpectation& reply);

  const std::string& file_;
  Diagnostics& diagnostics_;
};

std::optional<ExpectedStatus> Compiler::status_shorthand(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (text == "+OK") return ExpectedStatus::ok;
  if (text == "-ERR") return ExpectedStatus::err;
  if (text == "+") return ExpectedStatus::continuation;
  error(node, "status must be +OK, -ERR or +, not '" + text + "'");
  return std::nullopt;
}

// A decimal number or text with ${variables} that must expand to one.
std::optional<std::string> Compiler::number_operand(const YAML::Node& node, std::string_view what) {
  auto text = scenario::scalar_string(node, file_, diagnostics_, what);
  if (!text) return std::nullopt;
  if (is_decimal(*text) || mentions_variable(*text)) return text;
  error(node, std::string(what) + " must be a number or a ${variable}, not '" + *text + "'");
  return std::nullopt;
}

std::optional<std::string> Compiler::capture_name(const YAML::Node& node, std::string_view what) {
  auto name = scenario::scalar_string(node, file_, diagnostics_, what);
  if (!name) return std::nullopt;
  if (is_variable_name(*name)) return name;
  error(node, std::string(what) + " must be a variable name ([A-Za-z_][A-Za-z0-9_]*), not '" + *name + "'");
  return std::nullopt;
}

// `3`, `${n}`, `n` (capture) or {equals, min, max, capture}.
std::optional<NumberCheck> Compiler::number(const YAML::Node& node, std::string_view what) {
  NumberCheck check;
  if (node.IsScalar()) {
    const std::string& text = node.Scalar();
    if (is_decimal(text) || mentions_variable(text)) {
      check.equals = text;
      return check;
    }
    if (is_variable_name(text)) {
      check.capture = text;
      return check;
    }
    error(node, std::string(what) + " must be a number, a ${variable}, a name to capture into or a mapping, not '" +
                    text + "'");
    return std::nullopt;
  }
  const std::size_t errors = diagnostics_.size();
  Fields fields(node, file_, diagnostics_, std::string(what));
  if (!fields.ok()) return std::nullopt;
  for (auto [key, slot] :
       {std::pair{"equals", &check.equals}, std::pair{"min", &check.min}, std::pair{"max", &check.max}}) {
    const YAML::Node value = fields.get(key);
    if (value.IsDefined()) *slot = number_operand(value, "'" + std::string(key) + "'");
  }
  if (const YAML::Node value = fields.get("capture"); value.IsDefined())
    check.capture = capture_name(value, "'capture'").value_or("");
  fields.finish();
  if (diagnostics_.size() != errors) return std::nullopt;
  if (!check.equals && !check.min && !check.max && check.capture.empty()) {
    error(node, std::string(what) + " needs one of equals, min, max, capture");
    return std::nullopt;
  }
  return check;
}

// The mapping forms of a text condition, built here rather than by
// TextMatch::compile: that one assigns the form's value to a copy of the
// mapping's handle, and a yaml-cpp assignment rebinds the shared node, so
// the mapping turns into the scalar before its value is read. Equals maps
// onto TextMatch::equals; contains and starts_with onto a regex of the
// quoted text (a ${variable} inside is quoted at match time); ignore_case
// onto RE2's (?i).
std::optional<TextMatch> Compiler::text_match(const YAML::Node& node, std::string_view what) {
  const std::string name = "'" + std::string(what) + "'";
  if (!node.IsMap()) return TextMatch::compile(node, file_, diagnostics_, name);
  const std::size_t errors = diagnostics_.size();
  Fields fields(node, file_, diagnostics_, name);
  std::optional<std::string> form, source;
  YAML::Node source_node;
  for (std::string_view key : {"regex", "equals", "contains", "starts_with"}) {
    if (!fields.has(key)) continue;
    if (form) error(node, name + " needs exactly one of regex, equals, contains, starts_with");
    form = std::string(key);
    source_node.reset(fields.get(key));
    source = fields.string(key);
  }
  const bool ignore_case = fields.boolean("ignore_case").value_or(false);
  fields.finish();
  if (!form) error(node, name + " needs exactly one of regex, equals, contains, starts_with");
  if (diagnostics_.size() != errors || !source) return std::nullopt;
  if (*form == "equals") return TextMatch::equals(*source, ignore_case);
  std::string regex = *form == "regex" ? *source : quote_literal(*source);
  if (*form == "starts_with") regex = "^" + regex;
  if (ignore_case) regex = "(?i)" + regex;
  YAML::Node scalar(regex);
  auto match = TextMatch::compile(scalar, file_, diagnostics_, name);
  // The scalar has no position; the complaint belongs where the value was written.
  for (std::size_t i = errors; i < diagnostics_.size(); ++i)
    diagnostics_[i].where = scenario::location_of(source_node, file_);
  return match;
}

// A TextMatch, optionally with `capture:` beside it, or `{capture: name}` alone.
std::optional<TextCheck> Compiler::text(const YAML::Node& node, std::string_view what) {
  TextCheck check;
  if (!node.IsMap() || !node["capture"].IsDefined()) {
    check.match = text_match(node, what);
    if (!check.match) return std::nullopt;
    return check;
  }
  const std::size_t errors = diagnostics_.size();
  Fields fields(node, file_, diagnostics_, "'" + std::string(what) + "'");
  check.capture = capture_name(fields.get("capture"), "'capture'").value_or("");
  YAML::Node rest(YAML::NodeType::Map);
  for (std::string_view key : kTextMatchKeys) {
    const YAML::Node value = fields.get(key);
    if (value.IsDefined()) rest[std::string(key)] = value;
  }
  fields.finish();
  if (diagnostics_.size() != errors) return std::nullopt;
  if (rest.size() > 0) {
    check.match = text_match(rest, what);
    if (!check.match) return std::nullopt;
  }
  return check;
}

std::optional<LinesCheck> Compiler::lines(const YAML::Node& node) {
  const std::size_t errors = diagnostics_.size();
  LinesCheck check;
  Fields fields(node, file_, diagnostics_, "'lines'");
  if (!fields.ok()) return std::nullopt;
  if (const YAML::Node value = fields.get("count"); value.IsDefined()) check.count = number(value, "'count'");
  // `min:` / `max:` are shorthands for count bounds.
  for (auto [key, bound] : {std::pair{"min", &NumberCheck::min}, std::pair{"max", &NumberCheck::max}}) {
    const YAML::Node value = fields.get(key);
    if (!value.IsDefined()) continue;
    if (!check.count) check.count.emplace();
    check.count.value().*bound = number_operand(value, "'" + std::string(key) + "'");
  }
  for (auto [key, slot] :
       {std::pair{"any", &check.any}, std::pair{"each", &check.each}, std::pair{"none", &check.none}}) {
    const YAML::Node value = fields.get(key);
    if (value.IsDefined()) *slot = text_match(value, key);
  }
  fields.finish();
  if (diagnostics_.size() != errors) return std::nullopt;
  return check;
}

std::optional<StatCheck> Compiler::stat(const YAML::Node& node) {
  const std::size_t errors = diagnostics_.size();
  StatCheck check;
  Fields fields(node, file_, diagnostics_, "'stat'");
  if (!fields.ok()) return std::nullopt;
  if (const YAML::Node value = fields.get("count"); value.IsDefined()) check.count = number(value, "'count'");
  if (const YAML::Node value = fields.get("size"); value.IsDefined()) check.size = number(value, "'size'");
  fields.finish();
  if (diagnostics_.size() != errors) return std::nullopt;
  return check;
}

std::optional<ListingCheck> Compiler::listing(const YAML::Node& node, ListingCheck::Kind kind) {
  const std::size_t errors = diagnostics_.size();
  ListingCheck check;
  check.kind = kind;
  const bool scan = kind == ListingCheck::Kind::scan;
  Fields fields(node, file_, diagnostics_, scan ? "'list'" : "'uidl'");
  if (!fields.ok()) return std::nullopt;
  if (const YAML::Node value = fields.get("count"); value.IsDefined()) check.count = number(value, "'count'");
  if (const YAML::Node value = fields.get("message"); value.IsDefined())
    check.message = number_operand(value, "'message'");
  if (scan) {
    if (const YAML::Node value = fields.get("size"); value.IsDefined()) check.size = number(value, "'size'");
  } else {
    if (const YAML::Node value = fields.get("uid"); value.IsDefined()) check.uid = text(value, "uid");
  }
  fields.finish();
  if (diagnostics_.size() != errors) return std::nullopt;
  return check;
}

std::optional<CapaCheck> Compiler::capa(const YAML::Node& node) {
  const std::size_t errors = diagnostics_.size();
  CapaCheck check;
  Fields fields(node, file_, diagnostics_, "'capa'");
  if (!fields.ok()) return std::nullopt;
  check.has = fields.strings("has");
  check.lacks = fields.strings("lacks");
  fields.finish();
  if (diagnostics_.size() != errors) return std::nullopt;
  for (const auto& item : check.has)
    if (item.empty()) error(node, "'capa' items must not be empty");
  for (const auto& item : check.lacks)
    if (item.empty()) error(node, "'capa' items must not be empty");
  if (diagnostics_.size() != errors) return std::nullopt;
  return check;
}

std::optional<MessageCheck> Compiler::message(const YAML::Node& node) {
  const std::size_t errors = diagnostics_.size();
  MessageCheck check;
  Fields fields(node, file_, diagnostics_, "'message'");
  if (!fields.ok()) return std::nullopt;
  if (const YAML::Node headers = fields.get("header"); headers.IsDefined()) {
    if (!headers.IsMap()) {
      error(headers, "'header' must be a mapping of field names to text conditions");
    } else {
      for (const auto& entry : headers) {
        auto name = scenario::scalar_string(entry.first, file_, diagnostics_, "a header field name");
        auto condition = text(entry.second, name ? *name : "header");
        if (name && condition) check.headers.emplace_back(*name, std::move(*condition));
      }
    }
  }
  if (const YAML::Node value = fields.get("body"); value.IsDefined()) check.body = text(value, "body");
  if (const YAML::Node value = fields.get("body_lines"); value.IsDefined())
    check.body_lines = number(value, "'body_lines'");
  if (const YAML::Node value = fields.get("size"); value.IsDefined()) check.size = number(value, "'size'");
  fields.finish();
  if (diagnostics_.size() != errors) return std::nullopt;
  return check;
}

void Compiler::check_consistency(const YAML::Node& node, ReplyExpectation& reply) {
  const int helpers = int(reply.stat.has_value()) + int(reply.listing.has_value()) + int(reply.capa.has_value()) +
                      int(reply.message.has_value());
  if (helpers > 1) error(node, "expect takes at most one of stat, list, uidl, capa, message");
  const bool needs_ok = helpers > 0 || reply.lines.has_value();
  if (needs_ok) {
    if (reply.status && *reply.status != ExpectedStatus::ok)
      error(node, "stat, list, uidl, capa, message and lines check a +OK reply, but status is " +
                      std::string(to_string(*reply.status)));
    reply.status = ExpectedStatus::ok;
  }
  const bool needs_body = reply.lines || reply.capa || reply.message;
  if (needs_body && reply.multiline == false)
    error(node, "lines, capa and message check a multi-line body, but multiline is false");
  if (reply.code && reply.status == ExpectedStatus::continuation)
    error(node, "a continuation (+) carries no response code");
}

std::optional<ReplyExpectation> Compiler::reply(const YAML::Node& node, bool top_level) {
  ReplyExpectation reply;
  if (node.IsScalar()) {
    reply.status = status_shorthand(node);
    if (!reply.status) return std::nullopt;
    return reply;
  }
  const std::size_t errors = diagnostics_.size();
  Fields fields(node, file_, diagnostics_, "expect");
  if (!fields.ok()) return std::nullopt;

  if (const YAML::Node value = fields.get("status"); value.IsDefined()) {
    if (value.IsScalar())
      reply.status = status_shorthand(value);
    else
      error(value, "'status' must be +OK, -ERR or +, not " + scenario::describe_kind(value));
  }
  if (auto code = fields.string("code")) {
    std::size_t consumed = 0;
    const std::string bracketed = "[" + *code + "]";
    auto parsed = codec::pop3::parse_response_code(bracketed, &consumed);
    if (parsed && consumed == bracketed.size())
      reply.code = *code;
    else
      error(fields.get("code"),
            "'code' must be a response code such as IN-USE or SYS/TEMP (RFC 2449 §3), not '" + *code + "'");
  }
  if (const YAML::Node value = fields.get("text"); value.IsDefined()) reply.text = text(value, "text");
  if (const YAML::Node value = fields.get("capture"); value.IsDefined()) {
    if (auto name = capture_name(value, "'capture'")) {
      if (!reply.text) reply.text.emplace();
      if (!reply.text->capture.empty()) error(value, "the text is captured twice ('capture' and 'text: {capture}')");
      reply.text->capture = *name;
    }
  }
  if (fields.has("multiline")) {
    if (top_level)
      reply.multiline = fields.boolean("multiline");
    else
      error(fields.get("multiline"), "'multiline' belongs to the expectation, not to a one_of alternative");
  }
  if (const YAML::Node value = fields.get("lines"); value.IsDefined()) reply.lines = lines(value);
  if (const YAML::Node value = fields.get("stat"); value.IsDefined()) reply.stat = stat(value);
  if (const YAML::Node value = fields.get("list"); value.IsDefined())
    reply.listing = listing(value, ListingCheck::Kind::scan);
  if (const YAML::Node value = fields.get("uidl"); value.IsDefined()) {
    if (reply.listing)
      error(value, "expect takes at most one of stat, list, uidl, capa, message");
    else
      reply.listing = listing(value, ListingCheck::Kind::unique_id);
  }
  if (const YAML::Node value = fields.get("capa"); value.IsDefined()) reply.capa = capa(value);
  if (const YAML::Node value = fields.get("message"); value.IsDefined()) reply.message = message(value);
  if (const YAML::Node value = fields.get("one_of"); value.IsDefined()) {
    if (!value.IsSequence() || value.size() == 0) {
      error(value, "'one_of' must be a non-empty list of reply expectations");
    } else {
      for (const auto& alternative : value) {
        if (auto compiled = this->reply(alternative, false)) reply.one_of.push_back(std::move(*compiled));
      }
    }
  }
  fields.finish();
  if (diagnostics_.size() != errors) return std::nullopt;
  check_consistency(node, reply);
  if (diagnostics_.size() != errors) return std::nullopt;
  return reply;
}

}  // namespace

bool is_variable_name(std::string_view name) {
  if (name.empty()) return false;
  const auto first = static_cast<unsigned char>(name.front());
  if (!(std::isalpha(first) || first == '_')) return false;
  return std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) != 0 || c == '_'; });
}

std::optional<std::vector<ReplyExpectation>> compile_expectation(const YAML::Node& node, const std::string& file,
                                                                 scenario::Diagnostics& diagnostics) {
  Compiler compiler(file, diagnostics);
  const std::size_t errors = diagnostics.size();
  std::vector<ReplyExpectation> replies;
  if (node.IsSequence()) {
    if (node.size() == 0) {
      diagnostics.push_back(Diagnostic{scenario::location_of(node, file),
                                       "expect: an empty list expects nothing; give one reply or more"});
      return std::nullopt;
    }
    for (const auto& item : node) {
      if (auto reply = compiler.reply(item, true)) replies.push_back(std::move(*reply));
    }
  } else if (node.IsScalar() || node.IsMap()) {
    if (auto reply = compiler.reply(node, true)) replies.push_back(std::move(*reply));
  } else {
    diagnostics.push_back(
        Diagnostic{scenario::location_of(node, file),
                   "expect must be a status, a mapping or a list of them, not " + scenario::describe_kind(node)});
  }
  if (diagnostics.size() != errors) return std::nullopt;
  return replies;
}

}  // namespace conformance::protocols::pop3
