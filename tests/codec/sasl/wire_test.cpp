#include "harness/codec/sasl/wire.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::sasl {
namespace {

TEST(SaslWire, EmptyInitialResponseIsEquals) {
  EXPECT_EQ(encode_initial_response(""), "=");
  auto decoded = decode_initial_response("=");
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, "");
}

TEST(SaslWire, InitialResponseIsBase64) {
  using namespace std::string_literals;
  EXPECT_EQ(encode_initial_response("\0tim\0tanstaaftanstaaf"s), "AHRpbQB0YW5zdGFhZnRhbnN0YWFm");
  EXPECT_EQ(*decode_initial_response("AHRpbQB0YW5zdGFhZnRhbnN0YWFm"), "\0tim\0tanstaaftanstaaf"s);
}

TEST(SaslWire, RejectsAbsentInitialResponseText) {
  auto decoded = decode_initial_response("");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().offset, 0u);
}

TEST(SaslWire, RejectsNonBase64InitialResponseAtItsOffset) {
  auto decoded = decode_initial_response("dGlt*A==");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().offset, 4u);
}

TEST(SaslWire, StarCancels) {
  auto line = decode_client_line("*");
  ASSERT_TRUE(line);
  EXPECT_TRUE(line->cancelled);
  EXPECT_EQ(encode_client_line(*line), "*");
}

TEST(SaslWire, EmptyResponseIsAnEmptyLine) {
  EXPECT_EQ(encode_response(""), "");
  auto line = decode_client_line("");
  ASSERT_TRUE(line);
  EXPECT_FALSE(line->cancelled);
  EXPECT_EQ(line->data, "");
}

TEST(SaslWire, ClientLineRoundTrips) {
  ClientLine line{false, std::string("\x01\x02\x03 tim", 7)};
  EXPECT_EQ(*decode_client_line(encode_client_line(line)), line);
}

TEST(SaslWire, ChallengeIsStrictBase64) {
  EXPECT_EQ(encode_challenge("<1896.697170952@postoffice.reston.mci.net>"),
            "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+");
  EXPECT_EQ(*decode_challenge("VXNlcm5hbWU6"), "Username:");
  EXPECT_FALSE(decode_challenge("VXNlcm5hbWU6 "));
  EXPECT_EQ(*decode_challenge(""), "");
}

}  // namespace
}  // namespace conformance::codec::sasl
