// The IMAP expect syntax: what compiles, and the load errors (with their
// place in the file) for what does not.
#include "tests/protocols/imap/test_support.hpp"

namespace conformance::protocols::imap {
namespace {

using testing::compile;

std::string first_error(const std::string& yaml) {
  scenario::Diagnostics diagnostics;
  auto spec = compile(yaml, &diagnostics);
  EXPECT_EQ(spec, nullptr);
  return diagnostics.empty() ? std::string() : diagnostics.front().to_string();
}

TEST(ImapExpectCompiler, TaggedShorthandIsTheStatusOfTheLastTag) {
  auto spec = compile("tagged: OK");
  ASSERT_NE(spec, nullptr);
  ASSERT_EQ(spec->tagged.size(), 1u);
  EXPECT_EQ(spec->tagged[0].tag, "${tag}");
  EXPECT_EQ(spec->tagged[0].statuses, std::vector<Status>{Status::ok});
  EXPECT_EQ(spec->until(), ImapExpect::Until::tagged);
}

TEST(ImapExpectCompiler, StatusMayListSeveralAcceptableStatuses) {
  auto spec = compile("tagged: {status: [NO, BAD]}");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->tagged[0].statuses, (std::vector<Status>{Status::no, Status::bad}));
}

TEST(ImapExpectCompiler, UntaggedEntriesMayBeBareTypeNames) {
  auto spec = compile("{tagged: OK, untagged: [flags, {type: EXISTS, number: 3}]}");
  ASSERT_NE(spec, nullptr);
  ASSERT_EQ(spec->untagged.size(), 2u);
  EXPECT_EQ(spec->untagged[0].type, "FLAGS");
  EXPECT_EQ(spec->untagged[1].number->equals, "3");
}

TEST(ImapExpectCompiler, UnknownKeyIsReportedWithItsLocation) {
  EXPECT_EQ(first_error("tagged: {status: OK, stauts: NO}"),
            "test.yaml:1:22: unknown key 'stauts' in tagged (known: tag, status, code, text)");
}

TEST(ImapExpectCompiler, KeyThatDoesNotApplyToTheTypeIsAnError) {
  EXPECT_NE(
      first_error("{tagged: OK, untagged: [{type: EXISTS, uid: 3}]}").find("'uid' applies to FETCH, not to EXISTS"),
      std::string::npos);
}

TEST(ImapExpectCompiler, BadSectionSpecifierIsALoadError) {
  EXPECT_NE(first_error("{tagged: OK, untagged: [{type: FETCH, body: {section: 'HEADER.FIELDS'}}]}")
                .find("not an IMAP section specifier"),
            std::string::npos);
}

TEST(ImapExpectCompiler, SectionSpecifierIsParsedAtLoadTime) {
  auto spec = compile("{tagged: OK, untagged: [{type: FETCH, body: {section: '1.mime'}}]}");
  ASSERT_NE(spec, nullptr);
  const auto& section = spec->untagged[0].body[0].section;
  EXPECT_EQ(section.part, std::vector<std::uint32_t>{1});
  EXPECT_EQ(section.text, codec::imap::Section::Text::mime);
}

TEST(ImapExpectCompiler, BadRegexIsALoadError) {
  EXPECT_NE(first_error("tagged: {status: OK, text: '(unclosed'}").find("test.yaml:1:28"), std::string::npos);
}

TEST(ImapExpectCompiler, NumberMustBeANumberOrAVariable) {
  EXPECT_NE(first_error("{tagged: OK, untagged: [{type: EXISTS, number: three}]}").find("must be a number"),
            std::string::npos);
}

TEST(ImapExpectCompiler, PipelinedListNeedsATagInEveryEntry) {
  EXPECT_NE(first_error("[{tagged: {tag: a1, status: OK}}, {tagged: OK}]").find("needs its own 'tag'"),
            std::string::npos);
}

TEST(ImapExpectCompiler, PipelinedListCollectsEveryTaggedReplyAndCondition) {
  auto spec = compile(
      "[{tagged: {tag: a1, status: OK}, untagged: [EXISTS]}, {tagged: {tag: a2, status: OK}, absent: [EXPUNGE]}]");
  ASSERT_NE(spec, nullptr);
  ASSERT_EQ(spec->tagged.size(), 2u);
  EXPECT_EQ(spec->tagged[1].tag, "a2");
  EXPECT_EQ(spec->untagged.size(), 1u);
  EXPECT_EQ(spec->absent.size(), 1u);
}

TEST(ImapExpectCompiler, EmptyExpectIsAnError) {
  EXPECT_NE(first_error("{}").find("expect needs one of"), std::string::npos);
}

TEST(ImapExpectCompiler, GreetingCannotBeCombinedWithUntaggedConditions) {
  EXPECT_NE(first_error("{greeting: OK, untagged: [CAPABILITY]}").find("cannot be combined"), std::string::npos);
}

TEST(ImapExpectCompiler, TaggedAndContinuationExcludeEachOther) {
  EXPECT_NE(first_error("{tagged: OK, continuation: true}").find("only one of"), std::string::npos);
}

TEST(ImapExpectCompiler, CaptureMustBeAVariableName) {
  EXPECT_NE(first_error("tagged: {code: {name: APPENDUID, capture: 'a b'}}").find("must be a variable name"),
            std::string::npos);
}

TEST(ImapExpectCompiler, ByeAloneEndsAtTheBye) {
  auto spec = compile("bye: true");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->until(), ImapExpect::Until::bye);
}

TEST(ImapExpectCompiler, DescriptionNamesEveryPart) {
  auto spec = compile("{tagged: {status: OK, code: READ-WRITE}, untagged: [{type: EXISTS, number: 1}], absent: [BYE]}");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->describe(), "* EXISTS (number = 1), no * BYE, ${tag} OK [READ-WRITE]");
}

}  // namespace
}  // namespace conformance::protocols::imap
