#include "harness/scenario/variables.hpp"

#include <gtest/gtest.h>

namespace conformance::scenario {
namespace {

TEST(Variables, ExpandsNamesAndKeepsTheRest) {
  Variables variables;
  variables.set("mailbox", "box-1");
  variables.set("tag", "a7");
  Expansion out;
  EXPECT_EQ(variables.expand("${tag} SELECT ${mailbox} $5", out), std::nullopt);
  EXPECT_EQ(out.bytes, "a7 SELECT box-1 $5");
  EXPECT_EQ(out.rendering, out.bytes);
  EXPECT_FALSE(out.has_secret);
}

TEST(Variables, DollarDollarIsADollar) {
  Variables variables;
  Expansion out;
  EXPECT_EQ(variables.expand("$${x} $$", out), std::nullopt);
  EXPECT_EQ(out.bytes, "${x} $");
}

TEST(Variables, ASecretGoesOnTheWireButNotIntoTheRendering) {
  Variables variables;
  variables.set("user", "user1");
  variables.set_secret("password", "hunter2");
  Expansion out;
  EXPECT_EQ(variables.expand("a1 LOGIN ${user} ${password}", out), std::nullopt);
  EXPECT_EQ(out.bytes, "a1 LOGIN user1 hunter2");
  EXPECT_EQ(out.rendering, "a1 LOGIN user1 <redacted>");
  EXPECT_TRUE(out.has_secret);
  EXPECT_TRUE(variables.is_secret("password"));
  EXPECT_FALSE(variables.is_secret("user"));
}

TEST(Variables, AnUnknownNameIsReturnedAsTheError) {
  Variables variables;
  Expansion out;
  EXPECT_EQ(variables.expand("a ${usr} b", out), "usr");
}

TEST(Variables, AMalformedReferenceIsAnError) {
  Variables variables;
  variables.set("a b", "x");
  Expansion out;
  EXPECT_EQ(variables.expand("${a b}", out), "a b");
  EXPECT_EQ(variables.expand("${}", out), "");
  EXPECT_TRUE(variables.expand("${open", out).has_value());
}

TEST(Variables, SetReplacesAndGetReads) {
  Variables variables;
  variables.set("x", "1");
  variables.set("x", "2");
  EXPECT_EQ(variables.get("x"), "2");
  EXPECT_TRUE(variables.contains("x"));
  EXPECT_EQ(variables.get("y"), std::nullopt);
  variables.set("x", "3");
  EXPECT_FALSE(variables.is_secret("x"));
}

TEST(Variables, ScrubHidesEverySecretOccurrence) {
  Variables variables;
  variables.set_secret("password", "hunter2");
  variables.set("user", "user1");
  EXPECT_EQ(variables.scrub("NO [AUTHENTICATIONFAILED] hunter2 for user1, hunter2!"),
            "NO [AUTHENTICATIONFAILED] <redacted> for user1, <redacted>!");
}

TEST(Variables, ScrubLeavesNoPartOfOverlappingSecrets) {
  Variables variables;
  variables.set_secret("a", "ab");
  variables.set_secret("b", "bcdefgh");
  EXPECT_EQ(variables.scrub("xabcdefghx"), "x<redacted>x");
}

TEST(Variables, ScrubDoesNotLookForASecretInsideARedaction) {
  Variables variables;
  variables.set_secret("password", "longpassword");
  variables.set_secret("short", "dact");
  EXPECT_EQ(variables.scrub("longpassword"), "<redacted>");
}

TEST(Variables, ScrubIgnoresEmptySecrets) {
  Variables variables;
  variables.set_secret("empty", "");
  EXPECT_EQ(variables.scrub("text"), "text");
}

}  // namespace
}  // namespace conformance::scenario
