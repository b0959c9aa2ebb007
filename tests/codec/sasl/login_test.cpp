#include "harness/codec/sasl/login.hpp"

#include <gtest/gtest.h>

#include "harness/codec/sasl/wire.hpp"

namespace conformance::codec::sasl {
namespace {

using namespace std::string_literals;

class LoginTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(accounts.add_user("tim", "tanstaaftanstaaf")); }
  InMemoryAccounts accounts;
};

TEST_F(LoginTest, ServerPromptsForUsernameThenPassword) {
  LoginServer server(accounts);
  auto first = server.start(std::nullopt);
  ASSERT_TRUE(first.is_challenge());
  EXPECT_EQ(encode_challenge(first.data), "VXNlcm5hbWU6");  // the "334 VXNlcm5hbWU6" everyone knows
  auto second = server.step("tim");
  ASSERT_TRUE(second.is_challenge());
  EXPECT_EQ(encode_challenge(second.data), "UGFzc3dvcmQ6");
  auto last = server.step("tanstaaftanstaaf");
  ASSERT_TRUE(last.is_success());
  EXPECT_EQ(last.identity, (Identity{"tim", ""}));
}

TEST_F(LoginTest, ServerTakesUsernameAsInitialResponse) {
  LoginServer server(accounts);
  auto first = server.start("tim");
  ASSERT_TRUE(first.is_challenge());
  EXPECT_EQ(first.data, "Password:");
  EXPECT_TRUE(server.step("tanstaaftanstaaf").is_success());
}

TEST_F(LoginTest, ServerUsesConfiguredPrompts) {
  LoginServerOptions options;
  options.username_prompt = "User Name";
  options.password_prompt = "Password";
  LoginServer server(accounts, options);
  EXPECT_EQ(server.start(std::nullopt).data, "User Name");
  EXPECT_EQ(server.step("tim").data, "Password");
}

TEST_F(LoginTest, ServerRefusesWrongPassword) {
  LoginServer server(accounts);
  (void)server.start("tim");
  auto last = server.step("nope");
  ASSERT_TRUE(last.is_failure());
  EXPECT_EQ(last.reason, FailureReason::invalid_credentials);
}

TEST_F(LoginTest, ServerRefusesUnknownUserAfterPassword) {
  LoginServer server(accounts);
  (void)server.start("bob");
  EXPECT_EQ(server.step("pw").reason, FailureReason::unknown_user);
}

TEST_F(LoginTest, ServerRefusesEmptyUsername) {
  LoginServer server(accounts);
  (void)server.start(std::nullopt);
  auto step = server.step("");
  ASSERT_TRUE(step.is_failure());
  EXPECT_EQ(step.reason, FailureReason::malformed);
  EXPECT_EQ(step.error.expected, "non-empty user name");
}

TEST_F(LoginTest, ServerRefusesNulInPassword) {
  LoginServer server(accounts);
  (void)server.start("tim");
  auto step = server.step("tan\0staaf"s);
  EXPECT_EQ(step.reason, FailureReason::malformed);
  EXPECT_EQ(step.error.offset, 3u);
}

TEST(SaslLoginClient, AnswersPromptsInOrderWhateverTheirText) {
  LoginClient client({"tim", Secret("tanstaaftanstaaf"), false});
  EXPECT_EQ(client.start(), std::nullopt);
  EXPECT_EQ(*client.respond("User Name"), "tim");
  EXPECT_EQ(*client.respond("Whatever:"), "tanstaaftanstaaf");
  EXPECT_FALSE(client.respond("Third?"));
  EXPECT_TRUE(client.complete());
}

TEST(SaslLoginClient, SendsUsernameAsInitialResponseWhenAsked) {
  LoginClient client({"tim", Secret("pw"), true});
  EXPECT_EQ(client.start(), "tim");
  EXPECT_EQ(*client.respond("Password:"), "pw");
}

TEST(SaslLoginClient, RefusesSuccessBeforePassword) {
  LoginClient client({"tim", Secret("pw"), false});
  (void)client.start();
  (void)client.respond("Username:");
  EXPECT_FALSE(client.complete());
}

TEST(SaslLogin, FieldParsersRoundTrip) {
  EXPECT_EQ(*parse_login_username("tim"), "tim");
  EXPECT_EQ(parse_login_password("pw")->view(), "pw");
  Limits limits;
  limits.max_identity_length = 2;
  EXPECT_EQ(parse_login_username("tim", limits).error().offset, 2u);
}

}  // namespace
}  // namespace conformance::codec::sasl
