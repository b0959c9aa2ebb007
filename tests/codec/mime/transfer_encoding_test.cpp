#include "harness/codec/mime/transfer_encoding.hpp"

#include <gtest/gtest.h>

#include <string>

namespace conformance::codec::mime {
namespace {

TEST(MimeQuotedPrintable, DecodesEscapesAndSoftLineBreaks) {
  // RFC 2045 §6.7 rules (1), (2), (5).
  EXPECT_EQ(decode_quoted_printable("caf=C3=A9 =3D equal\r\nsecond line=\r\n continued"),
            "caf\xC3\xA9 = equal\r\nsecond line continued");
}

TEST(MimeQuotedPrintable, DropsTrailingWhiteSpaceOfEncodedLines) {
  // Rule (3): white space at the end of an encoded line was added in transport.
  EXPECT_EQ(decode_quoted_printable("text   \r\nsoft=  \r\nbreak"), "text\r\nsoftbreak");
}

TEST(MimeQuotedPrintable, KeepsInvalidEscapesRobustly) {
  EXPECT_EQ(decode_quoted_printable("a=G1 b=4 c="), "a=G1 b=4 c");
  EXPECT_EQ(decode_quoted_printable("lower =c3=a9"), "lower \xC3\xA9");
}

TEST(MimeQuotedPrintable, KeepsBareLfLineEnds) {
  EXPECT_EQ(decode_quoted_printable("a\nb=\nc"), "a\nbc");
}

TEST(MimeQuotedPrintable, StrictDecodingReportsTheFirstProblem) {
  EXPECT_EQ(*decode_quoted_printable_strict("ok=20line\r\n"), "ok line\r\n");
  EXPECT_EQ(decode_quoted_printable_strict("abc=G1").error(), (ParseError{3, "'=' followed by two hex digits"}));
  EXPECT_EQ(decode_quoted_printable_strict("x\r\nabc=c3").error(), (ParseError{6, "upper-case hex digits after '='"}));
  EXPECT_EQ(decode_quoted_printable_strict("caf\xE9").error(), (ParseError{3, "printable character or '=XX'"}));
  EXPECT_EQ(decode_quoted_printable_strict(std::string(77, 'a')).error(),
            (ParseError{76, "encoded line of at most 76 characters"}));
}

TEST(MimeQuotedPrintable, EncodesWithinSeventySixCharacterLines) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "caf\xC3\xA9 = line of text ";
  text += "\r\nsecond paragraph \t\r\nend ";
  const std::string encoded = encode_quoted_printable(text);
  std::size_t start = 0;
  while (start < encoded.size()) {
    std::size_t end = encoded.find("\r\n", start);
    if (end == std::string::npos) end = encoded.size();
    EXPECT_LE(end - start, 76u);
    start = end + 2;
  }
  EXPECT_NE(encoded.find("paragraph =09\r\n"), std::string::npos);  // white space before a line break is encoded
  EXPECT_EQ(encoded.substr(encoded.size() - 6), "end=20");
  EXPECT_EQ(decode_quoted_printable(encoded), text);
  EXPECT_TRUE(decode_quoted_printable_strict(encoded));
}

TEST(MimeQuotedPrintable, RoundTripsArbitraryBytes) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  bytes += "\r\n\r\r\n\n \r\n";
  EXPECT_EQ(decode_quoted_printable(encode_quoted_printable(bytes)), bytes);
}

TEST(MimeBase64, EncodesInLinesOf76) {
  const std::string encoded = encode_base64_lines(std::string(100, 'x'));
  EXPECT_EQ(encoded.find("\r\n"), 76u);
  EXPECT_EQ(encoded.substr(encoded.size() - 2), "\r\n");
  EXPECT_EQ(*decode_body(encoded, "BASE64"), std::string(100, 'x'));
}

TEST(MimeTransferEncoding, DecodesBodiesByEncodingName) {
  EXPECT_EQ(*decode_body("a=3Db", "Quoted-Printable"), "a=b");
  EXPECT_EQ(*decode_body("as is", ""), "as is");
  EXPECT_EQ(*decode_body("as is", "8bit"), "as is");
  EXPECT_FALSE(decode_body("x", "x-uuencode"));
  EXPECT_EQ(identify_transfer_encoding("BINARY"), TransferEncoding::binary);
}

}  // namespace
}  // namespace conformance::codec::mime
