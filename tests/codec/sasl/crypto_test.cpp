#include "harness/codec/sasl/crypto.hpp"

#include <gtest/gtest.h>

#include <array>

#include "harness/codec/sasl/secret.hpp"
#include "test_support.hpp"

namespace conformance::codec::sasl {
namespace {

TEST(SaslCrypto, HmacMd5MatchesRfc2202TestCase2) {
  auto mac = hmac(HashAlgorithm::md5, "Jefe", "what do ya want for nothing?");
  ASSERT_TRUE(mac);
  EXPECT_EQ(hex_lower(*mac), "750c783e6ab0b503eaa86e310a5db738");
}

TEST(SaslCrypto, HmacSha1MatchesRfc2202TestCase2) {
  auto mac = hmac(HashAlgorithm::sha1, "Jefe", "what do ya want for nothing?");
  ASSERT_TRUE(mac);
  EXPECT_EQ(hex_lower(*mac), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
}

TEST(SaslCrypto, HmacSha256MatchesRfc4231TestCase2) {
  auto mac = hmac(HashAlgorithm::sha256, "Jefe", "what do ya want for nothing?");
  ASSERT_TRUE(mac);
  EXPECT_EQ(hex_lower(*mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(SaslCrypto, HmacAcceptsAnEmptyKey) {
  auto mac = hmac(HashAlgorithm::sha256, "", "");
  ASSERT_TRUE(mac);
  EXPECT_EQ(hex_lower(*mac), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST(SaslCrypto, Pbkdf2HmacSha1MatchesRfc6070Vectors) {
  EXPECT_EQ(hex_lower(*pbkdf2_hmac(HashAlgorithm::sha1, "password", "salt", 1)),
            "0c60c80f961f0e71f3a9b524af6012062fe037a6");
  EXPECT_EQ(hex_lower(*pbkdf2_hmac(HashAlgorithm::sha1, "password", "salt", 2)),
            "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957");
  EXPECT_EQ(hex_lower(*pbkdf2_hmac(HashAlgorithm::sha1, "password", "salt", 4096)),
            "4b007901b765489abead49d926f721d065a429c1");
}

TEST(SaslCrypto, Pbkdf2RefusesZeroIterations) {
  EXPECT_FALSE(pbkdf2_hmac(HashAlgorithm::sha256, "password", "salt", 0));
}

TEST(SaslCrypto, DigestSizesFollowTheHash) {
  EXPECT_EQ(digest_size(HashAlgorithm::md5), 16u);
  EXPECT_EQ(digest_size(HashAlgorithm::sha1), 20u);
  EXPECT_EQ(digest_size(HashAlgorithm::sha256), 32u);
  EXPECT_EQ(digest(HashAlgorithm::sha256, "abc")->size(), 32u);
}

TEST(SaslCrypto, ConstantTimeEqualComparesBytesAndLengths) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
}

TEST(SaslCrypto, HexLowerWritesTwoLowerCaseDigitsPerByte) {
  EXPECT_EQ(hex_lower(std::string("\x00\xAB\x7f", 3)), "00ab7f");
}

TEST(SaslCrypto, SystemRandomFillsTheBuffer) {
  std::array<unsigned char, 32> a{}, b{};
  ASSERT_TRUE(system_random()(a));
  ASSERT_TRUE(system_random()(b));
  EXPECT_NE(a, b);
}

TEST(SaslSecret, WipeEmptiesTheString) {
  std::string s = "a password longer than the small-string buffer";
  wipe(s);
  EXPECT_TRUE(s.empty());
}

TEST(SaslSecret, MovingLeavesTheSourceEmpty) {
  Secret a("hunter2");
  Secret b(std::move(a));
  EXPECT_EQ(b.view(), "hunter2");
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): the wipe is the point
}

TEST(SaslSecret, ComparesByContent) {
  EXPECT_EQ(Secret("x"), Secret("x"));
  EXPECT_NE(Secret("x"), Secret("y"));
  EXPECT_NE(Secret("x"), Secret("xx"));
}

}  // namespace
}  // namespace conformance::codec::sasl
