#include "harness/codec/mime/mbox.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace conformance::codec::mime {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using namespace std::chrono;

sys_seconds utc(int y, unsigned m, unsigned d, int h, int min, int s) {
  return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min} + seconds{s};
}

std::vector<std::string> bodies(const std::vector<MboxMessage>& messages) {
  std::vector<std::string> out;
  for (const auto& message : messages) out.push_back(message.bytes);
  return out;
}

TEST(Mbox, SplitsAtFromLinesAndDropsTheBlankLineThatEndsEachMessage) {
  auto messages = parse_mbox(
      "From alice@example.test Sat Nov 21 09:15:00 2026\n"
      "Subject: one\n\nfirst\n\n"
      "From MAILER-DAEMON Sun Nov 22 10:00:00 2026\n"
      "Subject: two\n\nsecond\n\n");
  ASSERT_TRUE(messages.ok()) << messages.error().message();
  EXPECT_THAT(bodies(*messages), ElementsAre("Subject: one\n\nfirst\n", "Subject: two\n\nsecond\n"));
  EXPECT_EQ((*messages)[0].envelope_sender, "alice@example.test");
  EXPECT_EQ((*messages)[1].envelope_sender, "MAILER-DAEMON");
  EXPECT_EQ((*messages)[0].line, 1u);
  EXPECT_EQ((*messages)[1].line, 6u);
}

TEST(Mbox, QuotedFromLinesLoseOneQuoteMark) {
  auto messages = parse_mbox(
      "From a@x.test Sat Nov 21 09:15:00 2026\n"
      "Subject: q\n\n>From the start\n>>From a reply\n> From is not quoting\n\n");
  ASSERT_TRUE(messages.ok());
  EXPECT_THAT(bodies(*messages),
              ElementsAre("Subject: q\n\nFrom the start\n>From a reply\n> From is not quoting\n"));
}

TEST(Mbox, ABodyLineStartingWithFromButNoDateDoesNotSplit) {
  auto messages = parse_mbox(
      "From a@x.test Sat Nov 21 09:15:00 2026\n"
      "Subject: unquoted\n\nhello\n\nFrom here on we meet on Mondays.\n\n");
  ASSERT_TRUE(messages.ok());
  EXPECT_THAT(bodies(*messages), ElementsAre("Subject: unquoted\n\nhello\n\nFrom here on we meet on Mondays.\n"));
}

TEST(Mbox, TheFromLineDateIsUtcUnlessTheLineGivesAZone) {
  auto plain = parse_from_line("a@x.test Sat Nov 21 09:15:00 2026");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->date, utc(2026, 11, 21, 9, 15, 0));
  EXPECT_EQ(plain->offset_minutes, 0);

  auto zone_after_year = parse_from_line("a@x.test Sat Nov 21 09:15:00 2026 +0100");
  ASSERT_TRUE(zone_after_year);
  EXPECT_EQ(zone_after_year->date, utc(2026, 11, 21, 8, 15, 0));
  EXPECT_EQ(zone_after_year->offset_minutes, 60);

  auto zone_before_year = parse_from_line("a@x.test Sat Nov 21 09:15:00 -0530 2026");
  ASSERT_TRUE(zone_before_year);
  EXPECT_EQ(zone_before_year->date, utc(2026, 11, 21, 14, 45, 0));

  auto named_zone = parse_from_line("a@x.test Sat Nov 21 09:15:00 PST 2026");
  ASSERT_TRUE(named_zone);
  EXPECT_EQ(named_zone->date, utc(2026, 11, 21, 17, 15, 0));
  EXPECT_EQ(named_zone->offset_minutes, -480);

  auto unknown_zone = parse_from_line("a@x.test Sat Nov 21 09:15:00 CET 2026");
  ASSERT_TRUE(unknown_zone);
  EXPECT_EQ(unknown_zone->date, utc(2026, 11, 21, 9, 15, 0));
}

