#include "harness/codec/imap/mutf7.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::imap {
namespace {

// RFC 3501 §5.1.3: "~peter/mail/台北/日本語".
constexpr const char* kRfcUtf8 = "~peter/mail/\xE5\x8F\xB0\xE5\x8C\x97/\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E";
constexpr const char* kRfcMutf7 = "~peter/mail/&U,BTFw-/&ZeVnLIqe-";

TEST(ModifiedUtf7, EncodesRfc3501Example) { EXPECT_EQ(*encode_mutf7(kRfcUtf8), kRfcMutf7); }

TEST(ModifiedUtf7, DecodesRfc3501Example) { EXPECT_EQ(*decode_mutf7(kRfcMutf7), kRfcUtf8); }

TEST(ModifiedUtf7, AmpersandIsAmpersandDash) {
  EXPECT_EQ(*encode_mutf7("Tom & Jerry"), "Tom &- Jerry");
  EXPECT_EQ(*decode_mutf7("Tom &- Jerry"), "Tom & Jerry");
}

TEST(ModifiedUtf7, EncodesCharactersOutsideBmpAsSurrogatePairs) {
  const std::string emoji = "\xF0\x9F\x93\xA7";  // U+1F4E7
  auto encoded = encode_mutf7(emoji);
  ASSERT_TRUE(encoded.ok());
  EXPECT_EQ(*encoded, "&2D3c5w-");
  EXPECT_EQ(*decode_mutf7(*encoded), emoji);
}

TEST(ModifiedUtf7, RejectsUnterminatedShift) {
  auto decoded = decode_mutf7("a&ZeVnLIqe");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().offset, 10u);
}

TEST(ModifiedUtf7, RejectsBase64ForPrintableAscii) {
  EXPECT_FALSE(decode_mutf7("&AGE-").ok());  // "a" in base64
}

TEST(ModifiedUtf7, RejectsEightBitOctets) {
  auto decoded = decode_mutf7("caf\xc3\xa9");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().offset, 3u);
}

TEST(ModifiedUtf7, RejectsStandardBase64Slash) { EXPECT_FALSE(decode_mutf7("&U/BTFw-").ok()); }

TEST(ModifiedUtf7, RejectsLoneLowSurrogate) { EXPECT_FALSE(decode_mutf7("&3KE-").ok()); }

TEST(ModifiedUtf7, RejectsInvalidUtf8OnEncode) {
  auto encoded = encode_mutf7("ok\xC3");
  ASSERT_FALSE(encoded.ok());
  EXPECT_EQ(encoded.error().offset, 2u);
}

}  // namespace
}  // namespace conformance::codec::imap
