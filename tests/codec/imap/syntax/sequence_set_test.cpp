#include "harness/codec/imap/sequence_set.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::imap {
namespace {

SequenceSet parse(std::string_view text, SequenceSyntax syntax = SequenceSyntax::sequence_set) {
  Reader r(text);
  auto set = read_sequence_set(r, syntax);
  EXPECT_TRUE(r.ok()) << text;
  return set;
}

// RFC 9051 §9, the sequence-set example: for a mailbox with 15 messages,
// "2,4:7,9,12:*" is 2,4,5,6,7,9,12,13,14,15.
TEST(SequenceSet, MatchesRfc9051Example) {
  auto set = parse("2,4:7,9,12:*");
  std::vector<std::uint32_t> members;
  for (std::uint32_t n = 1; n <= 15; ++n)
    if (set.contains(n, 15)) members.push_back(n);
  EXPECT_EQ(members, (std::vector<std::uint32_t>{2, 4, 5, 6, 7, 9, 12, 13, 14, 15}));
}

TEST(SequenceSet, ReversedRangeMeansTheSame) {
  auto set = parse("*:4");
  EXPECT_TRUE(set.contains(4, 10));
  EXPECT_TRUE(set.contains(10, 10));
  EXPECT_FALSE(set.contains(3, 10));
  EXPECT_EQ(to_string(set), "*:4");
}

TEST(SequenceSet, DollarIsTheSavedSearchResult) {
  auto set = parse("$");
  EXPECT_TRUE(set.saved_result);
  EXPECT_EQ(to_string(set), "$");
}

TEST(SequenceSet, UidSetRejectsStar) {
  Reader r("1:*");
  read_sequence_set(r, SequenceSyntax::uid_set);
  EXPECT_FALSE(r.ok());
}

TEST(SequenceSet, RejectsZero) {
  Reader r("0:5");
  read_sequence_set(r);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, 0u);
}

TEST(SequenceSet, RejectsTrailingComma) {
  Reader r("1,");
  read_sequence_set(r);
  EXPECT_FALSE(r.ok());
}

TEST(SequenceSet, RoundTrips) {
  for (auto text : {"1", "1:5", "1,3,5:7,9:*", "*", "4294967295"}) EXPECT_EQ(to_string(parse(text)), text);
}

}  // namespace
}  // namespace conformance::codec::imap
