#include "fakes/config/fault_plan_yaml.hpp"

#include "tests/fakes/config/yaml_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace conformance::fakes::config {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

FaultPlan plan(const std::string& text, scenario::Diagnostics& diagnostics) {
  return read_yaml(text, diagnostics, read_fault_plan);
}

TEST(FaultPlanYaml, FailTwiceThenAccept) {
  scenario::Diagnostics diagnostics;
  FaultPlan read = plan(R"(- {command: mail, times: 2, reply: "451 4.3.0 try again\r\n"})", diagnostics);
  ASSERT_TRUE(diagnostics.empty()) << ::testing::PrintToString(messages_of(diagnostics));
  ASSERT_EQ(read.rules.size(), 1u);
  const FaultRule& rule = read.rules[0];
  EXPECT_EQ(rule.point, FaultPoint::command);
  EXPECT_EQ(rule.command, "MAIL");
  EXPECT_EQ(rule.times, 2u);
  EXPECT_EQ(rule.action.reply, std::optional<std::string>("451 4.3.0 try again\r\n"));
}

TEST(FaultPlanYaml, PointsActionsAndNarrowing) {
  scenario::Diagnostics diagnostics;
  FaultPlan read = plan(R"(
- {at: greeting, connection: 3, disconnect: reset}
- {at: after_tls_ready, before: "250 injected\r\n"}
- {command: UID FETCH, occurrence: 2, split_at: [1, 5], piece_interval: 5ms}
- {command: CAPA, trickle: true, delay: 1s}
- {command: EHLO, no_last_line: true}
- {command: LIST, bare_lf: true}
)", diagnostics);
  ASSERT_TRUE(diagnostics.empty()) << ::testing::PrintToString(messages_of(diagnostics));
  ASSERT_EQ(read.rules.size(), 6u);
  EXPECT_EQ(read.rules[0].point, FaultPoint::greeting);
  EXPECT_EQ(read.rules[0].connection, std::optional<std::uint32_t>(3));
  EXPECT_EQ(read.rules[0].action.disconnect, Disconnect::reset);
  EXPECT_EQ(read.rules[1].point, FaultPoint::after_tls_ready);
  EXPECT_EQ(read.rules[1].action.before, "250 injected\r\n");
  EXPECT_EQ(read.rules[2].command, "UID FETCH");
  EXPECT_EQ(read.rules[2].occurrence, std::optional<std::uint32_t>(2));
  EXPECT_THAT(read.rules[2].action.split_at, ElementsAre(1u, 5u));
  EXPECT_TRUE(read.rules[3].action.trickle);
  EXPECT_EQ(read.rules[3].action.delay, std::chrono::milliseconds(1000));
  EXPECT_EQ(read.rules[4].action.malformation, Malformation::no_last_line);
  EXPECT_EQ(read.rules[5].action.malformation, Malformation::bare_lf);
  EXPECT_THAT(read.rules[0].label, HasSubstr("greeting"));
}

TEST(FaultPlanYaml, MistakesAreReportedWithTheirPlace) {
  scenario::Diagnostics diagnostics;
  (void)plan("- {command: MAIL}\n- {at: greting, delay: 1s}\n- {command: X, reply: '\\q'}\n- {comand: MAIL, delay: 1s}\n",
             diagnostics);
  const auto messages = messages_of(diagnostics);
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("t.yaml:1:3: a fault rule needs something to do")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("t.yaml:2:")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("t.yaml:3:")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("comand")));
}

TEST(FaultPlanYaml, RandomSplitNeedsPiecesAndASeed) {
  scenario::Diagnostics diagnostics;
  FaultPlan read = plan("- {command: FETCH, split_random: {pieces: 8, seed: 42}, piece_interval: 1ms}\n", diagnostics);
  ASSERT_TRUE(diagnostics.empty()) << ::testing::PrintToString(messages_of(diagnostics));
  ASSERT_TRUE(read.rules.at(0).action.random_split.has_value());
  EXPECT_EQ(read.rules[0].action.random_split->pieces, 8u);
  EXPECT_EQ(read.rules[0].action.random_split->seed, 42u);
  EXPECT_THAT(read.rules[0].label, HasSubstr("seed 42"));

  scenario::Diagnostics mistakes;
  (void)plan("- {command: FETCH, split_random: {pieces: 8}}\n"
             "- {command: FETCH, split_random: {pieces: 1, seed: 1}}\n"
             "- {command: FETCH, split_random: {pieces: 3, seed: 1}, split_at: [2]}\n",
             mistakes);
  const auto messages = messages_of(mistakes);
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("t.yaml:1:")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("needs 'seed'")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("t.yaml:2:")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("decide where the reply is cut")));
}

}  // namespace
}  // namespace conformance::fakes::config
