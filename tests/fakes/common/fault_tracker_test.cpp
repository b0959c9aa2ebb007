#include "fakes/common/fault_plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace conformance::fakes {
namespace {

FaultRule on_command(std::string verb) {
  FaultRule rule;
  rule.point = FaultPoint::command;
  rule.command = std::move(verb);
  rule.action.reply = "451 4.3.0 try again\r\n";
  return rule;
}

TEST(FaultTracker, FailTwiceThenAccept) {
  FaultRule rule = on_command("MAIL");
  rule.times = 2;
  FaultTracker tracker(FaultPlan{{rule}});
  EXPECT_NE(tracker.at(FaultPoint::command, 1, "MAIL"), nullptr);
  EXPECT_NE(tracker.at(FaultPoint::command, 2, "MAIL"), nullptr);
  EXPECT_EQ(tracker.at(FaultPoint::command, 3, "MAIL"), nullptr);
  EXPECT_EQ(tracker.fired(), std::vector<std::uint32_t>{2});
}

TEST(FaultTracker, OnlyTheNthOccurrenceAcrossConnections) {
  FaultRule rule = on_command("FETCH");
  rule.occurrence = 3;
  FaultTracker tracker(FaultPlan{{rule}});
  EXPECT_EQ(tracker.at(FaultPoint::command, 1, "FETCH"), nullptr);
  EXPECT_EQ(tracker.at(FaultPoint::command, 2, "FETCH"), nullptr);
  EXPECT_NE(tracker.at(FaultPoint::command, 2, "FETCH"), nullptr);
  EXPECT_EQ(tracker.at(FaultPoint::command, 2, "FETCH"), nullptr);
}

TEST(FaultTracker, OnlyOnTheNthConnection) {
  FaultRule rule;
  rule.point = FaultPoint::greeting;
  rule.connection = 2;
  rule.action.disconnect = Disconnect::reset;
  FaultTracker tracker(FaultPlan{{rule}});
  const auto first = tracker.connection_opened();
  const auto second = tracker.connection_opened();
  EXPECT_EQ(tracker.at(FaultPoint::greeting, first), nullptr);
  EXPECT_NE(tracker.at(FaultPoint::greeting, second), nullptr);
}

TEST(FaultTracker, VerbsMatchWithoutCaseAndWithCollapsedSpaces) {
  FaultTracker tracker(FaultPlan{{on_command("uid  fetch")}});
  EXPECT_EQ(tracker.at(FaultPoint::command, 1, "FETCH"), nullptr);
  EXPECT_NE(tracker.at(FaultPoint::command, 1, "UID FETCH"), nullptr);
}

TEST(FaultTracker, EveryMatchingRuleCountsTheEventSoOneFiringDoesNotShiftAnother) {
  FaultRule first = on_command("RCPT");
  first.occurrence = 1;
  FaultRule second = on_command("RCPT");
  second.occurrence = 2;
  second.action.reply = "452 4.5.3 too many\r\n";
  FaultTracker tracker(FaultPlan{{first, second}});
  const FaultRule* one = tracker.at(FaultPoint::command, 1, "RCPT");
  const FaultRule* two = tracker.at(FaultPoint::command, 1, "RCPT");
  ASSERT_NE(one, nullptr);
  ASSERT_NE(two, nullptr);
  EXPECT_EQ(*one->action.reply, "451 4.3.0 try again\r\n");
  EXPECT_EQ(*two->action.reply, "452 4.5.3 too many\r\n");
}

TEST(FaultTracker, PointsDoNotMatchEachOther) {
  FaultRule rule;
  rule.point = FaultPoint::after_tls_ready;
  rule.action.before = "250 injected\r\n";
  FaultTracker tracker(FaultPlan{{rule}});
  EXPECT_EQ(tracker.at(FaultPoint::greeting, 1), nullptr);
  EXPECT_EQ(tracker.at(FaultPoint::command, 1, "STARTTLS"), nullptr);
  EXPECT_NE(tracker.at(FaultPoint::after_tls_ready, 1), nullptr);
}

TEST(RandomCuts, TheSameSeedCutsTheSameReplyTheSameWay) {
  const FaultAction::RandomSplit split{6, 7};
  const auto cuts = random_cuts(split, 100);
  EXPECT_EQ(cuts, random_cuts(split, 100));
  EXPECT_NE(cuts, random_cuts({6, 8}, 100));
  ASSERT_FALSE(cuts.empty());
  EXPECT_LE(cuts.size(), 5u);
  EXPECT_TRUE(std::is_sorted(cuts.begin(), cuts.end()));
  EXPECT_TRUE(std::adjacent_find(cuts.begin(), cuts.end()) == cuts.end());
  EXPECT_GE(cuts.front(), 1u);
  EXPECT_LT(cuts.back(), 100u);
}

TEST(RandomCuts, AReplyTooShortToCutIsSentWhole) {
  EXPECT_TRUE(random_cuts({6, 7}, 1).empty());
  EXPECT_EQ(random_cuts({50, 7}, 2), (std::vector<std::size_t>{1}));
}

}  // namespace
}  // namespace conformance::fakes
