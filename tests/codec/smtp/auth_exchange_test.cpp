#include "harness/codec/smtp/auth_exchange.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::smtp {
namespace {

TEST(SmtpAuthExchange, MakesAndDecodesChallenges) {
  // RFC 4954 §4: "334 " followed by the base64 challenge.
  const Reply challenge = make_auth_challenge("Username:");
  EXPECT_EQ(serialize_reply(challenge), "334 VXNlcm5hbWU6\r\n");
  EXPECT_EQ(*decode_auth_challenge(challenge), "Username:");
}

TEST(SmtpAuthExchange, EmptyChallengeIsCodeAndSpace) {
  EXPECT_EQ(serialize_reply(make_auth_challenge("")), "334 \r\n");
  auto reply = parse_reply("334 \r\n");
  ASSERT_TRUE(reply.complete());
  EXPECT_EQ(*decode_auth_challenge(reply.value()), "");
}

TEST(SmtpAuthExchange, RejectsOtherRepliesAsChallenges) {
  EXPECT_EQ(decode_auth_challenge(Reply::single(235, "2.7.0 ok")).error().expected, "reply code 334 (RFC 4954 §4)");
  EXPECT_EQ(decode_auth_challenge(Reply::single(334, "bad!")).error().offset, 3u);
}

TEST(SmtpAuthExchange, ParsesClientResponsesAndCancellation) {
  EXPECT_EQ(*parse_auth_response_line("dGVzdA=="), (AuthResponse{false, "test"}));
  EXPECT_EQ(*parse_auth_response_line("*"), (AuthResponse{true, ""}));
  EXPECT_EQ(*parse_auth_response_line(""), (AuthResponse{false, ""}));
  EXPECT_EQ(parse_auth_response_line("dGVz*A==").error().offset, 4u);
}

TEST(SmtpAuthExchange, ParsesResponsesFromAStream) {
  EXPECT_TRUE(parse_auth_response("dGVzdA==").needs_more());
  auto step = parse_auth_response("dGVzdA==\r\nMAIL");
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.consumed(), 10u);
  EXPECT_EQ(step.value().data, "test");
  EXPECT_TRUE(parse_auth_response(std::string(20000, 'A'), kAuthExchangeLineLength).failed());
}

TEST(SmtpAuthExchange, SerializesResponses) {
  EXPECT_EQ(serialize_auth_response({false, "test"}), "dGVzdA==\r\n");
  EXPECT_EQ(serialize_auth_response({true, ""}), "*\r\n");
}

}  // namespace
}  // namespace conformance::codec::smtp
