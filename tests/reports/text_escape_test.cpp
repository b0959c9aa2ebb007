// Making untrusted text safe for XML, HTML, JSON and terminals.
#include "reports/text_escape.hpp"

#include <gtest/gtest.h>

namespace conformance::reports {
namespace {

TEST(EscapeMarkup, ReplacesTheFiveSpecialCharactersWithEntities) {
  EXPECT_EQ(escape_markup("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(EscapeMarkup, CdataTerminatorLosesItsMeaning) { EXPECT_EQ(escape_markup("x]]>y"), "x]]&gt;y"); }

TEST(EscapeMarkup, ShowsControlCharactersForbiddenInXmlVisibly) {
  EXPECT_EQ(escape_markup(std::string("a\x01"
                                      "b\x1b[2J\x00z",
                                      9)),
            "a\\x01b\\x1B[2J\\x00z");
}

TEST(EscapeMarkup, ShowsDelAndC1ControlsVisibly) { EXPECT_EQ(escape_markup("\x7f|\xc2\x85"), "\\x7F|\\u0085"); }

TEST(EscapeMarkup, ShowsNoncharactersForbiddenInXmlVisibly) {
  EXPECT_EQ(escape_markup("\xef\xbf\xbe\xef\xbf\xbf"), "\\uFFFE\\uFFFF");
}

TEST(EscapeMarkup, KeepsTabAndLineFeedInTextButReferencesCarriageReturn) {
  EXPECT_EQ(escape_markup("a\tb\r\nc"), "a\tb&#13;\nc");
}

TEST(EscapeMarkup, ReferencesTabAndLineBreaksInAttributesSoTheySurviveNormalisation) {
  EXPECT_EQ(escape_markup("a\tb\r\nc", MarkupContext::attribute), "a&#9;b&#13;&#10;c");
}

TEST(EscapeMarkup, KeepsValidUtf8) {
  EXPECT_EQ(escape_markup("caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x93\xa7"), "caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x93\xa7");
}

TEST(ValidUtf8, ShowsEachInvalidByteAsHex) {
  EXPECT_EQ(valid_utf8("a\xff"
                       "b\xc3"),
            "a\\xFFb\\xC3");
}

TEST(ValidUtf8, RejectsOverlongFormsAndSurrogates) {
  EXPECT_EQ(valid_utf8("\xc0\xaf"), "\\xC0\\xAF");
  EXPECT_EQ(valid_utf8("\xe0\x80\xaf"), "\\xE0\\x80\\xAF");
  EXPECT_EQ(valid_utf8("\xed\xa0\x80"), "\\xED\\xA0\\x80");
  EXPECT_EQ(valid_utf8("\xf4\x90\x80\x80"), "\\xF4\\x90\\x80\\x80");
}

TEST(ValidUtf8, KeepsControlCharactersForTheJsonWriterToEscape) { EXPECT_EQ(valid_utf8("a\x01\n"), "a\x01\n"); }

TEST(VisibleText, ShowsTerminalEscapesAsText) { EXPECT_EQ(visible_text("\x1b[2Jgone\r", false), "\\x1B[2Jgone\\x0D"); }

TEST(VisibleText, KeepsNewlinesOnlyWhenAsked) {
  EXPECT_EQ(visible_text("a\nb\tc", true), "a\nb\tc");
  EXPECT_EQ(visible_text("a\nb\tc", false), "a\\x0Ab\tc");
}

}  // namespace
}  // namespace conformance::reports
