// Errors that apply to every command: where they are reported, and the tag
// they carry so that a server can answer "tag BAD".
#include <gtest/gtest.h>

#include "command_test_support.hpp"

namespace conformance::codec::imap::command {
namespace {

using testing::parse_error;

TEST(ImapCommandErrors, MissingTagAtOffsetZero) {
  const auto error = parse_error(" NOOP\r\n");
  EXPECT_FALSE(error.has_tag());
  EXPECT_EQ(error.error, (ParseError{0, "tag"}));
}

TEST(ImapCommandErrors, EmptyLineHasNoTag) {
  EXPECT_EQ(parse_error("\r\n").error, (ParseError{0, "tag"}));
}

TEST(ImapCommandErrors, PlusCannotStartATag) {
  EXPECT_EQ(parse_error("+ NOOP\r\n").error, (ParseError{0, "tag"}));
}

TEST(ImapCommandErrors, TagAloneStillReportsTheTag) {
  const auto error = parse_error("a001\r\n");
  EXPECT_EQ(error.tag, "a001");
  EXPECT_EQ(error.error, (ParseError{4, "SP"}));
}

TEST(ImapCommandErrors, MissingCommandName) {
  const auto error = parse_error("a001 \r\n");
  EXPECT_EQ(error.tag, "a001");
  EXPECT_EQ(error.error, (ParseError{5, "command name"}));
}

TEST(ImapCommandErrors, MissingSpaceBeforeArgument) {
  const auto error = parse_error("a001 SELECT\r\n");
  EXPECT_EQ(error.tag, "a001");
  EXPECT_EQ(error.error, (ParseError{11, "SP"}));
}

TEST(ImapCommandErrors, DoubleSpaceIsAnError) {
  EXPECT_EQ(parse_error("a001 SELECT  INBOX\r\n").error, (ParseError{12, "astring"}));
}

TEST(ImapCommandErrors, MissingCrlf) {
  EXPECT_EQ(parse_error("a001 NOOP").error, (ParseError{9, "CRLF"}));
}

TEST(ImapCommandErrors, BareLfOnlyWhenAllowed) {
  EXPECT_EQ(parse_error("a001 NOOP\n").error, (ParseError{9, "CRLF"}));
  ParseOptions lenient;
  lenient.reader.allow_bare_lf = true;
  EXPECT_TRUE(parse_command("a001 NOOP\n", lenient).ok());
}

TEST(ImapCommandErrors, BytesAfterTheCommand) {
  EXPECT_EQ(parse_error("a001 NOOP\r\nb NOOP\r\n").error, (ParseError{11, "end of the command after its CRLF"}));
}

TEST(ImapCommandErrors, BadSequenceSet) {
  EXPECT_EQ(parse_error("a FETCH 0 FLAGS\r\n").error, (ParseError{8, "non-zero number"}));
  EXPECT_EQ(parse_error("a FETCH 1:x FLAGS\r\n").error, (ParseError{10, "number"}));
  EXPECT_EQ(parse_error("a COPY 1,,2 x\r\n").error, (ParseError{9, "number"}));
}

TEST(ImapCommandErrors, TruncatedLiteral) {
  EXPECT_EQ(parse_error("a LOGIN {10}\r\nabc\r\n").error, (ParseError{8, "10 octets of literal data"}));
}

TEST(ImapCommandErrors, UnknownCommandNeedsItsFrameEnd) {
  EXPECT_EQ(parse_error("a XFOO {5}\r\nab").error, (ParseError{14, "CRLF"}));
}

}  // namespace
}  // namespace conformance::codec::imap::command
