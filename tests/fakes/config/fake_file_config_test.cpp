#include "fakes/config/fake_file_config.hpp"

#include "tests/fakes/config/yaml_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace conformance::fakes::config {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(FakeFileConfig, ReadsEachFakesSectionWithTheSharedTlsAsDefault) {
  auto config = load_fake_config_text(R"(
tls: {certificate: expired}
fakes:
  smtp: {faults: [{command: MAIL, reply: "451 later\r\n"}]}
  imap: {tls: {starttls: not_offered}}
  pop3:
dns:
)", "f.yaml");
  ASSERT_TRUE(config.ok()) << ::testing::PrintToString(messages_of(config.error()));
  EXPECT_THAT(config->protocols(), ElementsAre("smtp", "pop3", "imap", "dns"));
  EXPECT_EQ(config->smtp->server.tls.certificate, tls::LeafFault::expired);
  EXPECT_EQ(config->smtp->server.faults.rules.size(), 1u);
  EXPECT_EQ(config->imap->server.tls.certificate, tls::LeafFault::expired);
  EXPECT_EQ(config->imap->server.tls.starttls, StartTlsPolicy::not_offered);
  EXPECT_EQ(config->pop3->server.tls.certificate, tls::LeafFault::expired);
}

TEST(FakeFileConfig, NoStoreSectionMeansTheDefaultDataset) {
  auto config = load_fake_config_text("fakes: {imap: {}}\n", "f.yaml");
  ASSERT_TRUE(config.ok());
  EXPECT_THAT(config->store.user_names(), ElementsAre("alice", "bob"));
  auto alice = config->store.login("alice");
  ASSERT_TRUE(alice);
  EXPECT_EQ(alice->password, "alice-pw");
  EXPECT_EQ(alice->address, "alice@example.test");
  EXPECT_FALSE(config->store.login("mallory"));
}

TEST(FakeFileConfig, StoreUsersLogInWithTheirOwnPasswordAndFirstAddress) {
  auto config = load_fake_config_text(
      "store: {users: [{name: carol, password: c-pw, addresses: [c@x.test, carol@x.test]}]}\nfakes: {smtp: {}}\n",
      "f.yaml");
  ASSERT_TRUE(config.ok()) << ::testing::PrintToString(messages_of(config.error()));
  EXPECT_THAT(config->store.user_names(), ElementsAre("carol"));
  EXPECT_EQ(config->store.login("carol")->address, "c@x.test");
}

TEST(FakeFileConfig, AllMistakesOfAFileAreReportedInOrder) {
  auto config = load_fake_config_text("fakes:\n  smtp: {tls: {certificate: expird}}\n  ftp: {}\nstor: {}\n", "f.yaml");
  ASSERT_FALSE(config.ok());
  const auto messages = messages_of(config.error());
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_THAT(messages[0], HasSubstr("f.yaml:2:"));
  EXPECT_THAT(messages[1], HasSubstr("f.yaml:3:3: no fake for 'ftp'"));
  EXPECT_THAT(messages[2], HasSubstr("f.yaml:4:1: unknown key 'stor'"));
}

TEST(FakeFileConfig, BadYamlIsALocatedError) {
  auto config = load_fake_config_text("fakes: {smtp: [\n", "f.yaml");
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(messages_of(config.error())[0], HasSubstr("f.yaml:"));
}

}  // namespace
}  // namespace conformance::fakes::config
