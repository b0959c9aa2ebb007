// Times and durations as the reports write them.
#include "reports/time_format.hpp"

#include <gtest/gtest.h>

namespace conformance::reports {
namespace {

using namespace std::chrono_literals;

const auto kMay1Noon = std::chrono::system_clock::time_point(1714564800s) + 123ms;

TEST(ReportTimeFormat, Iso8601IsUtcWithMillisecondsAndZ) {
  EXPECT_EQ(iso8601_utc(kMay1Noon), "2024-05-01T12:00:00.123Z");
}

TEST(ReportTimeFormat, JunitTimestampHasNoZoneAndNoFraction) {
  EXPECT_EQ(junit_timestamp(kMay1Noon), "2024-05-01T12:00:00");
}

TEST(ReportTimeFormat, SecondsTextKeepsMilliseconds) {
  EXPECT_EQ(seconds_text(0ms), "0.000");
  EXPECT_EQ(seconds_text(61'005ms), "61.005");
}

TEST(ReportTimeFormat, HumanDurationPicksAUnit) {
  EXPECT_EQ(human_duration(850ms), "850 ms");
  EXPECT_EQ(human_duration(12'340ms), "12.3 s");
  EXPECT_EQ(human_duration(59'960ms), "1 min 00 s");
  EXPECT_EQ(human_duration(245'000ms), "4 min 05 s");
}

}  // namespace
}  // namespace conformance::reports
