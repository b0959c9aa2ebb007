#include "harness/scenario/pattern.hpp"

#include <gtest/gtest.h>

namespace conformance::scenario {
namespace {

TEST(Pattern, SearchesUnanchored) {
  auto pattern = Pattern::compile("OK");
  ASSERT_TRUE(pattern.ok());
  EXPECT_TRUE(pattern->matches("a1 OK done"));
  EXPECT_FALSE(pattern->matches("a1 NO"));
}

TEST(Pattern, AnchorsWhenThePatternSaysSo) {
  auto pattern = Pattern::compile("^OK$");
  ASSERT_TRUE(pattern.ok());
  EXPECT_TRUE(pattern->matches("OK"));
  EXPECT_FALSE(pattern->matches("a1 OK"));
}

TEST(Pattern, IgnoresCaseWhenAsked) {
  auto pattern = Pattern::compile("inbox", true);
  ASSERT_TRUE(pattern.ok());
  EXPECT_TRUE(pattern->case_insensitive());
  EXPECT_TRUE(pattern->matches("INBOX"));
  EXPECT_FALSE(Pattern::compile("inbox")->matches("INBOX"));
}

TEST(Pattern, ReportsACompileErrorInRe2Words) {
  auto pattern = Pattern::compile("(abc");
  ASSERT_FALSE(pattern.ok());
  EXPECT_EQ(pattern.error(), "missing ): (abc");
}

TEST(Pattern, RejectsBackreferencesWhichRe2CannotRunInLinearTime) { EXPECT_FALSE(Pattern::compile("(a)\\1").ok()); }

TEST(Pattern, SearchGivesNamedGroupsAndTheWholeMatch) {
  // RFC 9051 §7.1: "* OK [UIDVALIDITY 3857529045] UIDs valid"
  auto pattern = Pattern::compile(R"(\[UIDVALIDITY (?P<validity>\d+)\](?P<unused>x)?)");
  ASSERT_TRUE(pattern.ok());
  auto captures = pattern->search("* OK [UIDVALIDITY 3857529045] UIDs valid");
  ASSERT_TRUE(captures.has_value());
  EXPECT_EQ(captures->at("validity"), "3857529045");
  EXPECT_EQ(captures->at("unused"), "");
  EXPECT_EQ(captures->at("0"), "[UIDVALIDITY 3857529045]");
  EXPECT_EQ(pattern->search("* OK"), std::nullopt);
}

TEST(Pattern, ListsItsGroupNames) {
  auto pattern = Pattern::compile("(?P<b>x)(?P<a>y)(z)");
  ASSERT_TRUE(pattern.ok());
  EXPECT_EQ(pattern->group_names(), (std::vector<std::string>{"a", "b"}));
}

TEST(Pattern, CopiesShareTheCompiledRegex) {
  auto pattern = Pattern::compile("a+");
  ASSERT_TRUE(pattern.ok());
  const Pattern copy = *pattern;
  EXPECT_TRUE(copy.matches("caat"));
  EXPECT_EQ(copy.source(), "a+");
}

TEST(Pattern, MatchesTextHoldingNulBytes) {
  auto pattern = Pattern::compile("a\\x00b");
  ASSERT_TRUE(pattern.ok());
  EXPECT_TRUE(pattern->matches(std::string("xa\0b", 4)));
}

}  // namespace
}  // namespace conformance::scenario
