#include "harness/scenario/variables.hpp"

#include <algorithm>
#include <vector>

namespace conformance::scenario {

namespace {
constexpr std::string_view kRedacted = "<redacted>";

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '-';
}
}  // namespace

void Variables::set(std::string name, std::string value) { values_[std::move(name)] = Value{std::move(value), false}; }

void Variables::set_secret(std::string name, std::string value) {
  values_[std::move(name)] = Value{std::move(value), true};
}

std::optional<std::string> Variables::get(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second.text;
}

bool Variables::contains(std::string_view name) const { return values_.find(name) != values_.end(); }

bool Variables::is_secret(std::string_view name) const {
  auto it = values_.find(name);
  return it != values_.end() && it->second.secret;
}

std::optional<std::string> Variables::expand(std::string_view text, Expansion& out) const {
  out = Expansion{};
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '$' && i + 1 < text.size() && text[i + 1] == '$') {
      out.bytes += '$';
      out.rendering += '$';
      i += 2;
      continue;
    }
    if (c == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      const std::size_t close = text.find('}', i + 2);
      if (close == std::string_view::npos) return std::string(text.substr(i));
      const std::string_view name = text.substr(i + 2, close - i - 2);
      if (name.empty() || !std::all_of(name.begin(), name.end(), is_name_char)) return std::string(name);
      auto it = values_.find(name);
      if (it == values_.end()) return std::string(name);
      out.bytes += it->second.text;
      if (it->second.secret) {
        out.rendering += kRedacted;
        out.has_secret = true;
      } else {
        out.rendering += it->second.text;
      }
      i = close + 1;
      continue;
    }
    out.bytes += c;
    out.rendering += c;
    ++i;
  }
  return std::nullopt;
}

std::string Variables::scrub(std::string_view text) const {
  // Every byte inside any occurrence of any secret is hidden, then each run
  // of hidden bytes becomes one "<redacted>": overlapping secrets leak no
  // part of either, and no secret is looked for inside a "<redacted>".
  std::vector<bool> hidden;
  for (const auto& [name, value] : values_) {
    if (!value.secret || value.text.empty()) continue;
    for (std::size_t at = text.find(value.text); at != std::string_view::npos; at = text.find(value.text, at + 1)) {
      if (hidden.empty()) hidden.resize(text.size(), false);
      std::fill_n(hidden.begin() + static_cast<std::ptrdiff_t>(at), value.text.size(), true);
    }
  }
  if (hidden.empty()) return std::string(text);
  std::string result;
  result.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!hidden[i]) {
      result += text[i];
    } else if (i == 0 || !hidden[i - 1]) {
      result += kRedacted;
    }
  }
  return result;
}

}  // namespace conformance::scenario
