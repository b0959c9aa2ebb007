#include "harness/protocols/pop3/expectation.hpp"

namespace conformance::protocols::pop3 {
namespace {

// Joins the non-empty parts with ", ".
std::string join(const std::vector<std::string>& parts, std::string_view separator = ", ") {
  std::string out;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string named(std::string_view name, const std::optional<NumberCheck>& check) {
  return check ? std::string(name) + " " + check->describe() : std::string();
}

std::string named(std::string_view name, const std::optional<TextCheck>& check) {
  return check ? std::string(name) + " " + check->describe() : std::string();
}

std::string named(std::string_view name, const std::optional<scenario::TextMatch>& match) {
  return match ? std::string(name) + " " + match->describe() : std::string();
}

std::string list(const std::vector<std::string>& items) { return "[" + join(items) + "]"; }

}  // namespace

std::string_view to_string(ExpectedStatus status) {
  switch (status) {
    case ExpectedStatus::ok:
      return "+OK";
    case ExpectedStatus::err:
      return "-ERR";
    case ExpectedStatus::continuation:
      return "+";
  }
  return "+OK";
}

std::string NumberCheck::describe() const {
  std::vector<std::string> parts;
  if (equals) parts.push_back("= " + *equals);
  if (min) parts.push_back(">= " + *min);
  if (max) parts.push_back("<= " + *max);
  if (!capture.empty()) parts.push_back("-> ${" + capture + "}");
  return join(parts, " and ");
}

std::string TextCheck::describe() const {
  std::vector<std::string> parts;
  if (match) parts.push_back(match->describe());
  if (!capture.empty()) parts.push_back("-> ${" + capture + "}");
  return join(parts, " and ");
}

std::string LinesCheck::describe() const {
  return "lines (" + join({named("count", count), named("any", any), named("each", each), named("none", none)}) + ")";
}

std::string StatCheck::describe() const {
  return "STAT listing (" + join({named("count", count), named("size", size)}) + ")";
}

std::string ListingCheck::describe() const {
  const std::string what = kind == Kind::scan ? "LIST" : "UIDL";
  return what + " listing (" +
         join({named("count", count), message ? "message " + *message : std::string(), named("size", size),
               named("uid", uid)}) +
         ")";
}

std::string CapaCheck::describe() const {
  return "capabilities (" +
         join({has.empty() ? std::string() : "has " + list(has),
               lacks.empty() ? std::string() : "lacks " + list(lacks)}) +
         ")";
}

std::string MessageCheck::describe() const {
  std::vector<std::string> parts;
  for (const auto& [name, check] : headers) parts.push_back(name + ": " + check.describe());
  parts.push_back(named("body", body));
  parts.push_back(named("body lines", body_lines));
  parts.push_back(named("size", size));
  return "message (" + join(parts) + ")";
}

std::string ReplyExpectation::describe() const {
  std::vector<std::string> parts;
  if (!one_of.empty()) {
    std::vector<std::string> alternatives;
    for (const auto& alternative : one_of) alternatives.push_back(alternative.describe());
    parts.push_back("one of {" + join(alternatives, " | ") + "}");
  }
  if (status) parts.emplace_back(to_string(*status));
  if (code) parts.push_back("[" + *code + "]");
  parts.push_back(named("text", text));
  if (multiline) parts.push_back(*multiline ? "multi-line" : "single-line");
  if (lines) parts.push_back(lines->describe());
  if (stat) parts.push_back(stat->describe());
  if (listing) parts.push_back(listing->describe());
  if (capa) parts.push_back(capa->describe());
  if (message) parts.push_back(message->describe());
  const std::string out = join(parts);
  return out.empty() ? "any reply" : out;
}

std::string Pop3Expect::describe() const {
  if (replies_.size() == 1) return replies_.front().describe();
  std::string out;
  for (std::size_t i = 0; i < replies_.size(); ++i) {
    if (i) out += "; ";
    out += std::to_string(i + 1) + ": " + replies_[i].describe();
  }
  return out;
}

}  // namespace conformance::protocols::pop3
