#include "harness/codec/imap/date_time.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::imap {
namespace {

TEST(ImapDateTime, ParsesRfc9051AppendExample) {
  // RFC 9051 §6.3.12: APPEND saved-messages (\Seen) "17-Jul-1996 02:44:25 -0700"? The
  // RFC 3501 §6.3.11 example uses that form; the day may also be space-padded.
  Reader r("\"17-Jul-1996 02:44:25 -0700\"");
  auto value = read_date_time(r);
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(value.date, (Date{17, 7, 1996}));
  EXPECT_EQ(value.hour, 2);
  EXPECT_EQ(value.minute, 44);
  EXPECT_EQ(value.second, 25);
  EXPECT_EQ(value.zone_minutes, -420);
}

TEST(ImapDateTime, SpacePaddedDayRoundTrips) {
  Reader r("\" 7-Feb-1994 21:52:25 -0800\"");
  auto value = read_date_time(r);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(value.day_space_padded);
  Writer w;
  write_date_time(w, value);
  EXPECT_EQ(w.bytes(), "\" 7-Feb-1994 21:52:25 -0800\"");
}

TEST(ImapDateTime, RejectsUnknownMonth) {
  Reader r("\"17-Jux-1996 02:44:25 -0700\"");
  read_date_time(r);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, 4u);
}

TEST(ImapDateTime, RejectsHourOutOfRange) {
  Reader r("\"17-Jul-1996 24:00:00 +0000\"");
  read_date_time(r);
  EXPECT_FALSE(r.ok());
}

TEST(ImapDateTime, RejectsZoneMinutesOutOfRange) {
  Reader r("\"17-Jul-1996 02:44:25 +0099\"");
  read_date_time(r);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, 23u);
}

TEST(ImapDateTime, LargestZoneRoundTrips) {
  Reader r("\"17-Jul-1996 02:44:25 -9959\"");
  auto value = read_date_time(r);
  ASSERT_TRUE(r.ok());
  Writer w;
  write_date_time(w, value);
  EXPECT_EQ(w.bytes(), "\"17-Jul-1996 02:44:25 -9959\"");
}

TEST(ImapDate, ParsesSearchDateQuotedOrNot) {
  Reader bare("1-Feb-1994");
  EXPECT_EQ(read_date(bare), (Date{1, 2, 1994}));
  Reader quoted("\"01-Feb-1994\"");
  EXPECT_EQ(read_date(quoted), (Date{1, 2, 1994}));
  EXPECT_TRUE(bare.ok() && quoted.ok());
}

}  // namespace
}  // namespace conformance::codec::imap
