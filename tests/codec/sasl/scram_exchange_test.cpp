#include <gtest/gtest.h>

#include "harness/codec/common/base64.hpp"
#include "harness/codec/sasl/scram_client.hpp"
#include "harness/codec/sasl/scram_server.hpp"
#include "harness/codec/sasl/wire.hpp"
#include "test_support.hpp"

namespace conformance::codec::sasl {
namespace {

// RFC 7677 §3: user "user", password "pencil".
namespace rfc7677 {
constexpr std::string_view kClientNonce = "rOprNGfwEbeRWgbNEkqO";
constexpr std::string_view kServerNonce = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
constexpr std::string_view kSalt = "W22ZaJ0SNY7soEsUEjb6gQ==";
constexpr std::string_view kClientFirst = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
constexpr std::string_view kServerFirst =
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
constexpr std::string_view kClientFinal =
    "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
constexpr std::string_view kServerFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";
}  // namespace rfc7677

// RFC 5802 §5: the same user and password with SCRAM-SHA-1.
namespace rfc5802 {
constexpr std::string_view kClientNonce = "fyko+d2lbbFgONRv9qkxdawL";
constexpr std::string_view kServerNonce = "3rfcNHYJY1ZVvWVs7j";
constexpr std::string_view kSalt = "QSXCR+Q6sek8bf92";
constexpr std::string_view kClientFirst = "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL";
constexpr std::string_view kServerFirst = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
constexpr std::string_view kClientFinal =
    "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=";
constexpr std::string_view kServerFinal = "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=";
}  // namespace rfc5802

ScramClientOptions rfc7677_client() {
  ScramClientOptions options;
  options.username = "user";
  options.password = Secret("pencil");
  options.nonce = std::string(rfc7677::kClientNonce);
  return options;
}

class ScramServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto sha256 = derive_scram_credentials(HashAlgorithm::sha256, "pencil", *base64_decode(rfc7677::kSalt), 4096);
    auto sha1 = derive_scram_credentials(HashAlgorithm::sha1, "pencil", *base64_decode(rfc5802::kSalt), 4096);
    ASSERT_TRUE(sha256 && sha1);
    accounts.set_scram_credentials("user", *sha256);
    accounts.set_scram_credentials("user", *sha1);
  }

  ScramServerOptions rfc7677_server() const {
    ScramServerOptions options;
    options.nonce = std::string(rfc7677::kServerNonce);
    return options;
  }

  // Runs client-first through the RFC 7677 server and returns the step.
  ServerStep first_step(ScramServer& server, std::string_view client_first) { return server.start(client_first); }

  InMemoryAccounts accounts;
};

TEST(SaslScramClient, ReproducesRfc7677ExchangeByteForByte) {
  ScramClient client(rfc7677_client());
  EXPECT_EQ(client.mechanism(), Mechanism::scram_sha_256);
  EXPECT_EQ(client.start(), rfc7677::kClientFirst);
  auto final_message = client.respond(rfc7677::kServerFirst);
  ASSERT_TRUE(final_message) << final_message.error().message();
  EXPECT_EQ(*final_message, rfc7677::kClientFinal);
  auto ack = client.respond(rfc7677::kServerFinal);
  ASSERT_TRUE(ack) << ack.error().message();
  EXPECT_EQ(*ack, "");
  EXPECT_TRUE(client.server_verified());
  EXPECT_TRUE(client.complete());
}

TEST(SaslScramClient, ReproducesRfc5802Sha1ExchangeByteForByte) {
  ScramClientOptions options;
  options.hash = HashAlgorithm::sha1;
  options.username = "user";
  options.password = Secret("pencil");
  options.nonce = std::string(rfc5802::kClientNonce);
  ScramClient client(std::move(options));
  EXPECT_EQ(client.mechanism(), Mechanism::scram_sha_1);
  EXPECT_EQ(client.start(), rfc5802::kClientFirst);
  EXPECT_EQ(*client.respond(rfc5802::kServerFirst), rfc5802::kClientFinal);
  EXPECT_TRUE(client.respond(rfc5802::kServerFinal));
  EXPECT_TRUE(client.complete());
}

TEST_F(ScramServerTest, ReproducesRfc7677ExchangeByteForByte) {
  ScramServer server(accounts, rfc7677_server());
  auto first = server.start(rfc7677::kClientFirst);
  ASSERT_TRUE(first.is_challenge()) << first.error.message();
  EXPECT_EQ(first.data, rfc7677::kServerFirst);
  auto final_step = server.step(rfc7677::kClientFinal);
  ASSERT_TRUE(final_step.is_challenge()) << final_step.error.message();
  EXPECT_EQ(final_step.data, rfc7677::kServerFinal);
  auto done = server.step("");
  ASSERT_TRUE(done.is_success());
  EXPECT_EQ(done.identity, (Identity{"user", ""}));
}

