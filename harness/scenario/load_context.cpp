#include "harness/scenario/load_context.hpp"

#include "harness/scenario/loader.hpp"
#include "harness/scenario/yaml_fields.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <cctype>

namespace conformance::scenario {

namespace {

bool is_variable_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '-';
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

void LoadContext::error(const YAML::Node& at, std::string message) const {
  diagnostics.push_back(Diagnostic{location_of(at, file), std::move(message)});
}

void LoadContext::check_variables(std::string_view text, const YAML::Node& at, std::string_view what) const {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != '$') continue;
    if (text[i + 1] == '$') {
      ++i;
      continue;
    }
    if (text[i + 1] != '{') continue;
    const std::size_t close = text.find('}', i + 2);
    if (close == std::string_view::npos) {
      error(at, std::string(what) + ": '${' without a closing '}' (write $$ for a literal $)");
      return;
    }
    const std::string_view name = text.substr(i + 2, close - i - 2);
    if (name.empty() || !std::all_of(name.begin(), name.end(), is_variable_name_char)) {
      error(at, std::string(what) + ": '${" + std::string(name) +
                    "}' is not a variable name (letters, digits, '_', '.', '-')");
    }
    i = close;
  }
}

std::optional<Milliseconds> LoadContext::duration(const YAML::Node& node, std::string_view what) const {
  auto text = scalar_string(node, file, diagnostics, what);
  if (!text) return std::nullopt;
  auto parsed = parse_duration(*text);
  if (!parsed) {
    error(node,
          std::string(what) + " must be a duration such as 250ms, 2s, 1.5s or 1m (at most a day), not '" + *text + "'");
  }
  return parsed;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = 3;  // more than two edits away is a different word
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance && distance < candidate.size()) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::optional<std::string> LoadContext::read_fixture_file(const std::string& written, const YAML::Node& at) const {
  namespace fs = std::filesystem;
  if (written.empty()) {
    error(at, "'file' is empty");
    return std::nullopt;
  }
  const fs::path path = fs::path(file).parent_path() / fs::path(written);
  const std::string shown = path.lexically_normal().generic_string();
  std::error_code failure;
  const fs::file_status status = fs::status(path, failure);
  if (failure || !fs::exists(status)) {
    error(at, "fixture file '" + written + "' not found (looked for " + shown + ")");
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    error(at, "fixture file '" + written + "' is not a regular file (" + shown + ")");
    return std::nullopt;
  }
  const auto size = fs::file_size(path, failure);
  if (failure || size > kMaxFixtureFileBytes) {
    error(
        at, "fixture file '" + written + "' is larger than " + std::to_string(kMaxFixtureFileBytes) + " bytes");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error(at, "fixture file '" + written + "' cannot be read (" + shown + ")");
    return std::nullopt;
  }
  // One byte more than we were told tells a file that grew since we looked.
  std::string content(static_cast<std::size_t>(size) + 1, '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  content.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    error(at, "fixture file '" + written + "' cannot be read (" + shown + ")");
    return std::nullopt;
  }
  if (content.size() > kMaxFixtureFileBytes) {
    error(
        at, "fixture file '" + written + "' is larger than " + std::to_string(kMaxFixtureFileBytes) + " bytes");
    return std::nullopt;
  }
  return content;
}

}  // namespace conformance::scenario
