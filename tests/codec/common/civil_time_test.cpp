// harness/common/civil_time.hpp: the codecs' dates (IMAP date-time, mbox
// From_ lines, RFC 3339 in config) become instants only through it.
#include "harness/common/civil_time.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace conformance {
namespace {

using namespace std::chrono;

TEST(CivilTime, AnInstantIsTheFieldsLessTheZoneOffset) {
  auto instant = instant_of({2026, 11, 22, 10, 30, 0, 60});
  ASSERT_TRUE(instant.ok());
  EXPECT_EQ(*instant, sys_days{2026y / November / 22} + 9h + 30min);
}

TEST(CivilTime, ALeapSecondCountsAsTheLastSecondOfItsMinute) {
  auto instant = instant_of({2016, 12, 31, 23, 59, 60, 0});
  ASSERT_TRUE(instant.ok());
  EXPECT_EQ(*instant, sys_days{2016y / December / 31} + 23h + 59min + 59s);
}

TEST(CivilTime, FieldsThatAreNoDateAndTimeAreRefused) {
  EXPECT_EQ(instant_of({2026, 2, 29, 0, 0, 0, 0}).error(), CivilTimeError::not_a_date);
  EXPECT_EQ(instant_of({2026, 13, 1, 0, 0, 0, 0}).error(), CivilTimeError::not_a_date);
  EXPECT_EQ(instant_of({2026, 1, 1, 24, 0, 0, 0}).error(), CivilTimeError::not_a_date);
  EXPECT_EQ(instant_of({2026, 1, 1, 0, 60, 0, 0}).error(), CivilTimeError::not_a_date);
  EXPECT_EQ(instant_of({2026, 1, 1, 0, 0, 0, 24 * 60}).error(), CivilTimeError::not_a_date);
  EXPECT_TRUE(instant_of({2028, 2, 29, 0, 0, 0, 0}).ok());
}

// system_clock counts nanoseconds in 64 bits: the years a peer may write
// (IMAP date-year is any four digits) go far past what it holds.
TEST(CivilTime, YearsTheClockCannotHoldAreOutOfRangeNotAnOverflow) {
  EXPECT_EQ(instant_of({9999, 12, 31, 23, 59, 59, 0}).error(), CivilTimeError::out_of_range);
  EXPECT_EQ(instant_of({3026, 1, 1, 0, 0, 0, 0}).error(), CivilTimeError::out_of_range);
  EXPECT_EQ(instant_of({1000, 1, 1, 0, 0, 0, 0}).error(), CivilTimeError::out_of_range);
  EXPECT_EQ(instant_of({2147483647, 1, 1, 0, 0, 0, 0}).error(), CivilTimeError::out_of_range);
  EXPECT_TRUE(instant_of({2261, 12, 31, 23, 59, 59, 0}).ok());
  EXPECT_TRUE(instant_of({1900, 1, 1, 0, 0, 0, 0}).ok());
}

}  // namespace
}  // namespace conformance
