#include "harness/codec/mime/encoded_word.hpp"

#include <gtest/gtest.h>

#include "harness/codec/mime/charset.hpp"

namespace conformance::codec::mime {
namespace {

std::string decode(std::string_view text, EncodedWordContext context = EncodedWordContext::text) {
  return decode_encoded_words(text, context).text;
}

// RFC 2047 §8: the header fields of the example messages.
TEST(MimeEncodedWord, DecodesTheExampleFromFields) {
  EXPECT_EQ(decode("=?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>"), "Keith Moore <moore@cs.utk.edu>");
  EXPECT_EQ(decode("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>"), "Keld J\xC3\xB8rn Simonsen <keld@dkuug.dk>");
  EXPECT_EQ(decode("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>"), "Andr\xC3\xA9 Pirard <PIRARD@vm1.ulg.ac.be>");
  EXPECT_EQ(decode("=?ISO-8859-1?Q?Olle_J=E4rnefors?= <ojarnef@admin.kth.se>"),
            "Olle J\xC3\xA4rnefors <ojarnef@admin.kth.se>");
  EXPECT_EQ(decode("=?ISO-8859-1?Q?Patrik_F=E4ltstr=F6m?= <paf@nada.kth.se>"),
            "Patrik F\xC3\xA4ltstr\xC3\xB6m <paf@nada.kth.se>");
}

TEST(MimeEncodedWord, DecodesTheExampleSubjectAcrossCharsets) {
  DecodedText decoded = decode_encoded_words(
      "=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n    =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=");
  EXPECT_EQ(decoded.text, "If you can read this you understand the example.");
  EXPECT_EQ(decoded.encoded_words, 2u);
  // ISO-8859-2 is not converted: its (here ASCII) bytes are kept and flagged.
  EXPECT_FALSE(decoded.all_converted);
  EXPECT_EQ(decoded.unconverted_charsets, (std::vector<std::string>{"ISO-8859-2"}));
}

TEST(MimeEncodedWord, DecodesEncodedWordInComment) {
  DecodedText decoded = decode_encoded_words("Nathaniel Borenstein <nsb@thumper.bellcore.com>\r\n      "
                                             "(=?iso-8859-8?b?7eXs+SDv4SDp7Oj08A==?=)",
                                             EncodedWordContext::comment);
  EXPECT_EQ(decoded.encoded_words, 1u);
  EXPECT_EQ(decoded.unconverted_charsets, (std::vector<std::string>{"iso-8859-8"}));
  EXPECT_EQ(decoded.text, "Nathaniel Borenstein <nsb@thumper.bellcore.com>\r\n      (\xED\xE5\xEC\xF9 \xEF\xE1 \xE9\xEC\xE8\xF4\xF0)");
}

// RFC 2047 §8: the table of white space between encoded-words.
TEST(MimeEncodedWord, FollowsTheWhiteSpaceTable) {
  const auto comment = EncodedWordContext::comment;
  EXPECT_EQ(decode("(=?ISO-8859-1?Q?a?=)", comment), "(a)");
  EXPECT_EQ(decode("(=?ISO-8859-1?Q?a?= b)", comment), "(a b)");
  EXPECT_EQ(decode("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", comment), "(ab)");
  EXPECT_EQ(decode("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", comment), "(ab)");
  EXPECT_EQ(decode("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)", comment), "(ab)");
  EXPECT_EQ(decode("(=?ISO-8859-1?Q?a_b?=)", comment), "(a b)");
  EXPECT_EQ(decode("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", comment), "(a b)");
}

TEST(MimeEncodedWord, ParenthesesDoNotDelimitInUnstructuredText) {
  EXPECT_EQ(decode("(=?ISO-8859-1?Q?a?=)"), "(=?ISO-8859-1?Q?a?=)");
}

TEST(MimeEncodedWord, KeepsWhiteSpaceBetweenEncodedWordAndText) {
  EXPECT_EQ(decode("Re: =?UTF-8?Q?caf=C3=A9?= time"), "Re: caf\xC3\xA9 time");
}

TEST(MimeEncodedWord, LeavesWordsRunningIntoTextUndecoded) {
  EXPECT_EQ(decode("ab=?US-ASCII?Q?Keith_Moore?=CD"), "ab=?US-ASCII?Q?Keith_Moore?=CD");
  EXPECT_EQ(decode("x =?US-ASCII?Q?a?=b"), "x =?US-ASCII?Q?a?=b");
}

TEST(MimeEncodedWord, LeavesMalformedWordsAsWritten) {
  for (const char* word : {"=??Q?test?=", "=?utf-8??test?=", "=?utf-8?Z?test?=", "=?utf-8?Q?bad=G1?=",
                           "=?utf-8?B?not*base64?=", "=?utf-8?Q?unterminated"}) {
    DecodedText decoded = decode_encoded_words(word);
    EXPECT_EQ(decoded.text, word);
    EXPECT_EQ(decoded.encoded_words, 0u) << word;
  }
}

TEST(MimeEncodedWord, JoinsCharacterSplitAcrossWords) {
  // U+20AC (E2 82 AC) split between two words of the same charset.
  EXPECT_EQ(decode("=?UTF-8?Q?=E2=82?= =?UTF-8?Q?=AC?="), "\xE2\x82\xAC");
}

TEST(MimeEncodedWord, JoinsWordsWrittenBackToBack) {
  EXPECT_EQ(decode("=?UTF-8?B?Zm9v?==?UTF-8?B?YmFy?="), "foobar");
}

TEST(MimeEncodedWord, StripsRfc2231Language) {
  EXPECT_EQ(decode("=?US-ASCII*EN?Q?Keith_Moore?="), "Keith Moore");
}

TEST(MimeEncodedWord, EncodesQWordsWithinSeventyFiveCharacters) {
  const std::string text = "Caf\xC3\xA9 \xE2\x82\xAC prices for the whole week, with \"quotes\" and ?marks=equals_";
  const std::string encoded = encode_encoded_words(text);
  std::size_t start = 0;
  while (start < encoded.size()) {
    std::size_t end = encoded.find(' ', start);
    if (end == std::string::npos) end = encoded.size();
    EXPECT_LE(end - start, 75u);
    EXPECT_EQ(encoded.compare(start, 10, "=?UTF-8?Q?"), 0);
    start = end + 1;
  }
  EXPECT_EQ(decode(encoded), text);
}

TEST(MimeEncodedWord, EncodesBWords) {
  EXPECT_EQ(encode_encoded_words("foo", WordEncoding::b), "=?UTF-8?B?Zm9v?=");
  const std::string text(200, 'x');
  EXPECT_EQ(decode(encode_encoded_words(text, WordEncoding::b)), text);
}

TEST(MimeEncodedWord, NeverSplitsAUtf8Character) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "\xE2\x82\xAC";
  const std::string encoded = encode_encoded_words(text, WordEncoding::b);
  std::size_t start = 0;
  while (start < encoded.size()) {
    std::size_t end = encoded.find(' ', start);
    if (end == std::string::npos) end = encoded.size();
    DecodedText one = decode_encoded_words(encoded.substr(start, end - start));
    EXPECT_TRUE(one.all_converted) << "word ending before " << end;
    start = end + 1;
  }
}

TEST(MimeEncodedWord, EncodesHeaderTextOnlyWhenNeeded) {
  EXPECT_EQ(encode_header_text("Saying Hello"), "Saying Hello");
  EXPECT_EQ(encode_header_text("caf\xC3\xA9"), "=?UTF-8?Q?caf=C3=A9?=");
  EXPECT_EQ(encode_header_text("looks =?like?= a word"), encode_encoded_words("looks =?like?= a word"));
}

TEST(MimeCharset, IdentifiesCharsetsAndAliases) {
  EXPECT_EQ(identify_charset("US-ASCII"), Charset::us_ascii);
  EXPECT_EQ(identify_charset("utf8"), Charset::utf_8);
  EXPECT_EQ(identify_charset("Latin1"), Charset::iso_8859_1);
  EXPECT_EQ(identify_charset("windows-1252"), Charset::unsupported);
}

TEST(MimeCharset, ConvertsLatin1AndValidatesTheOthers) {
  EXPECT_EQ(to_utf8("\xE9", Charset::iso_8859_1).text, "\xC3\xA9");
  EXPECT_FALSE(to_utf8("\xE9", Charset::us_ascii).converted);
  EXPECT_FALSE(to_utf8("\xE9", Charset::utf_8).converted);
  EXPECT_TRUE(to_utf8("\xC3\xA9", Charset::utf_8).converted);
  EXPECT_FALSE(to_utf8("abc", "x-unknown").converted);
}

}  // namespace
}  // namespace conformance::codec::mime
