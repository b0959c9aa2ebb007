#include "harness/codec/sasl/gs2.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::sasl {
namespace {

TEST(SaslGs2, ParsesNoChannelBindingWithoutAuthzid) {
  auto parsed = parse_gs2_header("n,,n=user");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->header.flag, Gs2Header::Flag::not_supported);
  EXPECT_EQ(parsed->header.authzid, "");
  EXPECT_EQ(parsed->consumed, 3u);
}

TEST(SaslGs2, ParsesClientSupportsFlagAndAuthzid) {
  auto parsed = parse_gs2_header("y,a=admin,rest");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->header.flag, Gs2Header::Flag::client_supports);
  EXPECT_EQ(parsed->header.authzid, "admin");
  EXPECT_EQ(parsed->consumed, 10u);
}

TEST(SaslGs2, ParsesChannelBindingName) {
  auto parsed = parse_gs2_header("p=tls-server-end-point,,");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->header.flag, Gs2Header::Flag::bound);
  EXPECT_EQ(parsed->header.cb_name, "tls-server-end-point");
}

TEST(SaslGs2, DecodesEscapedAuthzid) {
  auto parsed = parse_gs2_header("n,a=a=2Cb=3Dc,");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->header.authzid, "a,b=c");
}

TEST(SaslGs2, RejectsUnknownFlag) {
  auto parsed = parse_gs2_header("x,,");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 0u);
}

TEST(SaslGs2, RejectsEmptyChannelBindingName) {
  auto parsed = parse_gs2_header("p=,,");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 2u);
}

TEST(SaslGs2, RejectsMissingSecondComma) {
  auto parsed = parse_gs2_header("n,n=user");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 2u);
}

TEST(SaslGs2, RejectsBadEscapeInAuthzid) {
  auto parsed = parse_gs2_header("n,a=x=41,");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 5u);
  EXPECT_EQ(parsed.error().expected, "\"=2C\" or \"=3D\"");
}

TEST(SaslGs2, RejectsEmptyAuthzid) {
  auto parsed = parse_gs2_header("n,a=,");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 4u);
}

TEST(SaslGs2, RoundTripsEveryFlag) {
  for (const Gs2Header& header : {Gs2Header{Gs2Header::Flag::not_supported, "", ""},
                                  Gs2Header{Gs2Header::Flag::client_supports, "", "x,y=z"},
                                  Gs2Header{Gs2Header::Flag::bound, "tls-exporter", "admin"}}) {
    const std::string text = serialize_gs2_header(header);
    auto parsed = parse_gs2_header(text);
    ASSERT_TRUE(parsed) << text;
    EXPECT_EQ(parsed->header, header);
    EXPECT_EQ(parsed->consumed, text.size());
  }
}

TEST(SaslGs2, SaslnameEscapesCommaAndEquals) {
  EXPECT_EQ(encode_saslname("a,b=c"), "a=2Cb=3Dc");
  EXPECT_EQ(*decode_saslname("a=2Cb=3Dc", 0, 255), "a,b=c");
  EXPECT_FALSE(decode_saslname("a=2c", 0, 255));  // the escapes are upper case
  EXPECT_FALSE(decode_saslname("a=", 0, 255));
}

}  // namespace
}  // namespace conformance::codec::sasl
