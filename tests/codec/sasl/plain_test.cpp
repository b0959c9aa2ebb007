#include "harness/codec/sasl/plain.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::sasl {
namespace {

using namespace std::string_literals;

// RFC 4616 §4, first example: no authzid.
TEST(SaslPlain, ParsesRfc4616ExampleWithoutAuthzid) {
  auto parsed = parse_plain("\0tim\0tanstaaftanstaaf"s);
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->authzid, "");
  EXPECT_EQ(parsed->authcid, "tim");
  EXPECT_EQ(parsed->password.view(), "tanstaaftanstaaf");
}

// RFC 4616 §4, second example: Kurt acting as Ursel.
TEST(SaslPlain, ParsesRfc4616ExampleWithAuthzid) {
  auto parsed = parse_plain("Ursel\0Kurt\0xipj3plmq"s);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->authzid, "Ursel");
  EXPECT_EQ(parsed->authcid, "Kurt");
  EXPECT_EQ(parsed->password.view(), "xipj3plmq");
}

TEST(SaslPlain, SerializesRfc4616Examples) {
  EXPECT_EQ(serialize_plain({"", "tim", Secret("tanstaaftanstaaf")}), "\0tim\0tanstaaftanstaaf"s);
  EXPECT_EQ(serialize_plain({"Ursel", "Kurt", Secret("xipj3plmq")}), "Ursel\0Kurt\0xipj3plmq"s);
}

TEST(SaslPlain, RoundTrips) {
  PlainMessage message{"admin", "j\xC3\xB6rg", Secret("p\xC3\xA4ss word")};
  auto parsed = parse_plain(serialize_plain(message));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, message);
}

TEST(SaslPlain, RejectsMessageWithoutNul) {
  auto parsed = parse_plain("timtanstaaf");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 11u);
  EXPECT_EQ(parsed.error().expected, "NUL after authzid");
}

TEST(SaslPlain, RejectsMessageWithOneNul) {
  auto parsed = parse_plain("tim\0tanstaaf"s);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().expected, "NUL after authcid");
}

TEST(SaslPlain, RejectsNulInPassword) {
  auto parsed = parse_plain("\0tim\0tans\0taaf"s);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 9u);
  EXPECT_EQ(parsed.error().expected, "password without NUL");
}

TEST(SaslPlain, RejectsEmptyAuthcid) {
  auto parsed = parse_plain("\0\0secret"s);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 1u);
  EXPECT_EQ(parsed.error().expected, "non-empty authcid");
}

TEST(SaslPlain, RejectsEmptyPassword) {
  auto parsed = parse_plain("\0tim\0"s);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 5u);
  EXPECT_EQ(parsed.error().expected, "non-empty password");
}

TEST(SaslPlain, AcceptsFieldsOf255OctetsAndRejects256) {
  const std::string max(255, 'a');
  EXPECT_TRUE(parse_plain(max + '\0' + max + '\0' + max));
  auto parsed = parse_plain("\0"s + std::string(256, 'u') + '\0' + "pw");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 1u + 255u);
}

TEST(SaslPlain, LimitIsConfigurable) {
  Limits limits;
  limits.max_password_length = 4;
  auto parsed = parse_plain("\0tim\0tanstaaf"s, limits);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 9u);
}

TEST(SaslPlain, RejectsInvalidUtf8AtItsOffset) {
  auto parsed = parse_plain("\0ti\xFFm\0pw"s);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 3u);
  EXPECT_EQ(parsed.error().expected, "UTF-8 in authcid");
}

class PlainServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(accounts.add_user("tim", "tanstaaftanstaaf"));
    ASSERT_TRUE(accounts.add_user("Kurt", "xipj3plmq"));
  }
  InMemoryAccounts accounts;
};

