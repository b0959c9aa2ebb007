// Durations as scenario authors write them: "250ms", "2s", "1.5s", "1m".
// A bare number is seconds.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace conformance::scenario {

using Milliseconds = std::chrono::milliseconds;

std::optional<Milliseconds> parse_duration(std::string_view text);
std::string format_duration(Milliseconds duration);  // "250ms", "2s", "1.5s"

}  // namespace conformance::scenario
