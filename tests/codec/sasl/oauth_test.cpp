#include <gtest/gtest.h>

#include "harness/codec/sasl/oauth_error.hpp"
#include "harness/codec/sasl/oauthbearer.hpp"
#include "harness/codec/sasl/wire.hpp"
#include "harness/codec/sasl/xoauth2.hpp"

namespace conformance::codec::sasl {
namespace {

using namespace std::string_literals;

constexpr std::string_view kRfc7628Token = "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==";
// RFC 7628 §4.1, the IMAP success example's initial client response.
constexpr std::string_view kRfc7628InitialResponse =
    "bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2VydmVyLmV4YW1wbGUuY29tAXBvcnQ9MTQzAWF1dGg9QmVhcmVyIHZGOWRmdDRxbVRjMk52"
    "YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0Q2c9PQEB";
// RFC 7628 §4.3, the server's error challenge.
constexpr std::string_view kRfc7628ErrorChallenge =
    "eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NvcGUiOiJleGFtcGxlX3Njb3BlIiwib3BlbmlkLWNvbmZpZ3VyYXRpb24iOiJodHRwczov"
    "L2V4YW1wbGUuY29tLy53ZWxsLWtub3duL29wZW5pZC1jb25maWd1cmF0aW9uIn0=";

OAuthBearerMessage rfc7628_message(std::uint16_t port) {
  OAuthBearerMessage message;
  message.gs2.authzid = "user@example.com";
  message.host = "server.example.com";
  message.port = port;
  message.token = Secret(kRfc7628Token);
  return message;
}

OAuthError rfc7628_error() {
  return OAuthError{"invalid_token", "example_scope", "https://example.com/.well-known/openid-configuration", {}};
}

TEST(SaslOAuthBearer, ParsesRfc7628ImapExample) {
  auto decoded = decode_initial_response(kRfc7628InitialResponse);
  ASSERT_TRUE(decoded);
  auto parsed = parse_oauthbearer(*decoded);
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(*parsed, rfc7628_message(143));
}

TEST(SaslOAuthBearer, ClientReproducesRfc7628ImapExampleOnTheWire) {
  OAuthBearerClient client(rfc7628_message(143));
  auto first = client.start();
  ASSERT_TRUE(first);
  EXPECT_EQ(encode_initial_response(*first), kRfc7628InitialResponse);
  EXPECT_TRUE(client.complete());
}

// RFC 7628 §4.2: the SMTP example is the same message with port 587.
TEST(SaslOAuthBearer, SerializesRfc7628SmtpExample) {
  EXPECT_EQ(serialize_oauthbearer(rfc7628_message(587)),
            "n,a=user@example.com,\x01host=server.example.com\x01port=587\x01"
            "auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01");
}

TEST(SaslOAuthBearer, ServerAcceptsRfc7628Example) {
  InMemoryAccounts accounts;
  accounts.add_bearer_token(kRfc7628Token, "user@example.com");
  OAuthBearerServer server(accounts);
  auto step = server.start(*decode_initial_response(kRfc7628InitialResponse));
  ASSERT_TRUE(step.is_success()) << step.error.message();
  EXPECT_EQ(step.identity, (Identity{"user@example.com", "user@example.com"}));
}

// RFC 7628 §4.3: the error challenge, the client's ^A, then failure.
TEST(SaslOAuthBearer, ServerSendsRfc7628ErrorAndWaitsForKvsep) {
  InMemoryAccounts accounts;
  OAuthBearerServerOptions options;
  options.error = rfc7628_error();
  OAuthBearerServer server(accounts, options);
  auto step = server.start(*decode_initial_response(kRfc7628InitialResponse));
  ASSERT_TRUE(step.is_challenge());
  EXPECT_EQ(encode_challenge(step.data), kRfc7628ErrorChallenge);
  auto last = server.step("\x01");
  ASSERT_TRUE(last.is_failure());
  EXPECT_EQ(last.reason, FailureReason::invalid_credentials);
}

TEST(SaslOAuthBearer, ClientAnswersRfc7628ErrorWithKvsep) {
  OAuthBearerClient client(rfc7628_message(143));
  (void)client.start();
  auto response = client.respond(*decode_challenge(kRfc7628ErrorChallenge));
  ASSERT_TRUE(response);
  EXPECT_EQ(encode_response(*response), "AQ==");
  ASSERT_TRUE(client.server_error());
  EXPECT_EQ(*client.server_error(), rfc7628_error());
  EXPECT_FALSE(client.complete());
}

TEST(SaslOAuthBearer, ServerReportsAnythingButKvsepAfterError) {
  InMemoryAccounts accounts;
  OAuthBearerServer server(accounts);
  (void)server.start(serialize_oauthbearer(rfc7628_message(143)));
  auto last = server.step("");
  EXPECT_EQ(last.reason, FailureReason::malformed);
}

TEST(SaslOAuthBearer, ServerRejectsChannelBindingFlag) {
  InMemoryAccounts accounts;
  accounts.add_bearer_token(kRfc7628Token, "user@example.com");
  OAuthBearerServer server(accounts);
  auto step = server.start("p=tls-exporter,,\x01" "auth=Bearer abc\x01\x01"s);
  EXPECT_EQ(step.reason, FailureReason::unsupported);
}

TEST(SaslOAuthBearer, ServerRefusesAuthzidTheOwnerMayNotActAs) {
  InMemoryAccounts accounts;
  accounts.add_bearer_token("abc", "alice");
  OAuthBearerServer server(accounts);
  auto step = server.start("n,a=bob,\x01" "auth=Bearer abc\x01\x01"s);
  ASSERT_TRUE(step.is_challenge());
  EXPECT_EQ(server.step("\x01").reason, FailureReason::authorization_denied);
}

TEST(SaslOAuthBearer, ParsesMinimalMessageAndKeepsUnknownKeys) {
  auto parsed = parse_oauthbearer("n,,\x01" "auth=bearer  abc-._~+/==\x01" "mfa=yes please\x01\x01"s);
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->token.view(), "abc-._~+/==");
  EXPECT_FALSE(parsed->host);
  EXPECT_EQ(parsed->extensions, (std::vector<std::pair<std::string, std::string>>{{"mfa", "yes please"}}));
}

TEST(SaslOAuthBearer, RejectsMissingAuth) {
  auto parsed = parse_oauthbearer("n,,\x01host=a\x01\x01"s);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 11u);
}

