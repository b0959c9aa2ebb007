#include "harness/codec/sasl/cram_md5.hpp"

#include <gtest/gtest.h>

#include "harness/codec/sasl/wire.hpp"
#include "test_support.hpp"

namespace conformance::codec::sasl {
namespace {

constexpr std::string_view kRfc2195Challenge = "<1896.697170952@postoffice.reston.mci.net>";
constexpr std::string_view kRfc2195Response = "tim b913a602c7eda7a495b4e6e7334d3890";

TEST(SaslCramMd5, ComputesRfc2195Digest) {
  auto digest = cram_md5_digest("tanstaaftanstaaf", kRfc2195Challenge);
  ASSERT_TRUE(digest);
  EXPECT_EQ(hex_lower(*digest), "b913a602c7eda7a495b4e6e7334d3890");
}

TEST(SaslCramMd5, ClientReproducesRfc2195ExchangeOnTheWire) {
  CramMd5Client client("tim", Secret("tanstaaftanstaaf"));
  EXPECT_EQ(client.start(), std::nullopt);
  auto challenge = decode_challenge("PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+");
  ASSERT_TRUE(challenge);
  auto response = client.respond(*challenge);
  ASSERT_TRUE(response);
  EXPECT_EQ(*response, kRfc2195Response);
  EXPECT_EQ(encode_response(*response), "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw");
  EXPECT_TRUE(client.complete());
}

TEST(SaslCramMd5, ServerVerifiesRfc2195Exchange) {
  InMemoryAccounts accounts;
  ASSERT_TRUE(accounts.add_user("tim", "tanstaaftanstaaf"));
  CramMd5ServerOptions options;
  options.challenge = std::string(kRfc2195Challenge);
  CramMd5Server server(accounts, options);
  auto first = server.start(std::nullopt);
  ASSERT_TRUE(first.is_challenge());
  EXPECT_EQ(first.data, kRfc2195Challenge);
  auto last = server.step(kRfc2195Response);
  ASSERT_TRUE(last.is_success()) << last.error.message();
  EXPECT_EQ(last.identity.authcid, "tim");
}

TEST(SaslCramMd5, ServerRefusesWrongDigestPointingAtIt) {
  InMemoryAccounts accounts;
  ASSERT_TRUE(accounts.add_user("tim", "other password"));
  CramMd5ServerOptions options;
  options.challenge = std::string(kRfc2195Challenge);
  CramMd5Server server(accounts, options);
  (void)server.start(std::nullopt);
  auto last = server.step(kRfc2195Response);
  ASSERT_TRUE(last.is_failure());
  EXPECT_EQ(last.reason, FailureReason::invalid_credentials);
  EXPECT_EQ(last.error.offset, 4u);
}

TEST(SaslCramMd5, ServerRefusesInitialResponse) {
  InMemoryAccounts accounts;
  CramMd5Server server(accounts);
  auto step = server.start("tim");
  ASSERT_TRUE(step.is_failure());
  EXPECT_EQ(step.reason, FailureReason::out_of_sequence);
}

TEST(SaslCramMd5, ServerChallengeHasMsgIdFormFromInjectedRandomAndTimestamp) {
  InMemoryAccounts accounts;
  CramMd5ServerOptions options;
  options.hostname = "mx.example.org";
  options.timestamp = 697170952;
  options.random = testing::repeating_random(std::string("\x00\x00\x00\x00\x00\x00\x07\x68", 8));
  CramMd5Server server(accounts, options);
  EXPECT_EQ(server.start(std::nullopt).data, "<1896.697170952@mx.example.org>");
  EXPECT_EQ(server.challenge(), "<1896.697170952@mx.example.org>");
}

TEST(SaslCramMd5, ServerFailsWhenRandomSourceFails) {
  InMemoryAccounts accounts;
  CramMd5ServerOptions options;
  options.random = testing::failing_random();
  CramMd5Server server(accounts, options);
  EXPECT_TRUE(server.start(std::nullopt).is_failure());
}

TEST(SaslCramMd5, ParsesResponseWithSpaceInUserName) {
  auto parsed = parse_cram_md5_response("tim smith b913a602c7eda7a495b4e6e7334d3890");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->username, "tim smith");
  EXPECT_EQ(hex_lower(parsed->digest), "b913a602c7eda7a495b4e6e7334d3890");
}

TEST(SaslCramMd5, ResponseRoundTrips) {
  CramMd5Response response{"tim", std::string(16, '\xA5')};
  EXPECT_EQ(*parse_cram_md5_response(serialize_cram_md5_response(response)), response);
}

TEST(SaslCramMd5, RejectsUpperCaseHexAtItsOffset) {
  auto parsed = parse_cram_md5_response("tim B913a602c7eda7a495b4e6e7334d3890");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 4u);
  EXPECT_EQ(parsed.error().expected, "lower-case hex digit");
}

TEST(SaslCramMd5, RejectsShortDigest) {
  auto parsed = parse_cram_md5_response("tim b913a602");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 12u);
}

TEST(SaslCramMd5, RejectsLongDigest) {
  auto parsed = parse_cram_md5_response("tim b913a602c7eda7a495b4e6e7334d389000");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 36u);
}

TEST(SaslCramMd5, RejectsResponseWithoutSpace) {
  auto parsed = parse_cram_md5_response("b913a602c7eda7a495b4e6e7334d3890");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().expected, "SP between user name and digest");
}

TEST(SaslCramMd5, RejectsEmptyUserName) {
  auto parsed = parse_cram_md5_response(" b913a602c7eda7a495b4e6e7334d3890");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 0u);
}

TEST(SaslCramMd5, ClientRefusesEmptyChallenge) {
  CramMd5Client client("tim", Secret("pw"));
  (void)client.start();
  EXPECT_FALSE(client.respond(""));
}

}  // namespace
}  // namespace conformance::codec::sasl
