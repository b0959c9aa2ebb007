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
  std::vector<const std::string*> secrets;
  for (const auto& [name, value] : values_) {
    if (value.secret && !value.text.empty()) secrets.push_back(&value.text);
  }
  std::sort(secrets.begin(), secrets.end(), [](auto* a, auto* b) { return a->size() > b->size(); });
  std::string result(text);
  for (const std::string* secret : secrets) {
    for (std::size_t at = result.find(*secret); at != std::string::npos; at = result.find(*secret, at)) {
      result.replace(at, secret->size(), kRedacted);
      at += kRedacted.size();
    }
  }
  return result;
}

}  // namespace conformance::scenario