TEST(SaslOAuthBearer, RejectsTwoAuthKeys) {
  auto parsed = parse_oauthbearer("n,,\x01" "auth=Bearer a\x01" "auth=Bearer b\x01\x01"s);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 18u);
}

TEST(SaslOAuthBearer, RejectsMissingKvsepAfterGs2Header) {
  auto parsed = parse_oauthbearer("n,,auth=Bearer a\x01\x01"s);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 3u);
}

TEST(SaslOAuthBearer, RejectsMissingFinalKvsep) {
  auto parsed = parse_oauthbearer("n,,\x01" "auth=Bearer a\x01"s);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 18u);
}

TEST(SaslOAuthBearer, RejectsTrailingBytes) {
  auto parsed = parse_oauthbearer("n,,\x01" "auth=Bearer a\x01\x01x"s);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 19u);
}

TEST(SaslOAuthBearer, RejectsNonBearerScheme) {
  auto parsed = parse_oauthbearer("n,,\x01" "auth=Basic dXNlcg==\x01\x01"s);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 9u);
}

TEST(SaslOAuthBearer, RejectsTokenOutsideB64token) {
  auto parsed = parse_oauthbearer("n,,\x01" "auth=Bearer ab=c\x01\x01"s);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 19u);
}

TEST(SaslOAuthBearer, RejectsPortWithLeadingZeroOrOutOfRange) {
  EXPECT_EQ(parse_oauthbearer("n,,\x01port=0143\x01" "auth=Bearer a\x01\x01"s).error().offset, 9u);
  EXPECT_EQ(parse_oauthbearer("n,,\x01port=65536\x01" "auth=Bearer a\x01\x01"s).error().offset, 13u);
}

TEST(SaslOAuthBearer, RejectsControlCharacterInValue) {
  auto parsed = parse_oauthbearer("n,,\x01host=a\x02\x01" "auth=Bearer a\x01\x01"s);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 10u);
}

TEST(SaslOAuthBearer, RoundTrips) {
  OAuthBearerMessage message = rfc7628_message(993);
  message.gs2.flag = Gs2Header::Flag::client_supports;
  message.extensions = {{"mfa", "otp 123"}, {"x", ""}};
  auto parsed = parse_oauthbearer(serialize_oauthbearer(message));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, message);
}

TEST(SaslOAuthError, ParsesRfc7628Error) {
  auto parsed = parse_oauth_error(*decode_challenge(kRfc7628ErrorChallenge));
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(*parsed, rfc7628_error());
}

TEST(SaslOAuthError, SerializesRfc7628ErrorByteForByte) {
  EXPECT_EQ(encode_challenge(serialize_oauth_error(rfc7628_error())), kRfc7628ErrorChallenge);
}

TEST(SaslOAuthError, ParsesWhitespaceEscapesAndExtraMembers) {
  auto parsed = parse_oauth_error(" { \"schemes\" : \"bearer\" , \"status\":\"401\",\"x\":\"a\\\"\\u00e9\\ud83d\\ude00\\n\" } ");
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->status, "401");
  EXPECT_EQ(parsed->extra, (std::vector<std::pair<std::string, std::string>>{
                               {"schemes", "bearer"}, {"x", "a\"\xC3\xA9\xF0\x9F\x98\x80\n"}}));
}

TEST(SaslOAuthError, RoundTripsControlCharacters) {
  OAuthError error{"st\x01\"\\", std::nullopt, "c", {{"k", std::string("\0v", 2)}}};
  EXPECT_EQ(*parse_oauth_error(serialize_oauth_error(error)), error);
}

