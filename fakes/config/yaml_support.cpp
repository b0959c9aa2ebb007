#include "fakes/config/yaml_support.hpp"

#include "harness/scenario/loader.hpp"

#include <filesystem>
#include <fstream>

namespace conformance::fakes::config {

namespace fs = std::filesystem;

std::optional<std::chrono::milliseconds> duration_field(scenario::Fields& fields, std::string_view key) {
  const YAML::Node node = fields.get(key);
  if (!node.IsDefined()) return std::nullopt;
  auto text = scenario::scalar_string(node, fields.file(), fields.diagnostics(), "'" + std::string(key) + "'");
  if (!text) return std::nullopt;
  auto parsed = scenario::parse_duration(*text);
  if (!parsed) {
    fields.error(node, "'" + std::string(key) + "' must be a duration such as 250ms, 2s, 1.5s or 1m, not '" + *text +
                           "'");
  }
  return parsed;
}

std::optional<std::string> escaped_bytes_field(scenario::Fields& fields, std::string_view key) {
  const YAML::Node node = fields.get(key);
  if (!node.IsDefined()) return std::nullopt;
  auto text = scenario::scalar_string(node, fields.file(), fields.diagnostics(), "'" + std::string(key) + "'");
  if (!text) return std::nullopt;
  auto decoded = scenario::decode_escapes(*text);
  if (!decoded) {
    fields.error(node, "'" + std::string(key) + "': bad escape at " + decoded.error().describe());
    return std::nullopt;
  }
  return std::move(decoded.value());
}

std::string folder_of(const std::string& file) { return fs::path(file).parent_path().string(); }

std::optional<LoadedFile> file_field(scenario::Fields& fields, std::string_view key, std::size_t max_bytes) {
  const YAML::Node node = fields.get(key);
  if (!node.IsDefined()) return std::nullopt;
  auto name = scenario::scalar_string(node, fields.file(), fields.diagnostics(), "'" + std::string(key) + "'");
  if (!name) return std::nullopt;
  if (name->empty()) {
    fields.error(node, "'" + std::string(key) + "' is empty: give a file name");
    return std::nullopt;
  }
  fs::path path(*name);
  if (path.is_relative()) path = fs::path(folder_of(fields.file())) / path;
  LoadedFile loaded;
  loaded.path = path.lexically_normal().string();
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    fields.error(node, "file '" + *name + "' not found (looked for " + loaded.path + ")");
    return std::nullopt;
  }
  const auto size = fs::file_size(path, error);
  if (error || size > max_bytes) {
    fields.error(node, "file '" + *name + "' is larger than " + std::to_string(max_bytes) + " bytes");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  loaded.content.resize(static_cast<std::size_t>(size));
  if (!in.read(loaded.content.data(), static_cast<std::streamsize>(size))) {
    fields.error(node, "cannot read file '" + loaded.path + "'");
    return std::nullopt;
  }
  return loaded;
}

}  // namespace conformance::fakes::config
