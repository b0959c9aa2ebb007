// Internal to fakes/config: the value readers every section shares, on top
// of scenario::Fields, so a fault plan, a TLS section and a store section
// complain about durations and escaped bytes in the same words.
#pragma once

#include "harness/scenario/duration.hpp"
#include "harness/scenario/yaml_fields.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace conformance::fakes::config {

// A duration ("250ms", "2s", "1m"; a bare number is seconds) under `key`.
std::optional<std::chrono::milliseconds> duration_field(scenario::Fields& fields, std::string_view key);

// Bytes under `key` with the escapes of scenario `raw` sends (\r \n \t \0
// \\ \" \xHH) decoded; a bad escape is reported with its offset.
std::optional<std::string> escaped_bytes_field(scenario::Fields& fields, std::string_view key);

// A path under `key`, resolved against the folder of the file being read;
// the file must exist and be at most `max_bytes`. Returns its content.
struct LoadedFile {
  std::string path;     // as resolved, for messages
  std::string content;
};
std::optional<LoadedFile> file_field(scenario::Fields& fields, std::string_view key, std::size_t max_bytes);

// The folder `file` is in ("" for the current one), for resolving relative paths.
std::string folder_of(const std::string& file);

// The most a fixture file (message, mbox) may hold.
inline constexpr std::size_t kMaxFixtureFileBytes = 64u << 20;

}  // namespace conformance::fakes::config