TEST_F(ScramServerTest, ReproducesRfc5802Sha1ExchangeByteForByte) {
  ScramServerOptions options;
  options.hash = HashAlgorithm::sha1;
  options.nonce = std::string(rfc5802::kServerNonce);
  ScramServer server(accounts, options);
  EXPECT_EQ(server.mechanism(), Mechanism::scram_sha_1);
  EXPECT_EQ(server.start(rfc5802::kClientFirst).data, rfc5802::kServerFirst);
  EXPECT_EQ(server.step(rfc5802::kClientFinal).data, rfc5802::kServerFinal);
  EXPECT_TRUE(server.step("").is_success());
}

TEST_F(ScramServerTest, SendsServerFinalWithSuccessWhenProtocolAllows) {
  auto options = rfc7677_server();
  options.additional_data_with_success = true;
  ScramServer server(accounts, options);
  (void)server.start(rfc7677::kClientFirst);
  auto done = server.step(rfc7677::kClientFinal);
  ASSERT_TRUE(done.is_success());
  EXPECT_TRUE(done.has_additional_data);
  EXPECT_EQ(done.data, rfc7677::kServerFinal);
}

TEST_F(ScramServerTest, StartsWithEmptyChallengeWithoutInitialResponse) {
  ScramServer server(accounts, rfc7677_server());
  auto first = server.start(std::nullopt);
  ASSERT_TRUE(first.is_challenge());
  EXPECT_EQ(first.data, "");
  EXPECT_EQ(server.step(rfc7677::kClientFirst).data, rfc7677::kServerFirst);
}

TEST_F(ScramServerTest, RejectsBadGs2Header) {
  ScramServer server(accounts, rfc7677_server());
  auto step = server.start("x,,n=user,r=abc");
  ASSERT_TRUE(step.is_failure());
  EXPECT_EQ(step.reason, FailureReason::malformed);
  EXPECT_EQ(step.error.offset, 0u);
  EXPECT_EQ(step.data, "e=invalid-encoding");
}

TEST_F(ScramServerTest, RejectsMandatoryExtension) {
  ScramServer server(accounts, rfc7677_server());
  auto step = server.start("n,,m=future,n=user,r=abc");
  ASSERT_TRUE(step.is_failure());
  EXPECT_EQ(step.reason, FailureReason::unsupported);
  EXPECT_EQ(step.error.offset, 3u);
  EXPECT_EQ(step.data, "e=extensions-not-supported");
}

TEST_F(ScramServerTest, RejectsChannelBindingWithoutPlus) {
  ScramServer server(accounts, rfc7677_server());
  auto step = server.start("p=tls-exporter,,n=user,r=abc");
  EXPECT_EQ(step.reason, FailureReason::unsupported);
  EXPECT_EQ(step.data, "e=channel-binding-not-supported");
}

TEST_F(ScramServerTest, RejectsClientSupportsFlagWhenServerBindsAsDowngrade) {
  auto options = rfc7677_server();
  options.channel_binding = ChannelBinding{"tls-exporter", "data"};
  ScramServer server(accounts, options);
  auto step = server.start("y,,n=user,r=abc");
  EXPECT_EQ(step.reason, FailureReason::channel_binding_mismatch);
  EXPECT_EQ(step.data, "e=server-does-support-channel-binding");
}

TEST_F(ScramServerTest, AcceptsClientSupportsFlagWhenServerDoesNotBind) {
  ScramServer server(accounts, rfc7677_server());
  EXPECT_TRUE(server.start("y,,n=user,r=abc").is_challenge());
}

TEST_F(ScramServerTest, PlusRequiresChannelBindingFlag) {
  auto options = rfc7677_server();
  options.plus = true;
  options.channel_binding = ChannelBinding{"tls-exporter", "data"};
  ScramServer server(accounts, options);
  EXPECT_EQ(server.mechanism(), Mechanism::scram_sha_256_plus);
  EXPECT_EQ(server.start(rfc7677::kClientFirst).reason, FailureReason::unsupported);
}

