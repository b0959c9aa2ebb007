#include "harness/codec/sasl/factory.hpp"

#include <gtest/gtest.h>

#include "harness/codec/sasl/wire.hpp"

namespace conformance::codec::sasl {
namespace {

// Drives a client and a server against each other as a protocol layer
// would, through the base64 wire form, and returns the server's last step.
ServerStep run_exchange(ClientMechanism& client, ServerMechanism& server, bool initial_response_allowed) {
  auto initial = client.start(initial_response_allowed);
  std::optional<std::string> decoded_initial;
  if (initial) decoded_initial = *decode_initial_response(encode_initial_response(*initial));
  ServerStep step = server.start(decoded_initial);
  for (int round = 0; step.is_challenge() && round < 8; ++round) {
    auto challenge = decode_challenge(encode_challenge(step.data));
    auto response = client.respond(*challenge);
    if (!response) return ServerStep::failure(FailureReason::malformed, response.error());
    step = server.step(decode_client_line(encode_response(*response))->data);
  }
  return step;
}

class FactoryTest : public ::testing::TestWithParam<Mechanism> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(accounts.add_user("alice", "correct horse"));
    accounts.add_bearer_token("tok3n", "alice");
    accounts.set_external_identity("alice");
    credentials.username = "alice";
    credentials.password = Secret("correct horse");
    credentials.token = Secret("tok3n");
    credentials.channel_binding = ChannelBinding{"tls-exporter", "exported keying material"};
    settings.channel_binding = credentials.channel_binding;
  }
  InMemoryAccounts accounts;
  ClientCredentials credentials;
  ServerSettings settings;
};

TEST_P(FactoryTest, ClientAndServerAgreeWithInitialResponse) {
  auto client = make_client(GetParam(), credentials);
  auto server = make_server(GetParam(), accounts, settings);
  ASSERT_TRUE(client && server);
  EXPECT_EQ(client->mechanism(), GetParam());
  EXPECT_EQ(server->mechanism(), GetParam());
  auto last = run_exchange(*client, *server, true);
  ASSERT_TRUE(last.is_success()) << mechanism_name(GetParam()) << ": " << last.error.message();
  EXPECT_EQ(last.identity.authcid, "alice");
  EXPECT_TRUE(client->complete());
}

TEST_P(FactoryTest, ClientAndServerAgreeWithoutInitialResponse) {
  auto client = make_client(GetParam(), credentials);
  auto server = make_server(GetParam(), accounts, settings);
  auto last = run_exchange(*client, *server, false);
  ASSERT_TRUE(last.is_success()) << mechanism_name(GetParam()) << ": " << last.error.message();
  EXPECT_TRUE(client->complete());
}

TEST_P(FactoryTest, WrongSecretFails) {
  credentials.password = Secret("wrong");
  credentials.token = Secret("wrong");
  accounts.set_external_identity(std::nullopt);
  auto client = make_client(GetParam(), credentials);
  auto server = make_server(GetParam(), accounts, settings);
  auto last = run_exchange(*client, *server, true);
  ASSERT_TRUE(last.is_failure()) << mechanism_name(GetParam());
  EXPECT_EQ(last.reason, FailureReason::invalid_credentials) << mechanism_name(GetParam());
}

INSTANTIATE_TEST_SUITE_P(EveryMechanism, FactoryTest, ::testing::ValuesIn(all_mechanisms()),
                         [](const ::testing::TestParamInfo<Mechanism>& param_info) {
                           std::string name(mechanism_name(param_info.param));
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

TEST(SaslFactory, PlusClientNeedsChannelBinding) {
  ClientCredentials credentials;
  EXPECT_EQ(make_client(Mechanism::scram_sha_256_plus, credentials), nullptr);
  EXPECT_NE(make_client(Mechanism::scram_sha_256, credentials), nullptr);
}

}  // namespace
}  // namespace conformance::codec::sasl
