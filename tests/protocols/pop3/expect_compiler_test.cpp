// The POP3 `expect:` syntax: what compiles to what, and the precise
// complaints (file:line:col) for what does not.
#include "harness/protocols/pop3/expect_compiler.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "harness/protocols/pop3/rules.hpp"

namespace conformance::protocols::pop3 {
namespace {

using scenario::Diagnostics;

struct Compiled {
  std::optional<std::vector<ReplyExpectation>> replies;
  Diagnostics diagnostics;

  const ReplyExpectation& only() const { return replies->front(); }
  std::string errors() const {
    std::string out;
    for (const auto& d : diagnostics) out += d.to_string() + "\n";
    return out;
  }
};

Compiled compile(const std::string& yaml) {
  Compiled out;
  out.replies = compile_expectation(YAML::Load(yaml), "s.yaml", out.diagnostics);
  return out;
}

TEST(Pop3ExpectCompiler, StatusShorthandIsAScalar) {
  auto ok = compile("+OK");
  ASSERT_TRUE(ok.replies) << ok.errors();
  EXPECT_EQ(ok.only().status, ExpectedStatus::ok);
  EXPECT_EQ(compile("-ERR").only().status, ExpectedStatus::err);
  EXPECT_EQ(compile("\"+\"").only().status, ExpectedStatus::continuation);
}

TEST(Pop3ExpectCompiler, UnknownStatusIsReportedWithItsLocation) {
  auto bad = compile("status: OK");
  EXPECT_FALSE(bad.replies);
  ASSERT_EQ(bad.diagnostics.size(), 1u);
  EXPECT_EQ(bad.diagnostics[0].to_string(), "s.yaml:1:9: status must be +OK, -ERR or +, not 'OK'");
}

TEST(Pop3ExpectCompiler, UnknownKeyListsTheKnownOnes) {
  auto bad = compile("{status: +OK, txet: hi}");
  EXPECT_FALSE(bad.replies);
  ASSERT_EQ(bad.diagnostics.size(), 1u);
  EXPECT_NE(bad.diagnostics[0].message.find("unknown key 'txet' in expect"), std::string::npos);
  EXPECT_NE(bad.diagnostics[0].message.find("text"), std::string::npos);
}

TEST(Pop3ExpectCompiler, CodeMustBeAResponseCode) {
  auto good = compile("{status: -ERR, code: SYS/TEMP}");
  ASSERT_TRUE(good.replies) << good.errors();
  EXPECT_EQ(good.only().code, "SYS/TEMP");
  auto bad = compile("{status: -ERR, code: \"IN USE\"}");
  EXPECT_FALSE(bad.replies);
  EXPECT_NE(bad.errors().find("'code' must be a response code"), std::string::npos);
}

TEST(Pop3ExpectCompiler, BadRegexIsALoadError) {
  auto bad = compile("text: \"(unclosed\"");
  EXPECT_FALSE(bad.replies);
  EXPECT_NE(bad.errors().find("bad regex"), std::string::npos);
}

TEST(Pop3ExpectCompiler, BadRegexInAMappingIsReportedAtTheRegex) {
  auto bad = compile("text:\n  regex: \"(unclosed\"\n  ignore_case: true\n");
  EXPECT_FALSE(bad.replies);
  ASSERT_EQ(bad.diagnostics.size(), 1u);
  EXPECT_EQ(bad.diagnostics[0].where.line, 2);
  EXPECT_EQ(bad.diagnostics[0].where.column, 10);
  EXPECT_NE(bad.diagnostics[0].message.find("bad regex"), std::string::npos);
}

TEST(Pop3ExpectCompiler, TextConditionNeedsExactlyOneForm) {
  auto none = compile("text: {ignore_case: true}");
  EXPECT_FALSE(none.replies);
  EXPECT_NE(none.errors().find("needs exactly one of regex, equals, contains, starts_with"), std::string::npos);
  auto two = compile("text: {equals: a, contains: b}");
  EXPECT_FALSE(two.replies);
  auto unknown = compile("text: {equal: a}");
  EXPECT_FALSE(unknown.replies);
  EXPECT_NE(unknown.errors().find("unknown key 'equal'"), std::string::npos);
}

TEST(Pop3ExpectCompiler, TextMayCaptureBesideAMatch) {
  auto both = compile("text: {regex: \"^[0-9]+\", capture: greeting}");
  ASSERT_TRUE(both.replies) << both.errors();
  ASSERT_TRUE(both.only().text);
  EXPECT_TRUE(both.only().text->match);
  EXPECT_EQ(both.only().text->capture, "greeting");
  auto alone = compile("capture: banner");
  ASSERT_TRUE(alone.replies) << alone.errors();
  EXPECT_FALSE(alone.only().text->match);
  EXPECT_EQ(alone.only().text->capture, "banner");
}

TEST(Pop3ExpectCompiler, CaptureNameMustBeAVariableName) {
  auto bad = compile("capture: \"9lives\"");
  EXPECT_FALSE(bad.replies);
  EXPECT_NE(bad.errors().find("must be a variable name"), std::string::npos);
}

TEST(Pop3ExpectCompiler, NumberFormsAreLiteralVariableOrCapture) {
  auto compiled = compile("stat: {count: 3, size: octets}");
  ASSERT_TRUE(compiled.replies) << compiled.errors();
  const auto& stat = *compiled.only().stat;
  EXPECT_EQ(stat.count->equals, "3");
  EXPECT_EQ(stat.size->capture, "octets");
  auto variable = compile("stat: {count: \"${before}\"}");
  ASSERT_TRUE(variable.replies) << variable.errors();
  EXPECT_EQ(variable.only().stat->count->equals, "${before}");
  auto bounds = compile("stat: {count: {min: 1, max: \"${n}\", capture: c}}");
  ASSERT_TRUE(bounds.replies) << bounds.errors();
  EXPECT_EQ(bounds.only().stat->count->min, "1");
  EXPECT_EQ(bounds.only().stat->count->max, "${n}");
  EXPECT_EQ(bounds.only().stat->count->capture, "c");
}

TEST(Pop3ExpectCompiler, NumberThatIsNeitherIsRejected) {
  auto bad = compile("stat: {count: \"3 messages\"}");
  EXPECT_FALSE(bad.replies);
  EXPECT_NE(bad.errors().find("'count' must be a number"), std::string::npos);
  auto bound = compile("stat: {count: {min: many}}");
  EXPECT_FALSE(bound.replies);
  EXPECT_NE(bound.errors().find("'min' must be a number or a ${variable}"), std::string::npos);
}

TEST(Pop3ExpectCompiler, TypedHelpersImplyPositiveStatus) {
  auto compiled = compile("capa: {has: [UIDL, \"SASL=PLAIN\"], lacks: STLS}");
  ASSERT_TRUE(compiled.replies) << compiled.errors();
  EXPECT_EQ(compiled.only().status, ExpectedStatus::ok);
  EXPECT_EQ(compiled.only().capa->has, (std::vector<std::string>{"UIDL", "SASL=PLAIN"}));
  EXPECT_EQ(compiled.only().capa->lacks, (std::vector<std::string>{"STLS"}));
}

TEST(Pop3ExpectCompiler, TypedHelperWithNegativeStatusIsAContradiction) {
  auto bad = compile("{status: -ERR, stat: {count: 1}}");
  EXPECT_FALSE(bad.replies);
  EXPECT_NE(bad.errors().find("check a +OK reply, but status is -ERR"), std::string::npos);
}

TEST(Pop3ExpectCompiler, OnlyOneTypedHelperPerReply) {
  auto bad = compile("{stat: {count: 1}, list: {count: 1}}");
  EXPECT_FALSE(bad.replies);
  EXPECT_NE(bad.errors().find("at most one of"), std::string::npos);
}

TEST(Pop3ExpectCompiler, BodyChecksContradictSingleLine) {
  auto bad = compile("{multiline: false, lines: {count: 2}}");
  EXPECT_FALSE(bad.replies);
  EXPECT_NE(bad.errors().find("multiline is false"), std::string::npos);
}

TEST(Pop3ExpectCompiler, LinesTakesCountBoundsAndTextConditions) {
  auto compiled = compile("lines: {min: 1, any: \"^TOP$\", each: \"^[A-Z]\", none: \"^STLS\"}");
  ASSERT_TRUE(compiled.replies) << compiled.errors();
  const auto& lines = *compiled.only().lines;
  EXPECT_EQ(lines.count->min, "1");
  EXPECT_TRUE(lines.any && lines.each && lines.none);
}

TEST(Pop3ExpectCompiler, ListAndUidlSelectAMessage) {
  auto list = compile("list: {message: 2, size: size2}");
  ASSERT_TRUE(list.replies) << list.errors();
  EXPECT_EQ(list.only().listing->kind, ListingCheck::Kind::scan);
  EXPECT_EQ(list.only().listing->message, "2");
  auto uidl = compile("uidl: {count: 3, message: \"${n}\", uid: {capture: uid1}}");
  ASSERT_TRUE(uidl.replies) << uidl.errors();
  EXPECT_EQ(uidl.only().listing->kind, ListingCheck::Kind::unique_id);
  EXPECT_EQ(uidl.only().listing->uid->capture, "uid1");
  auto mixed = compile("list: {uid: x}");
  EXPECT_FALSE(mixed.replies);
  EXPECT_NE(mixed.errors().find("unknown key 'uid' in 'list'"), std::string::npos);
}

TEST(Pop3ExpectCompiler, MessageChecksHeadersBodyAndSize) {
  auto compiled =
      compile("message: {header: {Subject: \"^Dots$\", From: {contains: \"@\"}}, body: {equals: \"\"}, body_lines: 0}");
  ASSERT_TRUE(compiled.replies) << compiled.errors();
  const auto& message = *compiled.only().message;
  ASSERT_EQ(message.headers.size(), 2u);
  EXPECT_EQ(message.headers[0].first, "Subject");
  EXPECT_EQ(message.body_lines->equals, "0");
}

TEST(Pop3ExpectCompiler, ListOfRepliesIsPipelined) {
  auto compiled = compile("[+OK, {status: -ERR}, {stat: {count: 0}}]");
  ASSERT_TRUE(compiled.replies) << compiled.errors();
  ASSERT_EQ(compiled.replies->size(), 3u);
  EXPECT_EQ((*compiled.replies)[1].status, ExpectedStatus::err);
}

TEST(Pop3ExpectCompiler, EmptyListIsAnError) {
  auto bad = compile("[]");
  EXPECT_FALSE(bad.replies);
  EXPECT_NE(bad.errors().find("empty list"), std::string::npos);
}

TEST(Pop3ExpectCompiler, OneOfHoldsAlternativesWithoutMultiline) {
  auto compiled = compile("one_of: [+OK, {status: -ERR, code: IN-USE}]");
  ASSERT_TRUE(compiled.replies) << compiled.errors();
  ASSERT_EQ(compiled.only().one_of.size(), 2u);
  EXPECT_EQ(compiled.only().one_of[1].code, "IN-USE");
  auto bad = compile("one_of: [{multiline: true}]");
  EXPECT_FALSE(bad.replies);
  EXPECT_NE(bad.errors().find("'multiline' belongs to the expectation"), std::string::npos);
}

TEST(Pop3ExpectCompiler, EveryMistakeOfOneExpectationIsReported) {
  auto bad = compile("{status: OK, code: \"a b\", capture: \"1x\"}");
  EXPECT_FALSE(bad.replies);
  EXPECT_EQ(bad.diagnostics.size(), 3u) << bad.errors();
}

TEST(Pop3ExpectCompiler, RulesNameTheStatesAndCompileToADescribedSpec) {
  const auto& rules = pop3_rules();
  EXPECT_EQ(rules.id(), scenario::Protocol::pop3);
  EXPECT_EQ(rules.state_names(), (std::vector<std::string>{"authorization", "transaction", "update", "closed"}));
  EXPECT_FALSE(rules.supports_literals());
  EXPECT_FALSE(rules.supports_message());
  Diagnostics diagnostics;
  auto spec = rules.compile_expect(YAML::Load("{status: +OK, stat: {count: 2}}"), "s.yaml", diagnostics);
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec->describe(), "+OK, STAT listing (count = 2)");
  EXPECT_FALSE(rules.compile_expect(YAML::Load("{bogus: 1}"), "s.yaml", diagnostics));
}

}  // namespace
}  // namespace conformance::protocols::pop3
