#include "harness/codec/common/base64.hpp"

#include <gtest/gtest.h>

namespace conformance::codec {
namespace {

// RFC 4648 §10 test vectors.
struct Vector {
  const char* plain;
  const char* encoded;
};
constexpr Vector kRfc4648Vectors[] = {
    {"", ""},         {"f", "Zg=="},        {"fo", "Zm8="},         {"foo", "Zm9v"},
    {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
};

TEST(Base64, EncodesRfc4648Vectors) {
  for (const auto& v : kRfc4648Vectors) EXPECT_EQ(base64_encode(v.plain), v.encoded) << v.plain;
}

TEST(Base64, DecodesRfc4648Vectors) {
  for (const auto& v : kRfc4648Vectors) {
    auto decoded = base64_decode(v.encoded);
    ASSERT_TRUE(decoded.ok()) << v.encoded << ": " << decoded.error().message();
    EXPECT_EQ(*decoded, v.plain);
  }
}

TEST(Base64, RoundTripsEveryByteValue) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  EXPECT_EQ(*base64_decode(base64_encode(all)), all);
}

TEST(Base64, StrictDecodeRejectsMissingPadding) {
  auto decoded = base64_decode("Zg");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().offset, 2u);
}

TEST(Base64, StrictDecodeRejectsCharacterOutsideAlphabetAtItsOffset) {
  auto decoded = base64_decode("Zm9v*mFy");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().offset, 4u);
}

TEST(Base64, StrictDecodeRejectsPaddingInsideTheText) {
  EXPECT_FALSE(base64_decode("Zg==Zm8=").ok());
  EXPECT_FALSE(base64_decode("Z=g=").ok());
  EXPECT_FALSE(base64_decode("Zm=v").ok());
}

TEST(Base64, StrictDecodeRejectsLineBreaks) { EXPECT_FALSE(base64_decode("Zm9v\r\nYmFy").ok()); }

TEST(Base64, MimeDecodeSkipsLineBreaksAndJunk) {
  EXPECT_EQ(base64_decode_mime("Zm9v\r\nYm\tFy"), "foobar");
  EXPECT_EQ(base64_decode_mime("Zm9v!YmE="), "fooba");
}

TEST(Base64, MimeDecodeToleratesMissingPadding) { EXPECT_EQ(base64_decode_mime("Zm8"), "fo"); }

}  // namespace
}  // namespace conformance::codec
