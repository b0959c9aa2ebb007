#include "harness/scenario/duration.hpp"

#include <gtest/gtest.h>

namespace conformance::scenario {
namespace {

TEST(ParseDuration, ReadsEachUnit) {
  EXPECT_EQ(parse_duration("250ms"), Milliseconds(250));
  EXPECT_EQ(parse_duration("2s"), Milliseconds(2000));
  EXPECT_EQ(parse_duration("1.5s"), Milliseconds(1500));
  EXPECT_EQ(parse_duration("1m"), Milliseconds(60000));
}

TEST(ParseDuration, ABareNumberIsSeconds) { EXPECT_EQ(parse_duration("3"), Milliseconds(3000)); }

TEST(ParseDuration, RoundsToTheNearestMillisecond) { EXPECT_EQ(parse_duration("0.0016s"), Milliseconds(2)); }

TEST(ParseDuration, RejectsMalformedText) {
  for (const char* text : {"", "ms", "s", "2 s", " 2s", "2h", "abc", "-1s", "nan", "infs", "1,5s", "2sec"}) {
    EXPECT_EQ(parse_duration(text), std::nullopt) << text;
  }
}

TEST(ParseDuration, RejectsMoreThanADay) {
  EXPECT_EQ(parse_duration("1440m"), Milliseconds(86'400'000));
  EXPECT_EQ(parse_duration("1441m"), std::nullopt);
  EXPECT_EQ(parse_duration("1e300s"), std::nullopt);
}

TEST(FormatDuration, PicksTheShortestExactForm) {
  EXPECT_EQ(format_duration(Milliseconds(250)), "250ms");
  EXPECT_EQ(format_duration(Milliseconds(2000)), "2s");
  EXPECT_EQ(format_duration(Milliseconds(1500)), "1.5s");
  EXPECT_EQ(format_duration(Milliseconds(1250)), "1250ms");
  EXPECT_EQ(format_duration(Milliseconds(0)), "0ms");
}

TEST(FormatDuration, RoundTripsThroughParse) {
  for (long ms : {0L, 1L, 999L, 1000L, 1100L, 1234L, 60000L, 86'400'000L}) {
    EXPECT_EQ(parse_duration(format_duration(Milliseconds(ms))), Milliseconds(ms)) << ms;
  }
}

}  // namespace
}  // namespace conformance::scenario
