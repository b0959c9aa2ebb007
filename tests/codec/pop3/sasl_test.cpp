#include "harness/codec/pop3/sasl.hpp"

#include <gtest/gtest.h>

#include <string>

namespace conformance::codec::pop3 {
namespace {

TEST(Pop3SaslResponse, ParsesBase64Response) {
  // RFC 5034 §6: the PLAIN response sent after an empty challenge.
  auto response = parse_sasl_response("dGVzdAB0ZXN0AHRlc3Q=");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(*response, (SaslResponse{false, std::string("test\0test\0test", 14)}));
}

TEST(Pop3SaslResponse, ParsesEmptyLineAsEmptyResponse) {
  // RFC 5034 §6, DIGEST-MD5 example: the client's last response is empty.
  auto response = parse_sasl_response("");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(*response, (SaslResponse{false, ""}));
}

TEST(Pop3SaslResponse, ParsesCancel) {
  auto response = parse_sasl_response("*");
  ASSERT_TRUE(response.ok());
  EXPECT_TRUE(response->cancel);
}

TEST(Pop3SaslResponse, RejectsCharactersOutsideBase64Alphabet) {
  // "servers and clients MUST reject (and not ignore) any character not
  // explicitly allowed by the Base64 alphabet" (RFC 5034 §4).
  auto response = parse_sasl_response("dGVz dA==");
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().offset, 9u);  // the length is checked first
  auto bad_char = parse_sasl_response("dGV*");
  ASSERT_FALSE(bad_char.ok());
  EXPECT_EQ(bad_char.error().offset, 3u);
}

TEST(Pop3SaslResponse, RejectsPaddingInTheMiddle) {
  auto response = parse_sasl_response("AAA=BBBB");
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().offset, 3u);
}

TEST(Pop3SaslResponse, DecodesFromStream) {
  auto step = decode_sasl_response("KjEy\r\n*\r\n");
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.value().data, "*12");
  EXPECT_EQ(step.consumed(), 6u);
  EXPECT_TRUE(decode_sasl_response("KjEy").needs_more());
}

TEST(Pop3SaslResponse, AllowsLongResponsesUpToItsCap) {
  const std::string long_response(8000, 'A');
  auto step = decode_sasl_response(long_response + "\r\n");
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.value().data.size(), 6000u);
  SaslLimits limits;
  limits.max_line_length = 1000;
  EXPECT_TRUE(decode_sasl_response(long_response + "\r\n", limits).failed());
}

TEST(Pop3SaslResponse, SerializesAndRoundTrips) {
  EXPECT_EQ(serialize(SaslResponse{true, ""}), "*\r\n");
  EXPECT_EQ(serialize(SaslResponse{false, ""}), "\r\n");
  for (const SaslResponse& response :
       {SaslResponse{true, ""}, SaslResponse{false, ""}, SaslResponse{false, std::string("\0user\0pass", 10)}}) {
    auto step = decode_sasl_response(serialize(response));
    ASSERT_TRUE(step.complete());
    EXPECT_EQ(step.value(), response);
  }
}

}  // namespace
}  // namespace conformance::codec::pop3
