#include "harness/engine/target.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace conformance::engine {
namespace {

TEST(EndpointUrl, DefaultPortsFollowTheSchemes) {
  struct Case {
    const char* url;
    const char* key;
    std::uint16_t port;
    bool implicit;
  } cases[] = {{"smtp://mx.example", "smtp", 25, false},         {"submission://mx.example", "submission", 587, false},
               {"smtps://mx.example", "submissions", 465, true}, {"submissions://mx.example", "submissions", 465, true},
               {"pop3://mx.example", "pop3", 110, false},         {"pop3s://mx.example", "pop3s", 995, true},
               {"imap://mx.example", "imap", 143, false},         {"imaps://mx.example", "imaps", 993, true}};
  for (const auto& c : cases) {
    auto endpoint = parse_endpoint_url(c.url);
    ASSERT_TRUE(endpoint) << c.url << ": " << endpoint.error();
    EXPECT_EQ(endpoint->key, c.key);
    EXPECT_EQ(endpoint->port, c.port) << c.url;
    EXPECT_EQ(endpoint->implicit_tls, c.implicit) << c.url;
    EXPECT_EQ(endpoint->host, "mx.example");
  }
}

TEST(EndpointUrl, ReadsPortIpv6UserAndStarttls) {
  auto endpoint = parse_endpoint_url("imap://alice@[::1]:10143/?starttls=required");
  ASSERT_TRUE(endpoint) << endpoint.error();
  EXPECT_EQ(endpoint->host, "::1");
  EXPECT_EQ(endpoint->port, 10143);
  EXPECT_EQ(endpoint->user, "alice");
  EXPECT_TRUE(endpoint->starttls_required);
}

TEST(EndpointUrl, RefusesPasswordsAndNonsense) {
  EXPECT_FALSE(parse_endpoint_url("imap://alice:secret@host"));
  EXPECT_FALSE(parse_endpoint_url("http://host"));
  EXPECT_FALSE(parse_endpoint_url("imap://host:0"));
  EXPECT_FALSE(parse_endpoint_url("imap://host:70000"));
  EXPECT_FALSE(parse_endpoint_url("imap://"));
  EXPECT_FALSE(parse_endpoint_url("imaps://host?starttls=required"));
  EXPECT_FALSE(parse_endpoint_url("imap://host?colour=blue"));
  EXPECT_FALSE(parse_endpoint_url("imap://host/INBOX"));
}

TEST(TargetFile, LoadsEndpointsUsersAndDeviations) {
  ::setenv("CONFORMANCE_TEST_PW", "pw-from-env", 1);
  auto target = load_target_text(R"(name: test server
server_name: mail.example
domain: example.test
endpoints:
  imap: imap://127.0.0.1:10143
  imaps: imaps://127.0.0.1:10993
users:
  - {name: alice, password_env: CONFORMANCE_TEST_PW}
  - {name: bob, password: literal-pw, address: robert@example.test}
deviations:
  - {id: "imap.idle.*", reason: "RFC 2177 is optional and this server leaves it out"}
)",
                                 "t.yaml");
  ASSERT_TRUE(target) << target.error().front().to_string();
  EXPECT_EQ(target->endpoints.size(), 2u);
  EXPECT_EQ(target->users[0].password, "pw-from-env");
  EXPECT_EQ(target->users[0].address, "alice@example.test");
  EXPECT_EQ(target->users[1].address, "robert@example.test");
  EXPECT_EQ(target->host, "127.0.0.1");
  ASSERT_NE(target->deviation_for("imap.idle.done"), nullptr);
  EXPECT_EQ(target->deviation_for("imap.select"), nullptr);
  EXPECT_EQ(target->describe().find("pw"), std::string::npos);
}

TEST(TargetFile, ReportsErrorsWithLineAndColumn) {
  auto target = load_target_text("endpoints:\n  imap: imaps://127.0.0.1\n  imapz: imap://x\n", "t.yaml");
  ASSERT_FALSE(target);
  ASSERT_EQ(target.error().size(), 2u);
  EXPECT_EQ(target.error()[0].to_string(), "t.yaml:2:9: a imaps URL under 'imap'");
  EXPECT_EQ(target.error()[1].where.line, 3);
  EXPECT_NE(target.error()[1].message.find("unknown key 'imapz'"), std::string::npos);
}

TEST(TargetFile, YamlSyntaxErrorHasAPosition) {
  auto target = load_target_text("endpoints: [\n", "bad.yaml");
  ASSERT_FALSE(target);
  EXPECT_EQ(target.error()[0].where.file, "bad.yaml");
  EXPECT_GT(target.error()[0].where.line, 0);
}

TEST(TargetFile, ReadsPasswordFilesRelativeToTheTargetFile) {
  const auto dir = std::filesystem::temp_directory_path() / "conformance-target-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "password") << "from-file\n";
  std::ofstream(dir / "target.yaml") << "endpoints: {pop3: 'pop3://127.0.0.1:10110'}\n"
                                        "users: [{name: u, password_file: password}]\n";
  auto target = load_target_file((dir / "target.yaml").string());
  ASSERT_TRUE(target) << target.error().front().to_string();
  EXPECT_EQ(target->users[0].password, "from-file");
  std::filesystem::remove_all(dir);
}

TEST(TargetFile, DeviationNeedsAReason) {
  auto target = load_target_text("endpoints: {imap: 'imap://h'}\ndeviations: [{id: x, reason: ok}]\n", "t.yaml");
  ASSERT_FALSE(target);
  EXPECT_NE(target.error()[0].message.find("real reason"), std::string::npos);
}

TEST(ChooseEndpoint, FollowsTheTlsModeAndService) {
  Target target;
  for (const char* url : {"imap://h:1?starttls=required", "imaps://h:2", "submissions://h:3"}) {
    auto endpoint = parse_endpoint_url(url);
    target.endpoints[endpoint->key] = *endpoint;
  }
  auto by_default = choose_endpoint(target, scenario::Protocol::imap, scenario::Service::main,
                                    scenario::TlsMode::target_default);
  ASSERT_NE(by_default.endpoint, nullptr);
  EXPECT_EQ(by_default.endpoint->port, 1);
  EXPECT_TRUE(by_default.starttls);
  auto implicit =
      choose_endpoint(target, scenario::Protocol::imap, scenario::Service::main, scenario::TlsMode::implicit);
  EXPECT_EQ(implicit.endpoint->port, 2);
  auto submission = choose_endpoint(target, scenario::Protocol::smtp, scenario::Service::submission,
                                    scenario::TlsMode::target_default);
  ASSERT_NE(submission.endpoint, nullptr);
  EXPECT_TRUE(submission.implicit_tls);
  auto pop3 =
      choose_endpoint(target, scenario::Protocol::pop3, scenario::Service::main, scenario::TlsMode::target_default);
  EXPECT_EQ(pop3.endpoint, nullptr);
  EXPECT_EQ(pop3.missing, "pop3 or pop3s");
}

}  // namespace
}  // namespace conformance::engine
