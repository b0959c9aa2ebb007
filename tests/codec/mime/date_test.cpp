#include "harness/codec/mime/date.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::mime {
namespace {

DateTime make(std::optional<int> dow, int day, int month, int year, int hour, int minute, std::optional<int> second,
              int zone, bool unknown = false) {
  return DateTime{dow, day, month, year, hour, minute, second, zone, unknown};
}

TEST(MimeDate, ParsesTheCurrentSyntax) {
  auto date = parse_date_time("Fri, 21 Nov 1997 09:55:06 -0600");
  ASSERT_TRUE(date) << date.error().message();
  EXPECT_EQ(*date, make(4, 21, 11, 1997, 9, 55, 6, -360));
  EXPECT_EQ(date->implied_day_of_week(), 4);
}

TEST(MimeDate, ParsesNegativeHalfHourZoneOfAppendixA13) {
  auto date = parse_date_time("Thu, 13 Feb 1969 23:32:54 -0330");
  ASSERT_TRUE(date);
  EXPECT_EQ(*date, make(3, 13, 2, 1969, 23, 32, 54, -210));
}

TEST(MimeDate, ParsesFoldedDateWithoutSecondsOfAppendixA5) {
  auto date = parse_date_time(" Thu,\r\n     13\r\n       Feb\r\n         1969\r\n     23:32\r\n"
                              "              -0330 (Newfoundland Time)");
  ASSERT_TRUE(date) << date.error().message();
  EXPECT_EQ(*date, make(3, 13, 2, 1969, 23, 32, std::nullopt, -210));
}

TEST(MimeDate, ParsesObsoleteYearAndZoneOfAppendixA62) {
  auto date = parse_date_time("21 Nov 97 09:55:06 GMT");
  ASSERT_TRUE(date);
  EXPECT_EQ(*date, make(std::nullopt, 21, 11, 1997, 9, 55, 6, 0));
}

TEST(MimeDate, ParsesCommentsInsideTimeOfAppendixA63) {
  auto date = parse_date_time("Fri, 21 Nov 1997 09(comment):   55  :  06 -0600");
  ASSERT_TRUE(date) << date.error().message();
  EXPECT_EQ(*date, make(4, 21, 11, 1997, 9, 55, 6, -360));
}

TEST(MimeDate, WidensObsoleteYears) {
  EXPECT_EQ(parse_date_time("1 Jan 49 00:00 +0000")->year, 2049);
  EXPECT_EQ(parse_date_time("1 Jan 50 00:00 +0000")->year, 1950);
  EXPECT_EQ(parse_date_time("1 Jan 103 00:00 +0000")->year, 2003);
}

TEST(MimeDate, MapsNamedZones) {
  EXPECT_EQ(parse_date_time("1 Jan 2000 00:00 EST")->zone_minutes, -300);
  EXPECT_EQ(parse_date_time("1 Jan 2000 00:00 pdt")->zone_minutes, -420);
  EXPECT_EQ(parse_date_time("1 Jan 2000 00:00 UT")->zone_minutes, 0);
}

TEST(MimeDate, MilitaryAndUnknownZonesMeanUnknownLocalTime) {
  auto military = parse_date_time("1 Jan 2000 00:00 Z");
  ASSERT_TRUE(military);
  EXPECT_TRUE(military->zone_unknown);
  EXPECT_EQ(military->zone_minutes, 0);
  EXPECT_TRUE(parse_date_time("1 Jan 2000 00:00 CEST")->zone_unknown);
  EXPECT_TRUE(parse_date_time("1 Jan 2000 00:00 -0000")->zone_unknown);
  EXPECT_FALSE(parse_date_time("1 Jan 2000 00:00 +0000")->zone_unknown);
}

TEST(MimeDate, AcceptsLeapSecondAndLeapDay) {
  EXPECT_TRUE(parse_date_time("31 Dec 2016 23:59:60 +0000"));
  EXPECT_TRUE(parse_date_time("29 Feb 2000 12:00 +0000"));
  auto not_leap = parse_date_time("29 Feb 1900 12:00 +0000");
  ASSERT_FALSE(not_leap);
  EXPECT_EQ(not_leap.error(), (ParseError{0, "day within the month"}));
}

TEST(MimeDate, RejectsOutOfRangeFields) {
  EXPECT_EQ(parse_date_time("1 Jan 2000 24:00 +0000").error(), (ParseError{11, "hour (00-23)"}));
  EXPECT_EQ(parse_date_time("1 Jan 2000 12:60 +0000").error(), (ParseError{14, "minute (00-59)"}));
  EXPECT_EQ(parse_date_time("1 Jan 2000 12:00:61 +0000").error(), (ParseError{17, "second (00-60)"}));
  EXPECT_EQ(parse_date_time("1 Jan 2000 12:00 +0060").error(), (ParseError{20, "zone minutes (00-59)"}));
  EXPECT_EQ(parse_date_time("1 Foo 2000 12:00 +0000").error(), (ParseError{2, "month (Jan ... Dec)"}));
  EXPECT_EQ(parse_date_time("1 Jan 1899 12:00 +0000").error(), (ParseError{6, "year 1900 or later"}));
  EXPECT_EQ(parse_date_time("Fry, 1 Jan 2000 12:00 +0000").error(), (ParseError{0, "day of week (Mon ... Sun)"}));
}

TEST(MimeDate, RejectsMissingZoneAndTrailingText) {
  EXPECT_EQ(parse_date_time("1 Jan 2000 12:00").error(), (ParseError{16, "zone"}));
  EXPECT_EQ(parse_date_time("1 Jan 2000 12:00 +0000 extra").error(), (ParseError{23, "end of date-time"}));
  EXPECT_EQ(parse_date_time("1 Jan 2000 12:00 +00000").error(), (ParseError{17, "zone (+hhmm or -hhmm)"}));
}

TEST(MimeDate, DoesNotEnforceTheDayOfWeekButExposesIt) {
  auto date = parse_date_time("Mon, 21 Nov 1997 09:55:06 -0600");  // it was a Friday
  ASSERT_TRUE(date);
  EXPECT_EQ(date->day_of_week, 0);
  EXPECT_EQ(date->implied_day_of_week(), 4);
}

TEST(MimeDate, SerializesTheCurrentSyntax) {
  EXPECT_EQ(serialize_date_time(make(4, 21, 11, 1997, 9, 55, 6, -360)), "Fri, 21 Nov 1997 09:55:06 -0600");
  EXPECT_EQ(serialize_date_time(make(std::nullopt, 1, 7, 2003, 10, 52, std::nullopt, 120)), "1 Jul 2003 10:52 +0200");
  EXPECT_EQ(serialize_date_time(make(std::nullopt, 1, 1, 2000, 0, 0, 0, 0, true)), "1 Jan 2000 00:00:00 -0000");
}

TEST(MimeDate, RoundTripsThroughTheSerializer) {
  const char* const inputs[] = {"Fri, 21 Nov 1997 09:55:06 -0600", "21 Nov 97 09:55:06 GMT",
                                "Thu, 13 Feb 1969 23:32 -0330 (Newfoundland Time)", "1 Jan 2000 00:00 Z",
                                "Sun, 31 Dec 9999 23:59:60 +9959"};
  for (const char* input : inputs) {
    auto first = parse_date_time(input);
    ASSERT_TRUE(first) << input;
    auto second = parse_date_time(serialize_date_time(*first));
    ASSERT_TRUE(second) << serialize_date_time(*first);
    EXPECT_EQ(*second, *first) << input;
  }
}

}  // namespace
}  // namespace conformance::codec::mime