TEST_F(ScramServerTest, PlusRejectsOtherChannelBindingType) {
  auto options = rfc7677_server();
  options.plus = true;
  options.channel_binding = ChannelBinding{"tls-exporter", "data"};
  ScramServer server(accounts, options);
  auto step = server.start("p=tls-unique,,n=user,r=abc");
  EXPECT_EQ(step.reason, FailureReason::unsupported);
  EXPECT_EQ(step.error.offset, 2u);
  EXPECT_EQ(step.data, "e=unsupported-channel-binding-type");
}

TEST_F(ScramServerTest, RejectsUnknownUser) {
  ScramServer server(accounts, rfc7677_server());
  auto step = server.start("n,,n=nobody,r=abc");
  EXPECT_EQ(step.reason, FailureReason::unknown_user);
  EXPECT_EQ(step.error.offset, 5u);
  EXPECT_EQ(step.data, "e=unknown-user");
}

TEST_F(ScramServerTest, RejectsNonceMismatch) {
  ScramServer server(accounts, rfc7677_server());
  (void)server.start(rfc7677::kClientFirst);
  auto step = server.step("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k1,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
  EXPECT_EQ(step.reason, FailureReason::nonce_mismatch);
  EXPECT_EQ(step.error.offset, 9u);
}

TEST_F(ScramServerTest, RejectsChannelBindingAttributeThatDiffersFromGs2Header) {
  ScramServer server(accounts, rfc7677_server());
  (void)server.start(rfc7677::kClientFirst);
  // c=eSws is "y,,", but the client said "n,," first.
  auto step = server.step("c=eSws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
  EXPECT_EQ(step.reason, FailureReason::channel_binding_mismatch);
  EXPECT_EQ(step.error.offset, 2u);
  EXPECT_EQ(step.data, "e=channel-bindings-dont-match");
}

TEST_F(ScramServerTest, RejectsBadProof) {
  ScramServer server(accounts, rfc7677_server());
  (void)server.start(rfc7677::kClientFirst);
  auto step = server.step("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=eHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
  ASSERT_TRUE(step.is_failure());
  EXPECT_EQ(step.reason, FailureReason::invalid_credentials);
  EXPECT_EQ(step.error.offset, 62u);
  EXPECT_EQ(step.data, "e=invalid-proof");
}

TEST_F(ScramServerTest, RejectsProofOfWrongLength) {
  ScramServer server(accounts, rfc7677_server());
  (void)server.start(rfc7677::kClientFirst);
  auto step = server.step("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=AAAA");
  EXPECT_EQ(step.reason, FailureReason::invalid_credentials);
}

TEST_F(ScramServerTest, RejectsMalformedClientFinal) {
  ScramServer server(accounts, rfc7677_server());
  (void)server.start(rfc7677::kClientFirst);
  auto step = server.step("r=rOprNGfwEbeRWgbNEkqO,c=biws");
  EXPECT_EQ(step.reason, FailureReason::malformed);
  EXPECT_EQ(step.error.offset, 0u);
  EXPECT_EQ(step.data, "e=invalid-encoding");
}

TEST_F(ScramServerTest, RejectsNonEmptyAnswerToServerFinal) {
  ScramServer server(accounts, rfc7677_server());
  (void)server.start(rfc7677::kClientFirst);
  (void)server.step(rfc7677::kClientFinal);
  EXPECT_EQ(server.step("x").reason, FailureReason::malformed);
}

TEST_F(ScramServerTest, RejectsAuthzidTheUserMayNotActAs) {
  ScramClientOptions client_options = rfc7677_client();
  client_options.authzid = "admin";
  ScramClient client(client_options);
  ScramServer server(accounts, rfc7677_server());
  auto first = server.start(*client.start());
  ASSERT_TRUE(first.is_challenge());
  auto step = server.step(*client.respond(first.data));
  EXPECT_EQ(step.reason, FailureReason::authorization_denied);
}

TEST_F(ScramServerTest, AcceptsAuthzidTheUserMayActAs) {
  accounts.allow_proxy("user", "admin");
  ScramClientOptions client_options = rfc7677_client();
  client_options.authzid = "admin";
  ScramClient client(client_options);
  ScramServer server(accounts, rfc7677_server());
  auto first = server.start(*client.start());
  auto last = server.step(*client.respond(first.data));
  ASSERT_TRUE(last.is_challenge()) << last.error.message();
  ASSERT_TRUE(client.respond(last.data));
  auto done = server.step("");
  ASSERT_TRUE(done.is_success());
  EXPECT_EQ(done.identity, (Identity{"user", "admin"}));
}

TEST_F(ScramServerTest, WrongPasswordFailsWithInvalidProof) {
  ScramClientOptions client_options = rfc7677_client();
  client_options.password = Secret("pencil2");
  ScramClient client(client_options);
  ScramServer server(accounts, rfc7677_server());
  auto first = server.start(*client.start());
  auto last = server.step(*client.respond(first.data));
  EXPECT_EQ(last.reason, FailureReason::invalid_credentials);
  // The client, given the server's error, reports it.
  EXPECT_FALSE(client.respond(last.data));
  EXPECT_EQ(client.server_error(), "invalid-proof");
}

TEST_F(ScramServerTest, PlusExchangeSucceedsWithMatchingChannelBinding) {
  const ChannelBinding binding{"tls-exporter", std::string("\x01\x02\x03\x04", 4)};
  ScramClientOptions client_options = rfc7677_client();
  client_options.channel_binding = binding;
  ScramClient client(client_options);
  EXPECT_EQ(client.mechanism(), Mechanism::scram_sha_256_plus);
  auto server_options = rfc7677_server();
  server_options.plus = true;
  server_options.channel_binding = binding;
  ScramServer server(accounts, server_options);
  auto first_message = client.start();
  EXPECT_EQ(first_message, "p=tls-exporter,,n=user,r=rOprNGfwEbeRWgbNEkqO");
  auto first = server.start(*first_message);
  auto final_message = client.respond(first.data);
  ASSERT_TRUE(final_message);
  const std::string binding_attribute = "c=" + base64_encode("p=tls-exporter,,\x01\x02\x03\x04") + ",";
  EXPECT_EQ(final_message->substr(0, binding_attribute.size()), binding_attribute);
  auto last = server.step(*final_message);
  ASSERT_TRUE(last.is_challenge()) << last.error.message();
  EXPECT_TRUE(client.respond(last.data));
  EXPECT_TRUE(server.step("").is_success());
}

TEST_F(ScramServerTest, PlusExchangeFailsWhenChannelsDiffer) {
  ScramClientOptions client_options = rfc7677_client();
  client_options.channel_binding = ChannelBinding{"tls-exporter", "client side"};
  ScramClient client(client_options);
  auto server_options = rfc7677_server();
  server_options.plus = true;
  server_options.channel_binding = ChannelBinding{"tls-exporter", "server side"};
  ScramServer server(accounts, server_options);
  auto first = server.start(*client.start());
  auto last = server.step(*client.respond(first.data));
  EXPECT_EQ(last.reason, FailureReason::channel_binding_mismatch);
}

TEST_F(ScramServerTest, EndToEndWithGeneratedNonces) {
  ScramClientOptions client_options = rfc7677_client();
  client_options.nonce.clear();
  ScramClient client(client_options);
  ScramServerOptions server_options;  // system random nonce
  ScramServer server(accounts, server_options);
  auto first_message = client.start();
  ASSERT_TRUE(first_message);
  auto first = server.start(*first_message);
  ASSERT_TRUE(first.is_challenge());
  auto last = server.step(*client.respond(first.data));
  ASSERT_TRUE(last.is_challenge()) << last.error.message();
  EXPECT_EQ(*client.respond(last.data), "");
  EXPECT_TRUE(server.step("").is_success());
}

TEST(SaslScramClient, UsesRandomSourceForNonce) {
  ScramClientOptions options = rfc7677_client();
  options.nonce.clear();
  options.random = testing::repeating_random("\xFF");
  ScramClient client(options);
  EXPECT_EQ(client.start(), "n,,n=user,r=////////////////////////");
}

TEST(SaslScramClient, StartsOnEmptyChallengeWithoutInitialResponse) {
  ScramClient client(rfc7677_client());
  EXPECT_EQ(client.start(false), std::nullopt);
  EXPECT_FALSE(ScramClient(rfc7677_client()).respond(""));
  auto first = client.respond("");
  ASSERT_TRUE(first);
  EXPECT_EQ(*first, rfc7677::kClientFirst);
}

TEST(SaslScramClient, RejectsServerNonceNotExtendingClientNonce) {
  ScramClient client(rfc7677_client());
  (void)client.start();
  auto response = client.respond("r=XOprNGfwEbeRWgbNEkqO%hvYD,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().offset, 2u);
}

TEST(SaslScramClient, RejectsServerNonceWithoutServerPart) {
  ScramClient client(rfc7677_client());
  (void)client.start();
  auto response = client.respond("r=rOprNGfwEbeRWgbNEkqO,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().offset, 22u);
}

TEST(SaslScramClient, RejectsIterationCountBelowMinimum) {
  ScramClient client(rfc7677_client());
  (void)client.start();
  auto response = client.respond("r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4095");
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().offset, 55u);
  EXPECT_EQ(response.error().expected, "iteration count of at least 4096");
}

TEST(SaslScramClient, RejectsIterationCountAboveMaximum) {
  ScramClientOptions options = rfc7677_client();
  options.limits.max_iterations = 10000;
  ScramClient client(options);
  (void)client.start();
  EXPECT_FALSE(client.respond("r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=10001"));
}

TEST(SaslScramClient, MinimumIterationCountIsConfigurable) {
  ScramClientOptions options = rfc7677_client();
  options.limits.min_iterations = 1;
  ScramClient client(options);
  (void)client.start();
  EXPECT_TRUE(client.respond("r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=1"));
}

TEST(SaslScramClient, RejectsMandatoryExtensionFromServer) {
  ScramClient client(rfc7677_client());
  (void)client.start();
  auto response = client.respond("m=x,r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().expected, "no mandatory extension \"m=\" (RFC 5802 §5.1)");
}

TEST(SaslScramClient, RejectsMalformedServerFirstAtItsOffset) {
  ScramClient client(rfc7677_client());
  (void)client.start();
  auto response = client.respond("r=rOprNGfwEbeRWgbNEkqOxyz,i=4096");
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().offset, 26u);
}

TEST(SaslScramClient, RejectsWrongServerSignature) {
  ScramClient client(rfc7677_client());
  (void)client.start();
  (void)client.respond(rfc7677::kServerFirst);
  auto response = client.respond("v=7rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().offset, 2u);
  EXPECT_FALSE(client.server_verified());
  EXPECT_FALSE(client.complete());
}

TEST(SaslScramClient, RefusesSuccessBeforeServerSignature) {
  ScramClient client(rfc7677_client());
  (void)client.start();
  (void)client.respond(rfc7677::kServerFirst);
  auto verdict = client.complete();
  ASSERT_FALSE(verdict);
  EXPECT_EQ(verdict.error().expected, "the server-final message with its signature before success (RFC 5802 §5)");
}

TEST(SaslScramClient, VerifiesServerFinalCarriedWithSuccess) {
  ScramClient client(rfc7677_client());
  (void)client.start();
  (void)client.respond(rfc7677::kServerFirst);
  EXPECT_TRUE(client.complete(rfc7677::kServerFinal));
  EXPECT_TRUE(client.server_verified());
}

TEST(SaslScramClient, ReportsServerError) {
  ScramClient client(rfc7677_client());
  (void)client.start();
  (void)client.respond(rfc7677::kServerFirst);
  EXPECT_FALSE(client.respond("e=other-error"));
  EXPECT_EQ(client.server_error(), "other-error");
}

TEST(SaslScramClient, SendsYFlagWhenItSupportsBindingButDoesNotBind) {
  ScramClientOptions options = rfc7677_client();
  options.client_supports_channel_binding = true;
  options.authzid = "ad,min";
  ScramClient client(options);
  EXPECT_EQ(client.start(), "y,a=ad=2Cmin,n=user,r=rOprNGfwEbeRWgbNEkqO");
}

TEST(SaslScramKeys, DerivedCredentialsReproduceRfc7677Signature) {
  auto credentials = derive_scram_credentials(HashAlgorithm::sha256, "pencil", *base64_decode(rfc7677::kSalt), 4096);
  ASSERT_TRUE(credentials);
  const std::string auth_message =
      "n=user,r=rOprNGfwEbeRWgbNEkqO," + std::string(rfc7677::kServerFirst) +
      ",c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
  EXPECT_EQ("v=" + base64_encode(*compute_server_signature(*credentials, auth_message)), rfc7677::kServerFinal);
  auto proof = compute_client_proof(HashAlgorithm::sha256, "pencil", credentials->salt, 4096, auth_message);
  ASSERT_TRUE(proof);
  EXPECT_EQ(base64_encode(proof->proof), "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
  EXPECT_EQ(verify_client_proof(*credentials, auth_message, proof->proof), true);
}

TEST(SaslScramKeys, DerivesCredentialsWithInjectedSalt) {
  auto credentials = derive_scram_credentials(HashAlgorithm::sha256, "pencil", 4096, testing::repeating_random("s"), 4);
  ASSERT_TRUE(credentials);
  EXPECT_EQ(credentials->salt, "ssss");
  EXPECT_EQ(credentials->iterations, 4096u);
  EXPECT_EQ(*credentials, *derive_scram_credentials(HashAlgorithm::sha256, "pencil", "ssss", 4096));
}

}  // namespace
}  // namespace conformance::codec::sasl