TEST(SaslOAuthError, RejectsMissingStatus) {
  auto parsed = parse_oauth_error("{\"scope\":\"x\"}");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 13u);
}

TEST(SaslOAuthError, RejectsDuplicateMember) {
  auto parsed = parse_oauth_error("{\"status\":\"a\",\"status\":\"b\"}");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 14u);
}

TEST(SaslOAuthError, RejectsNonStringValue) {
  auto parsed = parse_oauth_error("{\"status\":401}");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 10u);
}

TEST(SaslOAuthError, RejectsLoneLowSurrogate) {
  auto parsed = parse_oauth_error("{\"status\":\"\\udc00\"}");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 11u);
}

TEST(SaslOAuthError, RejectsRawControlCharacterAndTrailingBytes) {
  EXPECT_EQ(parse_oauth_error("{\"status\":\"a\nb\"}").error().offset, 12u);
  EXPECT_EQ(parse_oauth_error("{\"status\":\"a\"}x").error().offset, 14u);
}

// Google's published example of the XOAUTH2 initial response.
constexpr std::string_view kGoogleXoauth2 =
    "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ==";

TEST(SaslXoauth2, ParsesGoogleExample) {
  auto parsed = parse_xoauth2(*decode_initial_response(kGoogleXoauth2));
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->user, "someuser@example.com");
  EXPECT_EQ(parsed->token.view(), "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg");
}

TEST(SaslXoauth2, ClientReproducesGoogleExample) {
  Xoauth2Client client({"someuser@example.com", Secret("ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg")});
  EXPECT_EQ(encode_initial_response(*client.start()), kGoogleXoauth2);
  EXPECT_TRUE(client.complete());
}

TEST(SaslXoauth2, ClientAnswersErrorChallengeWithEmptyResponse) {
  Xoauth2Client client({"someuser@example.com", Secret("expired")});
  (void)client.start();
  auto response = client.respond("{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"https://mail.google.com/\"}");
  ASSERT_TRUE(response);
  EXPECT_EQ(*response, "");
  ASSERT_TRUE(client.server_error());
  EXPECT_EQ(client.server_error()->status, "401");
  EXPECT_EQ(client.server_error()->scope, "https://mail.google.com/");
  EXPECT_FALSE(client.complete());
}

TEST(SaslXoauth2, ServerAcceptsValidToken) {
  InMemoryAccounts accounts;
  accounts.add_bearer_token("ya29.token", "someuser@example.com");
  Xoauth2Server server(accounts);
  auto step = server.start("user=someuser@example.com\x01" "auth=Bearer ya29.token\x01\x01"s);
  ASSERT_TRUE(step.is_success()) << step.error.message();
  EXPECT_EQ(step.identity, (Identity{"someuser@example.com", ""}));
}

TEST(SaslXoauth2, ServerSendsErrorThenFailsOnEmptyResponse) {
  InMemoryAccounts accounts;
  Xoauth2Server server(accounts);
  auto step = server.start("user=a@b\x01" "auth=Bearer bad\x01\x01"s);
  ASSERT_TRUE(step.is_challenge());
  EXPECT_EQ(step.data, "{\"status\":\"401\",\"schemes\":\"bearer\"}");
  auto last = server.step("");
  EXPECT_EQ(last.reason, FailureReason::invalid_credentials);
  EXPECT_EQ(last.error.offset, 21u);
}

TEST(SaslXoauth2, ServerRefusesTokenOfAnotherUser) {
  InMemoryAccounts accounts;
  accounts.add_bearer_token("tok", "alice");
  Xoauth2Server server(accounts);
  ASSERT_TRUE(server.start("user=bob\x01" "auth=Bearer tok\x01\x01"s).is_challenge());
  EXPECT_EQ(server.step("").reason, FailureReason::authorization_denied);
}

TEST(SaslXoauth2, RejectsMalformedMessagesAtTheirOffsets) {
  EXPECT_EQ(parse_xoauth2("usr=a\x01" "auth=Bearer t\x01\x01"s).error().offset, 0u);
  EXPECT_EQ(parse_xoauth2("user=a\x01" "auth=Bearer t\x01"s).error().offset, 21u);
  EXPECT_EQ(parse_xoauth2("user=a\x01" "auth=Token t\x01\x01"s).error().offset, 12u);
  EXPECT_EQ(parse_xoauth2("user=a\x01" "auth=Bearer \x01\x01"s).error().offset, 19u);
  EXPECT_EQ(parse_xoauth2("user=\x01" "auth=Bearer t\x01\x01"s).error().offset, 5u);
  EXPECT_EQ(parse_xoauth2("user=a"s).error().offset, 6u);
}

TEST(SaslXoauth2, RoundTrips) {
  Xoauth2Message message{"j\xC3\xB6rg@example.com", Secret("1/fFAGRNJru1FTz70BzhT3Zg")};
  EXPECT_EQ(*parse_xoauth2(serialize_xoauth2(message)), message);
}

}  // namespace
}  // namespace conformance::codec::sasl
