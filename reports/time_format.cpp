#include "reports/time_format.hpp"

#include <fmt/format.h>

#include <ctime>

namespace conformance::reports {
namespace {

std::tm utc_fields(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm fields{};
  gmtime_r(&seconds, &fields);
  return fields;
}

std::string date_and_time(const std::tm& fields) {
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", fields.tm_year + 1900, fields.tm_mon + 1, fields.tm_mday,
                     fields.tm_hour, fields.tm_min, fields.tm_sec);
}

}  // namespace

std::string iso8601_utc(std::chrono::system_clock::time_point time) {
  const auto since_epoch = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch());
  const auto millis = ((since_epoch.count() % 1000) + 1000) % 1000;
  return fmt::format("{}.{:03}Z", date_and_time(utc_fields(time)), millis);
}

std::string junit_timestamp(std::chrono::system_clock::time_point time) { return date_and_time(utc_fields(time)); }

std::string seconds_text(std::chrono::milliseconds duration) {
  const long long ms = duration.count() < 0 ? 0 : duration.count();
  return fmt::format("{}.{:03}", ms / 1000, ms % 1000);
}

std::string human_duration(std::chrono::milliseconds duration) {
  const long long ms = duration.count() < 0 ? 0 : duration.count();
  if (ms < 1000) return fmt::format("{} ms", ms);
  if (ms < 59'950) return fmt::format("{:.1f} s", static_cast<double>(ms) / 1000.0);
  const long long seconds = (ms + 500) / 1000;
  return fmt::format("{} min {:02} s", seconds / 60, seconds % 60);
}

}  // namespace conformance::reports
