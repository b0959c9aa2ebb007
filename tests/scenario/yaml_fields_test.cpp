#include "harness/scenario/yaml_fields.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace conformance::scenario {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> messages(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.to_string());
  return out;
}

TEST(LocationOf, IsOneBasedLineAndColumn) {
  const YAML::Node root = YAML::Load("a:\n  b: 1\n");
  const YAML::Node b = root["a"]["b"];
  EXPECT_EQ(location_of(b, "f.yaml"), (SourceLocation{"f.yaml", 2, 6}));
  EXPECT_EQ(location_of(b, "f.yaml").to_string(), "f.yaml:2:6");
}

TEST(LocationOf, AnUndefinedNodeHasOnlyTheFile) {
  EXPECT_EQ(location_of(YAML::Node(YAML::NodeType::Undefined), "f.yaml").to_string(), "f.yaml");
}

TEST(DescribeKind, NamesEachKind) {
  EXPECT_EQ(describe_kind(YAML::Load("x")), "a scalar");
  EXPECT_EQ(describe_kind(YAML::Load("[x]")), "a list");
  EXPECT_EQ(describe_kind(YAML::Load("{x: 1}")), "a mapping");
  EXPECT_EQ(describe_kind(YAML::Load("~")), "null");
  EXPECT_EQ(describe_kind(YAML::Node(YAML::NodeType::Undefined)), "nothing");
}

TEST(Fields, ReportsANodeThatIsNotAMappingOnce) {
  Diagnostics diagnostics;
  Fields fields(YAML::Load("[1, 2]"), "f.yaml", diagnostics, "expect");
  EXPECT_FALSE(fields.ok());
  EXPECT_EQ(fields.string("a"), std::nullopt);
  EXPECT_EQ(fields.integer("b", 0, 9), std::nullopt);
  fields.finish();
  EXPECT_THAT(messages(diagnostics), ElementsAre("f.yaml:1:1: expect must be a mapping, not a list"));
}

TEST(Fields, ReadsStringsIntegersBooleansAndChoices) {
  Diagnostics diagnostics;
  Fields fields(YAML::Load("{s: hi, i: 42, b: yes, c: two}"), "f.yaml", diagnostics, "x");
  EXPECT_EQ(fields.string("s"), "hi");
  EXPECT_EQ(fields.integer("i", 0, 100), 42);
  EXPECT_EQ(fields.boolean("b"), true);
  EXPECT_EQ(fields.choice("c", {"one", "two"}), "two");
  fields.finish();
  EXPECT_TRUE(diagnostics.empty());
}

TEST(Fields, AbsentKeysGiveNothingWithoutComplaint) {
  Diagnostics diagnostics;
  Fields fields(YAML::Load("{}"), "f.yaml", diagnostics, "x");
  EXPECT_EQ(fields.string("s"), std::nullopt);
  EXPECT_EQ(fields.boolean("b"), std::nullopt);
  EXPECT_TRUE(fields.strings("l").empty());
  EXPECT_FALSE(fields.has("s"));
  EXPECT_TRUE(diagnostics.empty());
}

TEST(Fields, RequiredKeysAreReportedAtTheMapping) {
  Diagnostics diagnostics;
  Fields fields(YAML::Load("\n  {a: 1}"), "f.yaml", diagnostics, "step");
  EXPECT_EQ(fields.required_string("name"), std::nullopt);
  EXPECT_THAT(messages(diagnostics), ElementsAre("f.yaml:2:3: step needs 'name'"));
}

TEST(Fields, RejectsWrongTypesAtTheValue) {
  Diagnostics diagnostics;
  Fields fields(YAML::Load("{s: [1], i: 4x, j: 700, b: maybe, c: three}"), "f.yaml", diagnostics, "x");
  EXPECT_EQ(fields.string("s"), std::nullopt);
  EXPECT_EQ(fields.integer("i", 0, 9), std::nullopt);
  EXPECT_EQ(fields.integer("j", 100, 599), std::nullopt);
  EXPECT_EQ(fields.boolean("b"), std::nullopt);
  EXPECT_EQ(fields.choice("c", {"one", "two"}), std::nullopt);
  EXPECT_THAT(
      messages(diagnostics),
      ElementsAre("f.yaml:1:5: 's' must be a string, not a list", "f.yaml:1:13: 'i' must be an integer, not '4x'",
                  "f.yaml:1:20: 'j' must be between 100 and 599", "f.yaml:1:28: 'b' must be true or false, not 'maybe'",
                  "f.yaml:1:38: 'c' must be one of one, two, not 'three'"));
}

TEST(Fields, StringsTakesOneStringOrAList) {
  Diagnostics diagnostics;
  Fields fields(YAML::Load("{one: a, many: [b, c], bad: {x: 1}, mixed: [d, [e]]}"), "f.yaml", diagnostics, "x");
  EXPECT_EQ(fields.strings("one"), std::vector<std::string>{"a"});
  EXPECT_EQ(fields.strings("many"), (std::vector<std::string>{"b", "c"}));
  EXPECT_TRUE(fields.strings("bad").empty());
  EXPECT_EQ(fields.strings("mixed"), std::vector<std::string>{"d"});
  EXPECT_THAT(messages(diagnostics),
              ElementsAre("f.yaml:1:29: 'bad' must be a string or a list of strings, not a mapping",
                          "f.yaml:1:48: 'mixed' items must be a string, not a list"));
}

TEST(Fields, FinishReportsEveryUnknownKeyWithTheKnownOnes) {
  Diagnostics diagnostics;
  Fields fields(YAML::Load("{code: 250, cdoe: 1, txt: x}"), "f.yaml", diagnostics, "expect");
  fields.integer("code", 100, 599);
  fields.get("text");
  fields.finish();
  EXPECT_THAT(messages(diagnostics), ElementsAre("f.yaml:1:13: unknown key 'cdoe' in expect (known: code, text)",
                                                 "f.yaml:1:22: unknown key 'txt' in expect (known: code, text)"));
}

TEST(ScalarString, NullIsNotAString) {
  Diagnostics diagnostics;
  EXPECT_EQ(scalar_string(YAML::Load("a: ~")["a"], "f.yaml", diagnostics, "'a'"), std::nullopt);
  EXPECT_THAT(messages(diagnostics), ElementsAre("f.yaml:1:4: 'a' must be a string, not null"));
}

}  // namespace
}  // namespace conformance::scenario