TEST_F(PlainServerTest, AcceptsRfc4616ExampleAsInitialResponse) {
  PlainServer server(accounts);
  auto step = server.start("\0tim\0tanstaaftanstaaf"s);
  ASSERT_TRUE(step.is_success()) << step.error.message();
  EXPECT_EQ(step.identity, (Identity{"tim", ""}));
  EXPECT_FALSE(step.has_additional_data);
}

TEST_F(PlainServerTest, SendsEmptyChallengeWithoutInitialResponse) {
  PlainServer server(accounts);
  auto first = server.start(std::nullopt);
  ASSERT_TRUE(first.is_challenge());
  EXPECT_EQ(first.data, "");
  EXPECT_TRUE(server.step("\0tim\0tanstaaftanstaaf"s).is_success());
}

// RFC 4616 §4: "NO Not authorized to requested authorization identity".
TEST_F(PlainServerTest, RefusesRfc4616ProxyExampleAsAuthorizationFailure) {
  PlainServer server(accounts);
  auto step = server.start("Ursel\0Kurt\0xipj3plmq"s);
  ASSERT_TRUE(step.is_failure());
  EXPECT_EQ(step.reason, FailureReason::authorization_denied);
}

TEST_F(PlainServerTest, AcceptsProxyWhenAllowed) {
  accounts.allow_proxy("Kurt", "Ursel");
  PlainServer server(accounts);
  auto step = server.start("Ursel\0Kurt\0xipj3plmq"s);
  ASSERT_TRUE(step.is_success());
  EXPECT_EQ(step.identity, (Identity{"Kurt", "Ursel"}));
}

TEST_F(PlainServerTest, RefusesWrongPasswordPointingAtIt) {
  PlainServer server(accounts);
  auto step = server.start("\0tim\0wrong"s);
  ASSERT_TRUE(step.is_failure());
  EXPECT_EQ(step.reason, FailureReason::invalid_credentials);
  EXPECT_EQ(step.error.offset, 5u);
}

TEST_F(PlainServerTest, RefusesUnknownUser) {
  PlainServer server(accounts);
  auto step = server.start("\0nobody\0pw"s);
  EXPECT_EQ(step.reason, FailureReason::unknown_user);
}

TEST_F(PlainServerTest, ReportsMalformedMessage) {
  PlainServer server(accounts);
  auto step = server.start("tim"s);
  ASSERT_TRUE(step.is_failure());
  EXPECT_EQ(step.reason, FailureReason::malformed);
  EXPECT_EQ(step.error.expected, "NUL after authzid");
}

TEST_F(PlainServerTest, RefusesMessagesAfterTheExchange) {
  PlainServer server(accounts);
  (void)server.start("\0tim\0tanstaaftanstaaf"s);
  EXPECT_EQ(server.step("x").reason, FailureReason::out_of_sequence);
}

TEST(SaslPlainClient, SendsMessageAsInitialResponse) {
  PlainClient client({"", "tim", Secret("tanstaaftanstaaf")});
  EXPECT_EQ(client.start(), "\0tim\0tanstaaftanstaaf"s);
  EXPECT_TRUE(client.complete());
}

TEST(SaslPlainClient, AnswersEmptyChallengeWhenNoInitialResponse) {
  PlainClient client({"Ursel", "Kurt", Secret("xipj3plmq")});
  EXPECT_EQ(client.start(false), std::nullopt);
  auto response = client.respond("");
  ASSERT_TRUE(response);
  EXPECT_EQ(*response, "Ursel\0Kurt\0xipj3plmq"s);
}

TEST(SaslPlainClient, RefusesNonEmptyFirstChallenge) {
  PlainClient client({"", "tim", Secret("pw")});
  (void)client.start(false);
  auto response = client.respond("hello");
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().expected, "empty challenge (PLAIN speaks first)");
}

TEST(SaslPlainClient, RefusesSuccessWithAdditionalData) {
  PlainClient client({"", "tim", Secret("pw")});
  (void)client.start();
  EXPECT_FALSE(client.complete("data"));
}

}  // namespace
}  // namespace conformance::codec::sasl
