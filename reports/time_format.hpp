// Times and durations as each report writes them.
#pragma once

#include <chrono>
#include <string>

namespace conformance::reports {

// "2024-05-01T12:00:00.123Z" (UTC).
std::string iso8601_utc(std::chrono::system_clock::time_point time);
// "2024-05-01T12:00:00": UTC without a zone, the form the Ant JUnit schema
// that Jenkins follows accepts.
std::string junit_timestamp(std::chrono::system_clock::time_point time);
// "1.234": seconds with milliseconds, for JUnit time attributes.
std::string seconds_text(std::chrono::milliseconds duration);
// "850 ms", "12.3 s", "4 min 05 s": for people.
std::string human_duration(std::chrono::milliseconds duration);

}  // namespace conformance::reports
