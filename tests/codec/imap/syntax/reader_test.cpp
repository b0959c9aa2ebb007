#include "harness/codec/imap/reader.hpp"

#include <gtest/gtest.h>

#include <string>

namespace conformance::codec::imap {
namespace {

TEST(ImapReader, ReadsTagCommandAndAstringArguments) {
  // RFC 9051 §6.2.3 example.
  Reader r("a001 LOGIN SMITH SESAME\r\n");
  EXPECT_EQ(r.tag(), "a001");
  r.sp();
  EXPECT_EQ(r.atom(), "LOGIN");
  r.sp();
  EXPECT_EQ(r.astring(), "SMITH");
  r.sp();
  EXPECT_EQ(r.astring(), "SESAME");
  r.crlf();
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.at_end());
}

TEST(ImapReader, UnescapesQuotedStrings) {
  Reader r(R"("a \"quoted\" back\\slash")");
  EXPECT_EQ(r.quoted(), R"(a "quoted" back\slash)");
  EXPECT_TRUE(r.ok());
}

TEST(ImapReader, RejectsBackslashBeforeOrdinaryCharacterInQuotedString) {
  Reader r(R"("a\b")");
  r.quoted();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, 3u);
}

TEST(ImapReader, ReadsQuotedStringWithEscapesBetweenRuns) {
  Reader r(R"("first run \\ second \" third" rest)");
  EXPECT_EQ(r.quoted(), R"(first run \ second " third)");
  EXPECT_EQ(r.rest(), " rest");
}

TEST(ImapReader, Rejects8BitQuotedCharacterAtItsOffsetWhenNotAllowed) {
  ReaderOptions options;
  options.allow_8bit_quoted = false;
  Reader r("\"abc\xC3\xA9\"", options);
  r.quoted();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, 4u);
  EXPECT_EQ(r.error().expected, "7-bit character in quoted string");
}

TEST(ImapReader, RejectsUnterminatedQuotedString) {
  Reader r("\"abc\r\n");
  r.quoted();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, 4u);
}

TEST(ImapReader, ReadsLiteralOfAnnouncedLength) {
  Reader r("{12}\r\nhello\r\nworld rest");
  StringForm form{};
  EXPECT_EQ(r.string(&form), "hello\r\nworld");
  EXPECT_EQ(form, StringForm::literal);
  EXPECT_EQ(r.rest(), " rest");
}

TEST(ImapReader, RejectsTruncatedLiteralAtItsMarker) {
  Reader r("A1 {20}\r\nshort");
  r.tag();
  r.sp();
  r.string();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, 3u);
}

TEST(ImapReader, RejectsNulInOrdinaryLiteralButNotInLiteral8) {
  const std::string with_nul = std::string("{3}\r\na") + '\0' + "b";
  Reader plain(with_nul);
  plain.string();
  EXPECT_FALSE(plain.ok());
  const std::string literal8 = "~" + with_nul;  // the Reader views it; it must outlive the Reader
  Reader binary(literal8);
  StringForm form{};
  EXPECT_EQ(binary.string(&form), std::string("a\0b", 3));
  EXPECT_EQ(form, StringForm::literal8);
}

TEST(ImapReader, NilIsCaseInsensitiveAndNotAPrefix) {
  Reader r("nil NILS");
  EXPECT_FALSE(r.nstring().has_value());
  EXPECT_TRUE(r.ok());
  r.sp();
  r.nstring();
  EXPECT_FALSE(r.ok());
}

TEST(ImapReader, NumberRejectsOverflow) {
  Reader ok("4294967295");
  EXPECT_EQ(ok.number(), 4294967295u);
  Reader over("4294967296");
  over.number();
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().offset, 0u);
}

TEST(ImapReader, NzNumberRejectsZero) {
  Reader r("0");
  r.nz_number();
  EXPECT_FALSE(r.ok());
}

TEST(ImapReader, Number64AcceptsModSequenceRange) {
  Reader r("9223372036854775807");
  EXPECT_EQ(r.number64(), 9223372036854775807ull);
  Reader over("9223372036854775808");
  over.number64();
  EXPECT_FALSE(over.ok());
}

TEST(ImapReader, ListDepthIsCapped) {
  ReaderOptions options;
  options.max_depth = 3;
  Reader r("((((x))))", options);
  r.open();
  r.open();
  r.open();
  EXPECT_TRUE(r.ok());
  r.open();
  EXPECT_FALSE(r.ok());
}

TEST(ImapReader, FirstErrorWinsAndLaterReadsAreInert) {
  Reader r("A1 (");
  r.tag();
  r.expect('X');
  const auto first = r.error();
  r.atom();
  r.number();
  EXPECT_EQ(r.error(), first);
  EXPECT_EQ(r.offset(), 2u);
}

TEST(ImapReader, ReadsSystemAndKeywordFlags) {
  Reader r("\\Seen $Forwarded \\*");
  EXPECT_EQ(r.flag(), "\\Seen");
  r.sp();
  EXPECT_EQ(r.flag(), "$Forwarded");
  r.sp();
  EXPECT_EQ(r.flag(), "\\*");
  EXPECT_TRUE(r.ok());
}

TEST(ImapReader, ListMailboxAcceptsWildcards) {
  Reader r("~/Mail/%");
  EXPECT_EQ(r.list_mailbox(), "~/Mail/%");
}

TEST(ImapReader, AstringAcceptsCloseBracket) {
  Reader r("foo]bar");
  EXPECT_EQ(r.astring(), "foo]bar");
}

TEST(ImapReader, TryKeywordIsCaseInsensitive) {
  Reader r("uid FETCH");
  EXPECT_TRUE(r.try_keyword("UID"));
  EXPECT_FALSE(r.try_keyword("FETCH"));  // SP first
  r.sp();
  EXPECT_TRUE(r.try_keyword("fetch"));
}

TEST(ImapReader, CrlfRequiredUnlessBareLfAllowed) {
  Reader strict("\n");
  strict.crlf();
  EXPECT_FALSE(strict.ok());
  ReaderOptions options;
  options.allow_bare_lf = true;
  Reader lenient("\n", options);
  lenient.crlf();
  EXPECT_TRUE(lenient.ok());
}

}  // namespace
}  // namespace conformance::codec::imap
