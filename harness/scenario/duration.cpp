#include "harness/scenario/duration.hpp"

#include <charconv>
#include <cmath>

namespace conformance::scenario {

std::optional<Milliseconds> parse_duration(std::string_view text) {
  double unit_ms = 1000.0;
  if (text.ends_with("ms")) {
    unit_ms = 1.0;
    text.remove_suffix(2);
  } else if (text.ends_with("s")) {
    text.remove_suffix(1);
  } else if (text.ends_with("m")) {
    unit_ms = 60000.0;
    text.remove_suffix(1);
  }
  if (text.empty()) return std::nullopt;
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value) || value < 0) return std::nullopt;
  const double ms = value * unit_ms;
  if (ms > 24.0 * 3600 * 1000) return std::nullopt;  // a day: surely a typo
  return Milliseconds(static_cast<long long>(std::llround(ms)));
}

std::string format_duration(Milliseconds duration) {
  const auto ms = duration.count();
  if (ms < 1000 || ms % 100 != 0) return std::to_string(ms) + "ms";
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  return std::to_string(ms / 1000) + "." + std::to_string((ms % 1000) / 100) + "s";
}

}  // namespace conformance::scenario
