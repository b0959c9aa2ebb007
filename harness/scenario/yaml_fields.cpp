#include "harness/scenario/yaml_fields.hpp"

#include <algorithm>
#include <charconv>

namespace conformance::scenario {

SourceLocation location_of(const YAML::Node& node, const std::string& file) {
  SourceLocation where{file, 0, 0};
  if (!node.IsDefined()) return where;
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return where;
  where.line = mark.line + 1;
  where.column = mark.column + 1;
  return where;
}

std::string describe_kind(const YAML::Node& node) {
  if (!node.IsDefined()) return "nothing";
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return "null";
    case YAML::NodeType::Scalar:
      return "a scalar";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

Fields::Fields(const YAML::Node& node, std::string file, Diagnostics& diagnostics, std::string what)
    : node_(node), file_(std::move(file)), diagnostics_(diagnostics), what_(std::move(what)) {
  is_map_ = node_.IsMap();
  if (!is_map_) error(node_, what_ + " must be a mapping, not " + describe_kind(node_));
}

bool Fields::has(std::string_view key) const {
  if (!is_map_) return false;
  for (const auto& entry : node_) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return true;
  }
  return false;
}

YAML::Node Fields::get(std::string_view key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
  if (!is_map_) return YAML::Node(YAML::NodeType::Undefined);
  for (const auto& entry : node_) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node Fields::required(std::string_view key) {
  YAML::Node value = get(key);
  if (is_map_ && !value.IsDefined()) error(node_, what_ + " needs '" + std::string(key) + "'");
  return value;
}

std::optional<std::string> Fields::string(std::string_view key) {
  YAML::Node value = get(key);
  if (!value.IsDefined()) return std::nullopt;
  return scalar_string(value, file_, diagnostics_, "'" + std::string(key) + "'");
}

std::optional<std::string> Fields::required_string(std::string_view key) {
  YAML::Node value = required(key);
  if (!value.IsDefined()) return std::nullopt;
  return scalar_string(value, file_, diagnostics_, "'" + std::string(key) + "'");
}

std::optional<std::int64_t> Fields::integer(std::string_view key, std::int64_t min, std::int64_t max) {
  YAML::Node value = get(key);
  if (!value.IsDefined()) return std::nullopt;
  auto text = scalar_string(value, file_, diagnostics_, "'" + std::string(key) + "'");
  if (!text) return std::nullopt;
  std::int64_t number = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, number);
  if (ec != std::errc() || ptr != end) {
    error(value, "'" + std::string(key) + "' must be an integer, not '" + *text + "'");
    return std::nullopt;
  }
  if (number < min || number > max) {
    error(value, "'" + std::string(key) + "' must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> Fields::boolean(std::string_view key) {
  YAML::Node value = get(key);
  if (!value.IsDefined()) return std::nullopt;
  auto text = scalar_string(value, file_, diagnostics_, "'" + std::string(key) + "'");
  if (!text) return std::nullopt;
  if (*text == "true" || *text == "yes") return true;
  if (*text == "false" || *text == "no") return false;
  error(value, "'" + std::string(key) + "' must be true or false, not '" + *text + "'");
  return std::nullopt;
}

std::vector<std::string> Fields::strings(std::string_view key) {
  YAML::Node value = get(key);
  if (!value.IsDefined()) return {};
  return string_list(value, file_, diagnostics_, "'" + std::string(key) + "'");
}

std::optional<std::string> Fields::choice(std::string_view key, const std::vector<std::string>& choices) {
  YAML::Node value = get(key);
  if (!value.IsDefined()) return std::nullopt;
  auto text = scalar_string(value, file_, diagnostics_, "'" + std::string(key) + "'");
  if (!text) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *text) != choices.end()) return text;
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
  error(value, "'" + std::string(key) + "' must be one of " + list + ", not '" + *text + "'");
  return std::nullopt;
}

void Fields::finish() {
  if (!is_map_) return;
  for (const auto& entry : node_) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string("?");
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    std::string list;
    for (const auto& k : known_) list += (list.empty() ? "" : ", ") + k;
    error(entry.first, "unknown key '" + key + "' in " + what_ + " (known: " + list + ")");
  }
}

void Fields::error(const YAML::Node& at, std::string message) {
  diagnostics_.push_back(Diagnostic{location_of(at.IsDefined() ? at : node_, file_), std::move(message)});
}

std::optional<std::string> scalar_string(const YAML::Node& node, const std::string& file, Diagnostics& diagnostics,
                                         std::string_view what) {
  if (node.IsScalar()) return node.Scalar();
  diagnostics.push_back(
      Diagnostic{location_of(node, file), std::string(what) + " must be a string, not " + describe_kind(node)});
  return std::nullopt;
}

std::vector<std::string> string_list(const YAML::Node& node, const std::string& file, Diagnostics& diagnostics,
                                     std::string_view what) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) {
    diagnostics.push_back(Diagnostic{location_of(node, file), std::string(what) +
                                                                  " must be a string or a list of strings, not " +
                                                                  describe_kind(node)});
    return out;
  }
  for (const auto& item : node) {
    if (auto text = scalar_string(item, file, diagnostics, std::string(what) + " items")) out.push_back(*text);
  }
  return out;
}

}  // namespace conformance::scenario
