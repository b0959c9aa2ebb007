#include "harness/scenario/loader.hpp"

#include <gtest/gtest.h>

namespace conformance::scenario {
namespace {

TEST(DecodeEscapes, DecodesEveryKnownEscape) {
  auto decoded = decode_escapes(R"(a\r\n\t\0\\\"\x41\x7f\xFF)");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, std::string("a\r\n\t\0\\\"A\x7f\xff", 10));
}

TEST(DecodeEscapes, LeavesOtherBytesAlone) {
  auto decoded = decode_escapes("EHLO x\n§");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, "EHLO x\n§");
}

TEST(DecodeEscapes, ReportsAnUnknownEscapeAtItsOffset) {
  auto decoded = decode_escapes(R"(ab\q)");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().offset, 2u);
  EXPECT_EQ(decoded.error().describe(), R"(offset 2: unknown escape '\q' (known: \r \n \t \0 \\ \" \xHH))");
}

TEST(DecodeEscapes, NamesAnUnprintableByteAfterABackslashInHex) {
  auto decoded = decode_escapes("\\\x01");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().message,
            R"(unknown escape (a backslash before byte 0x01) (known: \r \n \t \0 \\ \" \xHH))");
}

TEST(DecodeEscapes, HexNeedsTwoDigits) {
  for (const char* text : {R"(12\x4)", R"(12\x)", R"(12\x4g)"}) {
    auto decoded = decode_escapes(text);
    ASSERT_FALSE(decoded.ok()) << text;
    EXPECT_EQ(decoded.error().offset, 2u) << text;
    EXPECT_EQ(decoded.error().message, R"(\x needs two hex digits)") << text;
  }
}

TEST(DecodeEscapes, ALoneBackslashAtTheEndIsAnError) {
  auto decoded = decode_escapes("abc\\");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().offset, 3u);
}

TEST(DecodeEscapes, EmptyTextDecodesToEmpty) {
  auto decoded = decode_escapes("");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, "");
}

}  // namespace
}  // namespace conformance::scenario
