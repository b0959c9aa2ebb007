#include "harness/scenario/text_match.hpp"

#include "harness/scenario/yaml_fields.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace conformance::scenario {

namespace {

bool mentions_variables(std::string_view text) { return text.find("${") != std::string_view::npos; }

// The source with each ${name} replaced by `replace(name)`; "$$" kept as "$$"
// for regexes is wrong, so it becomes a quoted "$".
template <class F>
std::optional<std::string> substitute(std::string_view text, F replace) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '$') {
      out += "\\$";
      i += 2;
    } else if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      const std::size_t close = text.find('}', i + 2);
      if (close == std::string_view::npos) return std::nullopt;
      auto value = replace(text.substr(i + 2, close - i - 2));
      if (!value) return std::nullopt;
      out += *value;
      i = close + 1;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

std::optional<TextMatch> TextMatch::compile(const YAML::Node& node, const std::string& file, Diagnostics& diagnostics,
                                            std::string_view what) {
  TextMatch match;
  const std::size_t errors_before = diagnostics.size();
  // Where the text is, for messages. Not a YAML::Node: assigning one Node to
  // another rebinds the node it refers to (yaml-cpp), which would turn the
  // caller's mapping into its own scalar.
  SourceLocation source_where = location_of(node, file);
  if (node.IsScalar()) {
    match.kind_ = Kind::regex;
    match.source_ = node.Scalar();
  } else if (node.IsMap()) {
    Fields fields(node, file, diagnostics, std::string(what));
    int forms = 0;
    for (auto [key, kind] : {std::pair{"regex", Kind::regex}, std::pair{"equals", Kind::equals},
                             std::pair{"contains", Kind::contains}, std::pair{"starts_with", Kind::starts_with}}) {
      if (!fields.has(key)) continue;
      ++forms;
      source_where = location_of(fields.get(key), file);
      if (auto text = fields.string(key)) {
        match.kind_ = kind;
        match.source_ = *text;
      }
    }
    match.ignore_case_ = fields.boolean("ignore_case").value_or(false);
    fields.finish();
    if (forms != 1) {
      diagnostics.push_back(Diagnostic{location_of(node, file), std::string(what) +
                                                                    " needs exactly one of regex, equals, contains, "
                                                                    "starts_with"});
      return std::nullopt;
    }
    // A form that is not a string, a bad ignore_case or an unknown key: no match that half works.
    if (diagnostics.size() != errors_before) return std::nullopt;
  } else {
    diagnostics.push_back(Diagnostic{location_of(node, file), std::string(what) +
                                                                  " must be a regex string or a mapping, not " +
                                                                  describe_kind(node)});
    return std::nullopt;
  }

  match.has_variables_ = mentions_variables(match.source_);
  if (match.kind_ != Kind::regex) return match;

  // Check the regex now; variables stand in as a harmless placeholder. Even
  // without variables the regex is the substituted text, so "$$" means a
  // literal "$" here as everywhere else, not two end anchors.
  auto checked = substitute(match.source_, [](std::string_view) { return std::optional<std::string>("x"); });
  if (!checked) {
    diagnostics.push_back(Diagnostic{source_where, std::string(what) + ": unterminated ${"});
    return std::nullopt;
  }
  auto pattern = Pattern::compile(*checked, match.ignore_case_);
  if (!pattern) {
    diagnostics.push_back(Diagnostic{source_where, std::string(what) + ": bad regex: " + pattern.error()});
    return std::nullopt;
  }
  if (!match.has_variables_) match.compiled_ = std::move(pattern.value());
  return match;
}

TextMatch TextMatch::regex(Pattern pattern) {
  TextMatch match;
  match.kind_ = Kind::regex;
  match.source_ = pattern.source();
  match.ignore_case_ = pattern.case_insensitive();
  match.compiled_ = std::move(pattern);
  return match;
}

TextMatch TextMatch::equals(std::string text, bool ignore_case) {
  TextMatch match;
  match.kind_ = Kind::equals;
  match.source_ = std::move(text);
  match.ignore_case_ = ignore_case;
  return match;
}

TextMatch::Outcome TextMatch::match(std::string_view text, const Variables& variables) const {
  Outcome outcome;
  if (kind_ == Kind::regex) {
    const Pattern* pattern = compiled_ ? &*compiled_ : nullptr;
    std::optional<Pattern> expanded;
    if (!pattern) {
      std::string missing;
      auto source = substitute(source_, [&](std::string_view name) -> std::optional<std::string> {
        auto value = variables.get(name);
        if (!value) {
          missing = std::string(name);
          return std::nullopt;
        }
        return RE2::QuoteMeta(re2::StringPiece(value->data(), value->size()));
      });
      if (!source) {
        outcome.error = "variable ${" + missing + "} is not set";
        return outcome;
      }
      auto compiled = Pattern::compile(*source, ignore_case_);
      if (!compiled) {
        outcome.error = "regex after expansion: " + compiled.error();
        return outcome;
      }
      expanded = std::move(compiled.value());
      pattern = &*expanded;
    }
    if (auto captures = pattern->search(text)) {
      outcome.matched = true;
      captures->erase("0");
      outcome.captures = std::move(*captures);
    }
    return outcome;
  }

  Expansion expansion;
  if (auto missing = variables.expand(source_, expansion)) {
    outcome.error = "variable ${" + *missing + "} is not set";
    return outcome;
  }
  const std::string want = ignore_case_ ? lower(expansion.bytes) : expansion.bytes;
  const std::string have = ignore_case_ ? lower(text) : std::string(text);
  switch (kind_) {
    case Kind::equals:
      outcome.matched = have == want;
      break;
    case Kind::contains:
      outcome.matched = have.find(want) != std::string::npos;
      break;
    case Kind::starts_with:
      outcome.matched = have.starts_with(want);
      break;
    case Kind::regex:
      break;
  }
  return outcome;
}

std::string TextMatch::describe() const {
  const std::string suffix = ignore_case_ ? "i" : "";
  switch (kind_) {
    case Kind::regex:
      return "~ /" + source_ + "/" + suffix;
    case Kind::equals:
      return "= \"" + source_ + "\"" + (ignore_case_ ? " (any case)" : "");
    case Kind::contains:
      return "contains \"" + source_ + "\"" + (ignore_case_ ? " (any case)" : "");
    case Kind::starts_with:
      return "starts with \"" + source_ + "\"" + (ignore_case_ ? " (any case)" : "");
  }
  return source_;
}

}  // namespace conformance::scenario
