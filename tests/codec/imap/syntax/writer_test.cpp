#include "harness/codec/imap/writer.hpp"

#include <gtest/gtest.h>

#include "harness/codec/imap/reader.hpp"

namespace conformance::codec::imap {
namespace {

TEST(ImapWriter, AstringPrefersAtomThenQuotedThenLiteral) {
  Writer w;
  w.astring("INBOX").sp().astring("My Folder").sp().astring("two\r\nlines");
  EXPECT_EQ(w.bytes(), "INBOX \"My Folder\" {10}\r\ntwo\r\nlines");
}

TEST(ImapWriter, QuotedEscapesQuoteAndBackslash) {
  Writer w;
  w.quoted(R"(say "hi" \o/)");
  EXPECT_EQ(w.bytes(), R"("say \"hi\" \\o/")");
}

TEST(ImapWriter, RecordsWhereAClientMustWaitForContinuation) {
  Writer w;
  w.raw("A1 LOGIN ").literal("fred").sp().literal("pw").crlf();
  ASSERT_EQ(w.continuation_points().size(), 2u);
  EXPECT_EQ(w.bytes().substr(0, w.continuation_points()[0]), "A1 LOGIN {4}\r\n");
}

TEST(ImapWriter, NonSynchronizingLiteralsNeedNoContinuation) {
  WriterOptions options;
  options.non_synchronizing_literals = true;
  Writer w(options);
  w.literal("fred");
  EXPECT_EQ(w.bytes(), "{4+}\r\nfred");
  EXPECT_TRUE(w.continuation_points().empty());
}

TEST(ImapWriter, StringWithNulBecomesLiteral8) {
  Writer w;
  w.string(std::string("a\0b", 3));
  EXPECT_EQ(w.bytes(), std::string("~{3}\r\na\0b", 9));
}

TEST(ImapWriter, EightBitStringIsQuotedOnlyWhenAllowed) {
  Writer seven_bit;
  seven_bit.string("caf\xc3\xa9");
  EXPECT_EQ(seven_bit.bytes(), "{5}\r\ncaf\xc3\xa9");
  WriterOptions options;
  options.allow_8bit_quoted = true;
  Writer utf8(options);
  utf8.string("caf\xc3\xa9");
  EXPECT_EQ(utf8.bytes(), "\"caf\xc3\xa9\"");
}

TEST(ImapWriter, AtomNamedNilIsWrittenAsString) {
  Writer w;
  w.string_as("NIL", StringForm::atom);
  EXPECT_EQ(w.bytes(), "\"NIL\"");
}

TEST(ImapWriter, WhatTheReaderReadsBackIsWhatWasWritten) {
  for (std::string value : {"", "x", "NIL", "a b", "\"", "\\", "line\r\nbreak", "]", "{5}"}) {
    Writer w;
    w.astring(value);
    Reader r(w.bytes());
    EXPECT_EQ(r.astring(), value) << w.bytes();
    EXPECT_TRUE(r.ok() && r.at_end()) << w.bytes();
  }
}

}  // namespace
}  // namespace conformance::codec::imap
