#include "harness/engine/runner.hpp"
#include "harness/engine/target.hpp"

#include <gtest/gtest.h>

#include <set>

namespace conformance::engine {
namespace {

std::vector<scenario::Scenario> numbered(int count) {
  std::vector<scenario::Scenario> scenarios(count);
  for (int i = 0; i < count; ++i) {
    scenarios[i].id = "imap.case-" + std::to_string(i);
    scenarios[i].tags = {i % 2 ? "odd" : "even", "all"};
  }
  return scenarios;
}

TEST(Shard, ParsesIndexOverCount) {
  auto shard = parse_shard("2/4");
  ASSERT_TRUE(shard);
  EXPECT_EQ(shard->index, 2u);
  EXPECT_EQ(shard->count, 4u);
}

TEST(Shard, RejectsMalformedOrOutOfRange) {
  for (const char* text : {"", "2", "0/4", "5/4", "1/0", "a/b", "1/2/3", "-1/2"}) {
    EXPECT_FALSE(parse_shard(text)) << text;
  }
}

TEST(Shard, PartsAddUpToTheWholeWithoutOverlap) {
  const auto scenarios = numbered(200);
  std::multiset<std::string> seen;
  for (unsigned i = 1; i <= 5; ++i) {
    Selection selection;
    selection.shard = Shard{i, 5};
    const auto part = select_scenarios(scenarios, selection);
    EXPECT_GT(part.size(), 10u) << "shard " << i << " is badly unbalanced";
    for (const auto* s : part) seen.insert(s->id);
  }
  EXPECT_EQ(seen.size(), scenarios.size());
  for (const auto& s : scenarios) EXPECT_EQ(seen.count(s.id), 1u) << s.id;
}

TEST(Shard, AssignmentDependsOnlyOnTheId) {
  const Shard shard{3, 7};
  EXPECT_EQ(in_shard("smtp.ehlo.keywords", shard), in_shard("smtp.ehlo.keywords", shard));
  // Adding scenarios does not move existing ones.
  auto few = numbered(10);
  auto many = numbered(50);
  Selection selection;
  selection.shard = shard;
  for (const auto* s : select_scenarios(few, selection)) {
    bool found = false;
    for (const auto* t : select_scenarios(many, selection)) found |= t->id == s->id;
    EXPECT_TRUE(found) << s->id;
  }
}

TEST(Selection, FiltersByIdGlobTagsAndExcludedTags) {
  const auto scenarios = numbered(10);
  Selection by_glob;
  by_glob.filters = {"imap.case-1*"};
  EXPECT_EQ(select_scenarios(scenarios, by_glob).size(), 1u);
  Selection by_tag;
  by_tag.tags = {"odd"};
  EXPECT_EQ(select_scenarios(scenarios, by_tag).size(), 5u);
  Selection excluded;
  excluded.tags = {"all"};
  excluded.exclude_tags = {"even"};
  EXPECT_EQ(select_scenarios(scenarios, excluded).size(), 5u);
}

TEST(Selection, KeepsTheLoadOrder) {
  const auto scenarios = numbered(10);
  const auto chosen = select_scenarios(scenarios, Selection{});
  ASSERT_EQ(chosen.size(), 10u);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(chosen[i]->id, scenarios[i].id);
}

TEST(Glob, MatchesStarsAndQuestionMarks) {
  EXPECT_TRUE(glob_match("imap.*", "imap.select"));
  EXPECT_TRUE(glob_match("*select*", "imap.select.read-write"));
  EXPECT_TRUE(glob_match("imap.?elect", "imap.select"));
  EXPECT_FALSE(glob_match("imap.*", "pop3.stat"));
  EXPECT_FALSE(glob_match("imap", "imap.select"));
  EXPECT_TRUE(glob_match("*", ""));
}

}  // namespace
}  // namespace conformance::engine
