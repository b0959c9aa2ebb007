#include "harness/codec/sasl/external.hpp"

#include <gtest/gtest.h>

#include "harness/codec/sasl/wire.hpp"

namespace conformance::codec::sasl {
namespace {

using namespace std::string_literals;

// RFC 4422 Appendix A.2: "AUTH EXTERNAL ZnJlZA==", the client asking to act as "fred".
TEST(SaslExternal, ServerAcceptsRfc4422ExampleWithAuthzid) {
  InMemoryAccounts accounts;
  accounts.set_external_identity("CN=fred,O=Example");
  accounts.allow_proxy("CN=fred,O=Example", "fred");
  ExternalServer server(accounts);
  auto initial = decode_initial_response("ZnJlZA==");
  ASSERT_TRUE(initial);
  auto step = server.start(*initial);
  ASSERT_TRUE(step.is_success()) << step.error.message();
  EXPECT_EQ(step.identity, (Identity{"CN=fred,O=Example", "fred"}));
}

// RFC 4422 Appendix A: an empty response, acting as the identity TLS established.
TEST(SaslExternal, ServerAcceptsEmptyResponseAfterEmptyChallenge) {
  InMemoryAccounts accounts;
  accounts.set_external_identity("fred@example.com");
  ExternalServer server(accounts);
  auto first = server.start(std::nullopt);
  ASSERT_TRUE(first.is_challenge());
  EXPECT_EQ(first.data, "");
  auto last = server.step("");
  ASSERT_TRUE(last.is_success());
  EXPECT_EQ(last.identity, (Identity{"fred@example.com", ""}));
}

TEST(SaslExternal, ServerFailsWithoutExternalIdentity) {
  InMemoryAccounts accounts;
  ExternalServer server(accounts);
  EXPECT_EQ(server.start("").reason, FailureReason::invalid_credentials);
}

TEST(SaslExternal, ServerRefusesAuthzidItMayNotActAs) {
  InMemoryAccounts accounts;
  accounts.set_external_identity("alice");
  ExternalServer server(accounts);
  EXPECT_EQ(server.start("root").reason, FailureReason::authorization_denied);
}

TEST(SaslExternal, ServerRefusesNulInAuthzid) {
  InMemoryAccounts accounts;
  accounts.set_external_identity("alice");
  ExternalServer server(accounts);
  auto step = server.start("al\0ice"s);
  EXPECT_EQ(step.reason, FailureReason::malformed);
  EXPECT_EQ(step.error.offset, 2u);
}

TEST(SaslExternal, ClientSendsAuthzidOrEqualsForEmpty) {
  ExternalClient with("fred");
  EXPECT_EQ(encode_initial_response(*with.start()), "ZnJlZA==");
  ExternalClient without;
  EXPECT_EQ(encode_initial_response(*without.start()), "=");
}

TEST(SaslExternal, ClientAnswersEmptyChallengeWithoutInitialResponse) {
  ExternalClient client("fred");
  EXPECT_EQ(client.start(false), std::nullopt);
  EXPECT_EQ(*client.respond(""), "fred");
  EXPECT_TRUE(client.complete());
}

TEST(SaslExternal, MessageRoundTrips) {
  ExternalMessage message{"fr\xC3\xA9" "d"};
  EXPECT_EQ(*parse_external(serialize_external(message)), message);
}

}  // namespace
}  // namespace conformance::codec::sasl
