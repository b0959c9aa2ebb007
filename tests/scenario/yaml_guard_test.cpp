// The nesting estimate that keeps yaml-cpp from recursing too deep.
#include "harness/scenario/yaml_guard.hpp"

#include <gtest/gtest.h>

namespace conformance::scenario {
namespace {

TEST(EstimateNesting, CountsBlockMappingsAndSequences) {
  EXPECT_EQ(estimate_nesting("a: 1\n").depth, 1);
  EXPECT_EQ(estimate_nesting("a:\n  b:\n    - c: 1\n      d: 2\n").depth, 4);
}

TEST(EstimateNesting, CountsASequenceAtItsKeysIndentation) {
  EXPECT_EQ(estimate_nesting("steps:\n- send: x\n- wait: 1s\n").depth, 3);
}

TEST(EstimateNesting, CountsCompactNestedSequences) { EXPECT_EQ(estimate_nesting("- - - x\n").depth, 3); }

TEST(EstimateNesting, CountsFlowBracketsOnTopOfTheBlockDepth) {
  const auto estimate = estimate_nesting("a:\n  b: [[{c: [x]}]]\n");
  EXPECT_EQ(estimate.depth, 6);
  EXPECT_EQ(estimate.line, 2);
  EXPECT_EQ(estimate.column, 12);
}

TEST(EstimateNesting, FollowsFlowCollectionsAcrossLines) {
  EXPECT_EQ(estimate_nesting("a: [\n  [\n    [x]\n  ]\n]\n").depth, 4);
}

TEST(EstimateNesting, IgnoresBracketsInQuotedScalars) {
  EXPECT_EQ(estimate_nesting("a: \"[[[[\"\nb: '[[''[['\nc: [\"]]\", '}}']\n").depth, 2);
}

TEST(EstimateNesting, IgnoresBracketsInPlainScalarsAndComments) {
  EXPECT_EQ(estimate_nesting("a: x[[[[\nb: ^\\[ok\\] # [[[[\n# [[[[[[\n").depth, 1);
}

TEST(EstimateNesting, IgnoresBlockScalarContent) {
  EXPECT_EQ(estimate_nesting("a: |\n  [[[[\n    - - - -\n      b: c: d:\nb: 1\n").depth, 1);
  EXPECT_EQ(estimate_nesting("- k: >-\n    [[[[\n  j: [x]\n").depth, 3);
}

TEST(EstimateNesting, FollowsQuotedScalarsAcrossLines) {
  EXPECT_EQ(estimate_nesting("a: \"one [[[[\n  two\"\nb: [[x]]\n").depth, 3);
}

TEST(EstimateNesting, StartsAgainAtADocumentMarker) {
  EXPECT_EQ(estimate_nesting("a:\n  b:\n    c: 1\n---\nd: 1\n").depth, 3);
}

TEST(EstimateNesting, ErrsOnTheDeepSideForFlowAfterAnchorsAndTags) {
  EXPECT_EQ(estimate_nesting("a: &x [[1]]\nb: !!seq [[2]]\n").depth, 3);
}

}  // namespace
}  // namespace conformance::scenario