TEST(Mbox, TheFromLineAcceptsAPaddedDayNoSecondsAndNoSender) {
  auto padded = parse_from_line("a@x.test Sun Nov  1 07:05 2026");
  ASSERT_TRUE(padded);
  EXPECT_EQ(padded->date, utc(2026, 11, 1, 7, 5, 0));
  EXPECT_EQ(padded->envelope_sender, "a@x.test");

  auto no_sender = parse_from_line(" Sun Nov  1 07:05:09 2026");
  ASSERT_TRUE(no_sender);
  EXPECT_EQ(no_sender->envelope_sender, "");
}

TEST(Mbox, AFromLineWithAnImpossibleDateIsNotOne) {
  EXPECT_FALSE(parse_from_line("a@x.test Mon Feb 30 09:15:00 2026"));
  EXPECT_FALSE(parse_from_line("a@x.test Mon Feb 3 25:15:00 2026"));
  EXPECT_FALSE(parse_from_line("a@x.test Mon Fbr 3 09:15:00 2026"));
  EXPECT_FALSE(parse_from_line("a@x.test Mon Feb 3 09:15:00 26"));
  EXPECT_FALSE(parse_from_line("a@x.test Mon Feb 3 09:15:00 2026 +01"));
  EXPECT_FALSE(parse_from_line("two words Mon Feb 3 09:15:00 2026"));
  EXPECT_FALSE(parse_from_line(""));
  // A real date, but past what system_clock holds (2262): not an overflow.
  EXPECT_FALSE(parse_from_line("a@x.test Sat Nov 21 09:15:00 3026"));
}

TEST(Mbox, AFileThatDoesNotStartWithAFromLineIsAnErrorAtItsFirstByte) {
  auto messages = parse_mbox("Subject: an .eml, not an mbox\n\nhello\n");
  ASSERT_FALSE(messages.ok());
  EXPECT_EQ(messages.error().offset, 0u);
  EXPECT_THAT(messages.error().expected, ::testing::HasSubstr("From_ line"));
}

TEST(Mbox, AnEmptyFileHoldsNoMessages) {
  auto messages = parse_mbox("");
  ASSERT_TRUE(messages.ok());
  EXPECT_THAT(*messages, IsEmpty());
}

TEST(Mbox, CrlfLineEndsAreKeptAndTheLastMessageMayLackAFinalNewline) {
  auto messages = parse_mbox(
      "From a@x.test Sat Nov 21 09:15:00 2026\r\n"
      "Subject: one\r\n\r\nfirst\r\n\r\n"
      "From a@x.test Sat Nov 21 09:16:00 2026\r\n"
      "Subject: two\r\n\r\nno final newline");
  ASSERT_TRUE(messages.ok());
  EXPECT_THAT(bodies(*messages), ElementsAre("Subject: one\r\n\r\nfirst\r\n", "Subject: two\r\n\r\nno final newline"));
}

TEST(Mbox, AFromLineRightAfterAnotherGivesAnEmptyMessage) {
  auto messages = parse_mbox("From a@x.test Sat Nov 21 09:15:00 2026\nFrom a@x.test Sat Nov 21 09:16:00 2026\nS: x\n");
  ASSERT_TRUE(messages.ok());
  EXPECT_THAT(bodies(*messages), ElementsAre("", "S: x\n"));
}

TEST(Mbox, StatusAndXStatusFieldsGiveImapFlags) {
  EXPECT_THAT(mbox_status_flags("Status: RO\nX-Status: AF\nSubject: s\n\nbody\n"),
              ElementsAre("\\Seen", "\\Answered", "\\Flagged"));
  EXPECT_THAT(mbox_status_flags("X-Status: DT\r\n\r\n"), ElementsAre("\\Draft", "\\Deleted"));
  EXPECT_THAT(mbox_status_flags("Status: O\nSubject: unread\n\nStatus: R in the body is text\n"), IsEmpty());
  EXPECT_THAT(mbox_status_flags("Subject: none\n\n"), IsEmpty());
}

}  // namespace
}  // namespace conformance::codec::mime
