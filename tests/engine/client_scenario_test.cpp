// Client-under-test scenarios: the loader with the engine's fakes reader,
// each assertion judged on a made-up observation, and whole runs of a real
// program (python3) against the fakes.
#include "harness/engine/client_assertions.hpp"
#include "harness/engine/client_run.hpp"
#include "harness/engine/client_support.hpp"
#include "harness/engine/protocol.hpp"
#include "harness/scenario/loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

namespace conformance::engine {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

scenario::LoadResult load(const std::string& yaml) {
  return scenario::load_scenario_text(yaml, "c.yaml", rules_for, &client_support());
}

std::vector<std::string> messages(const scenario::LoadResult& result) {
  std::vector<std::string> out;
  for (const auto& diagnostic : result.diagnostics) out.push_back(diagnostic.to_string());
  return out;
}

const std::string kHeader = "version: 1\nrole: client\nid: client.t\ntitle: T\n";

// --- Loading ---

TEST(ClientScenarioLoader, ReadsAWholeScenario) {
  auto result = load(kHeader + R"(fakes:
  smtp: {faults: [{command: MAIL, times: 2, reply: "451 later\r\n"}]}
client:
  command: swaks --server {host}:{submission_port} --auth-user {user} --auth-password {password}
  timeout: 5s
expect:
  - exit: 0
  - {not_sent_before_tls: ["^AUTH"], rfc: "RFC 4954 §4"}
  - {connections: 3}
)");
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  const scenario::Scenario& loaded = result.scenarios.at(0);
  ASSERT_TRUE(loaded.client);
  EXPECT_EQ(loaded.client->protocol, "smtp");
  EXPECT_EQ(loaded.client->program.user, "alice");  // the default dataset's first user
  EXPECT_EQ(loaded.client->program.timeout, std::chrono::milliseconds(5000));
  ASSERT_EQ(loaded.client->expect.size(), 3u);
  EXPECT_EQ(loaded.client->expect[1].fake, "smtp");
  EXPECT_THAT(loaded.client->fakes->protocols(), ::testing::ElementsAre("smtp"));
}

TEST(ClientScenarioLoader, TheSchemaExamplesLoadOrNotAsTheSchemaSays) {
  const std::string examples = std::string(CONFORMANCE_SOURCE_DIR) + "/tests/scenario/schema_examples";
  std::size_t seen = 0;
  for (const char* folder : {"valid", "invalid"}) {
    for (const auto& entry : std::filesystem::directory_iterator(examples + "/" + folder)) {
      if (!entry.path().filename().string().starts_with("client_")) continue;
      ++seen;
      auto result = scenario::load_scenario_file(entry.path().string(), rules_for, &client_support());
      EXPECT_EQ(result.ok(), std::string(folder) == "valid") << entry.path() << ::testing::PrintToString(messages(result));
    }
  }
  EXPECT_GE(seen, 3u);
}

TEST(ClientScenarioLoader, AnUnknownPlaceholderIsReportedWhereItIs) {
  auto result = load(kHeader + "fakes: {smtp: {}}\nclient: {command: 'swaks --server {hots}'}\nexpect: [{exit: 0}]\n");
  ASSERT_EQ(messages(result).size(), 1u) << ::testing::PrintToString(messages(result));
  EXPECT_THAT(messages(result)[0], HasSubstr("c.yaml:6:"));
  EXPECT_THAT(messages(result)[0], HasSubstr("{hots}"));
}

TEST(ClientScenarioLoader, APortPlaceholderNeedsItsFake) {
  auto result = load(kHeader + "fakes: {smtp: {}}\nclient: {command: 'curl imap://{host}:{imap_port}/'}\nexpect: [{exit: 0}]\n");
  EXPECT_THAT(messages(result), Contains(HasSubstr("{imap_port} needs the imap fake")));
}

TEST(ClientScenarioLoader, ShellSyntaxInTheCommandIsRefusedWithTheWayOut) {
  auto result = load(kHeader + "fakes: {smtp: {}}\nclient: {command: 'swaks | tee x'}\nexpect: [{exit: 0}]\n");
  EXPECT_THAT(messages(result), Contains(HasSubstr("sh -c")));
}

TEST(ClientScenarioLoader, AnUnknownAssertionSuggestsTheClosestOne) {
  auto result = load(kHeader + "fakes: {smtp: {}}\nclient: {command: swaks}\nexpect: [{not_snt: '^AUTH'}]\n");
  EXPECT_THAT(messages(result), Contains(HasSubstr("did you mean 'not_sent'")));
}

TEST(ClientScenarioLoader, ATranscriptAssertionWithSeveralFakesMustNameOne) {
  auto result = load(kHeader + "fakes: {smtp: {}, imap: {}}\nprotocol: imap\nclient: {command: curl}\nexpect: [{sent: LOGIN}]\n");
  EXPECT_THAT(messages(result), Contains(HasSubstr("say which with 'fake:'")));
}

TEST(ClientScenarioLoader, AUserNotInTheStoreIsAnError) {
  auto result = load(kHeader + "fakes: {smtp: {}}\nclient: {command: swaks, user: mallory}\nexpect: [{exit: 0}]\n");
  EXPECT_THAT(messages(result), Contains(HasSubstr("user 'mallory' is not in the store")));
}

TEST(ClientScenarioLoader, FakeSectionMistakesAreLocated) {
  auto result = load(kHeader + "fakes: {smtp: {tls: {certificate: expird}}}\nclient: {command: swaks}\nexpect: [{exit: 0}]\n");
  EXPECT_THAT(messages(result), Contains(HasSubstr("c.yaml:5:")));
}

// --- Judging ---

scenario::ClientAssertion assertion(const std::string& yaml, const std::string& fakes = "fakes: {smtp: {}}\n") {
  auto result = load(kHeader + fakes + "client: {command: swaks}\nexpect:\n  - " + yaml + "\n");
  EXPECT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  return result.ok() ? result.scenarios.at(0).client->expect.at(0) : scenario::ClientAssertion{};
}

net::TranscriptEvent event(net::Direction direction, std::string bytes) {
  net::TranscriptEvent out;
  out.direction = direction;
  out.bytes = std::move(bytes);
  return out;
}
net::TranscriptEvent client(std::string bytes) { return event(net::Direction::client_to_server, std::move(bytes)); }
net::TranscriptEvent server(std::string bytes) { return event(net::Direction::server_to_client, std::move(bytes)); }
net::TranscriptEvent tls_ok() { return event(net::Direction::tls_event, "handshake ok: TLSv1.3"); }
net::TranscriptEvent tls_failed() { return event(net::Direction::tls_event, "handshake failed: alert bad certificate"); }

ClientObservation smtp_session(std::vector<net::TranscriptEvent> events) {
  ClientObservation observed;
  observed.started = true;
  observed.exit_code = 0;
  observed.outcome = "exit 0";
  observed.fakes["smtp"].connections.push_back({1, "submission", std::move(events)});
  return observed;
}

AssertionOutcome judge(const std::string& yaml, const ClientObservation& observed) {
  return evaluate_assertion(assertion(yaml), observed, scenario::Variables{});
}

TEST(ClientAssertions, NotSentBeforeTlsCatchesCredentialsInTheClear) {
  const auto clear = smtp_session({server("220 x\r\n"), client("EHLO a\r\nAUTH PLAIN <redacted>\r\n")});
  const AssertionOutcome outcome = judge("not_sent_before_tls: ['^AUTH']", clear);
  EXPECT_FALSE(outcome.ok);
  EXPECT_THAT(outcome.reason, HasSubstr("in the clear"));
  const auto protected_ = smtp_session({client("EHLO a\r\nSTARTTLS\r\n"), tls_ok(), client("AUTH PLAIN x\r\n")});
  EXPECT_TRUE(judge("not_sent_before_tls: ['^AUTH']", protected_).ok);
}

TEST(ClientAssertions, LinesSplitAcrossWritesAreJoined) {
  const auto split = smtp_session({client("EH"), client("LO a\r"), client("\nQU"), client("IT\r\n")});
  EXPECT_TRUE(judge("sent: '^EHLO a$'", split).ok);
  EXPECT_TRUE(judge("sent_last: '^QUIT$'", split).ok);
}

TEST(ClientAssertions, SentBeforeNeedsTheEarlierLineOnTheSameConnection) {
  const auto ok = smtp_session({client("EHLO a\r\nMAIL FROM:<a@b>\r\n")});
  EXPECT_TRUE(judge("sent_before: ['^EHLO', '^MAIL']", ok).ok);
  const auto bad = smtp_session({client("MAIL FROM:<a@b>\r\nEHLO a\r\n")});
  EXPECT_FALSE(judge("sent_before: ['^EHLO', '^MAIL']", bad).ok);
  const auto never = smtp_session({client("EHLO a\r\n")});
  EXPECT_THAT(judge("sent_before: ['^EHLO', '^MAIL']", never).reason, HasSubstr("never sent"));
}

TEST(ClientAssertions, TlsRefusedByClientIsAHandshakeThatWentNowhere) {
  EXPECT_TRUE(judge("tls: refused_by_client", smtp_session({client("STARTTLS\r\n"), tls_failed()})).ok);
  EXPECT_TRUE(judge("tls: refused_by_client", smtp_session({client("STARTTLS\r\n"), tls_ok()})).ok);
  EXPECT_FALSE(
      judge("tls: refused_by_client", smtp_session({client("STARTTLS\r\n"), tls_ok(), client("EHLO a\r\n")})).ok);
  EXPECT_FALSE(judge("tls: refused_by_client", smtp_session({client("EHLO a\r\n")})).ok);
  EXPECT_TRUE(judge("tls: none", smtp_session({client("EHLO a\r\n")})).ok);
  EXPECT_TRUE(judge("tls: established", smtp_session({tls_ok(), client("EHLO a\r\n")})).ok);
}

TEST(ClientAssertions, ExitChecks) {
  ClientObservation observed = smtp_session({});
  observed.exit_code = 3;
  EXPECT_FALSE(judge("exit: 0", observed).ok);
  EXPECT_TRUE(judge("exit: [1, 3]", observed).ok);
  EXPECT_TRUE(judge("exit: nonzero", observed).ok);
  EXPECT_FALSE(judge("exit: timeout", observed).ok);
  observed.exit_code.reset();
  observed.timed_out = true;
  EXPECT_TRUE(judge("exit: timeout", observed).ok);
  EXPECT_FALSE(judge("exit: nonzero", observed).ok);
}

TEST(ClientAssertions, EnvelopeAndDataChecksReadTheReceivedTransactions) {
  ClientObservation observed = smtp_session({});
  observed.fakes["smtp"].transactions.push_back({1, "a@x.test", {"b@x.test", "c@x.test"}, "Subject: s\r\n\r\nhi\r\n"});
  EXPECT_TRUE(judge("envelope: {mail_from: a@x.test, rcpt_to: [b@x.test, c@x.test]}", observed).ok);
  EXPECT_FALSE(judge("envelope: {rcpt_to: [b@x.test]}", observed).ok);
  EXPECT_TRUE(judge("data_matches: {contains: 'Subject: s'}", observed).ok);
}

TEST(ClientAssertions, ConnectionsCountsTheFakesConnections) {
  ClientObservation observed = smtp_session({});
  observed.fakes["smtp"].connections.push_back({2, "submission", {}});
  EXPECT_TRUE(judge("connections: 2", observed).ok);
  EXPECT_FALSE(judge("connections: 1", observed).ok);
}

TEST(ClientAssertions, DnsQueriesMustAppearInOrder) {
  const std::string fakes = "dns: {}\n";
  ClientObservation observed;
  observed.dns_queries = {{"Example.Test", "MX", "udp"}, {"example.test", "MX", "tcp"}};
  auto in_order = assertion("dns_queries: [{name: example.test., transport: udp}, {name: example.test, transport: tcp}]",
                            fakes);
  EXPECT_TRUE(evaluate_assertion(in_order, observed, {}).ok);
  auto reversed = assertion("dns_queries: [{name: example.test, transport: tcp}, {name: example.test, transport: udp}]",
                            fakes);
  EXPECT_FALSE(evaluate_assertion(reversed, observed, {}).ok);
}

// --- Whole runs: python3 as the client, the fakes as its servers ---

scenario::Scenario loaded(const std::string& yaml) {
  auto result = load(kHeader + yaml);
  EXPECT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  return result.ok() ? result.scenarios.at(0) : scenario::Scenario{};
}

TEST(ClientRun, ARealClientRunIsJudgedAndItsPasswordNeverReported) {
  const scenario::Scenario scenario = loaded(R"(fakes: {smtp: {}}
client:
  command: python3 {tmp}/send.py
  files:
    send.py: |
      import smtplib, ssl
      context = ssl.create_default_context(cafile="{ca_file}")
      with smtplib.SMTP("{host}", {submission_port}, timeout=10) as client:
          client.starttls(context=context)
          client.login("{user}", "{password}")
          client.sendmail("{address}", ["bob@example.test"], b"Subject: t\r\n\r\nbody\r\n")
      print("sent with {password}")
expect:
  - exit: 0
  - not_sent_before_tls: ["^AUTH"]
  - envelope: {mail_from: alice@example.test, rcpt_to: [bob@example.test]}
  - store: {user: bob, count: 1}
)");
  const result::ScenarioResult result = run_client_scenario(scenario, {});
  EXPECT_EQ(result.verdict, result::Verdict::passed) << result.reason;
  ASSERT_FALSE(result.steps.empty());
  EXPECT_THAT(result.steps[0].received, HasSubstr("sent with <redacted>"));
  ASSERT_EQ(result.transcripts.size(), 1u);
  for (const auto& step : result.steps) EXPECT_THAT(step.received, ::testing::Not(HasSubstr("alice-pw")));
  for (const auto& event : result.transcripts[0].events) EXPECT_THAT(event.bytes, ::testing::Not(HasSubstr("YWxpY2")));
}

TEST(ClientRun, AFailedAssertionFailsAMustScenarioWithItsReason) {
  const scenario::Scenario scenario = loaded(R"(fakes: {smtp: {}}
client:
  command: python3 -c 'import sys; sys.exit(4)'
expect: [{exit: 0}]
)");
  const result::ScenarioResult result = run_client_scenario(scenario, {});
  EXPECT_EQ(result.verdict, result::Verdict::failed);
  ASSERT_TRUE(result.failed_step);
  EXPECT_EQ(result.failed_step->received, "exit 4");
}

TEST(ClientRun, AMissingProgramSkipsTheScenario) {
  const scenario::Scenario scenario =
      loaded("fakes: {smtp: {}}\nclient: {command: 'conformance-no-such-client {host}'}\nexpect: [{exit: 0}]\n");
  const result::ScenarioResult result = run_client_scenario(scenario, {});
  EXPECT_EQ(result.verdict, result::Verdict::skipped);
  EXPECT_THAT(result.reason, HasSubstr("not installed"));
}

TEST(ClientRun, AKnownDeviationTurnsAFailureIntoAnExpectedOne) {
  const scenario::Scenario scenario = loaded("fakes: {smtp: {}}\nclient: {command: 'false'}\nexpect: [{exit: 0}]\n");
  ClientRunSettings settings;
  settings.deviations.push_back({"client.t", "the client is known to fail here", {}});
  EXPECT_EQ(run_client_scenario(scenario, settings).verdict, result::Verdict::expected_failure);
}

}  // namespace
}  // namespace conformance::engine
