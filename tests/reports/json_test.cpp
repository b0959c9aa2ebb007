// The JSON report, parsed back.
#include "reports/json.hpp"

#include "sample_run.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace conformance::reports {
namespace {

using nlohmann::json;

json round_trip(const result::RunResult& run) {
  std::ostringstream out;
  write_json(run, out);
  return json::parse(out.str());
}

const json& scenario_named(const json& report, const std::string& id) {
  for (const auto& scenario : report.at("scenarios")) {
    if (scenario.at("id") == id) return scenario;
  }
  throw std::out_of_range("no scenario " + id);
}

TEST(JsonReport, NamesItsFormatAndVersion) {
  const json report = round_trip(testing::sample_run());
  EXPECT_EQ(report.at("format"), "conformance-report");
  EXPECT_EQ(report.at("version"), 1);
}

TEST(JsonReport, CarriesTheRunMetadata) {
  auto run = testing::sample_run();
  run.insecure = true;
  run.shard = "2/4";
  const json report = round_trip(run);
  EXPECT_EQ(report.at("tool"), "conformance 0.1.0");
  EXPECT_EQ(report.at("target"), "test-target");
  EXPECT_EQ(report.at("insecure"), true);
  EXPECT_EQ(report.at("shard"), "2/4");
  EXPECT_EQ(report.at("started_at"), "2024-05-01T12:00:00.000Z");
  EXPECT_EQ(report.at("duration_ms"), 1234);
}

TEST(JsonReport, SummaryCountsEveryVerdict) {
  const json summary = round_trip(testing::sample_run()).at("summary");
  EXPECT_EQ(summary.at("total"), 7);
  for (const char* verdict :
       {"passed", "failed", "warned", "skipped", "expected-failure", "unexpected-pass", "error"}) {
    EXPECT_EQ(summary.at(verdict), 1) << verdict;
  }
}

TEST(JsonReport, SummaryGroupsByProtocolAndRfcSection) {
  const json summary = round_trip(testing::sample_run()).at("summary");
  EXPECT_EQ(summary.at("by_protocol").at("pop3").at("expected-failure"), 1);
  EXPECT_EQ(summary.at("by_protocol").at("pop3").at("total"), 2);
  const json& first = summary.at("by_rfc").at(0);
  EXPECT_EQ(first.at("document"), "RFC 1939");
  EXPECT_EQ(first.at("section"), "7");
  EXPECT_EQ(first.at("total"), 2);
}

TEST(JsonReport, CarriesEveryScenarioField) {
  const json scenario = scenario_named(round_trip(testing::sample_run()), "pop3.uidl.unique");
  EXPECT_EQ(scenario.at("title"), "UIDL values are unique");
  EXPECT_EQ(scenario.at("protocol"), "pop3");
  EXPECT_EQ(scenario.at("rfc"), json::array({"RFC 1939 §7"}));
  EXPECT_EQ(scenario.at("level"), "MUST");
  EXPECT_EQ(scenario.at("tags"), json::array({"core"}));
  EXPECT_EQ(scenario.at("file"), "scenarios/pop3/pop3.uidl.unique.yaml");
  EXPECT_EQ(scenario.at("verdict"), "expected-failure");
  EXPECT_EQ(scenario.at("reason"), "duplicate unique-id");
  EXPECT_EQ(scenario.at("deviation_reason"), "server reuses ids after expunge (ticket 12)");
  EXPECT_EQ(scenario.at("duration_ms"), 42);
  EXPECT_EQ(scenario.at("user"), "user1");
  EXPECT_TRUE(scenario.at("failed_step").is_null());
}

TEST(JsonReport, CarriesStepsAndTheFailedStep) {
  const json scenario = scenario_named(round_trip(testing::sample_run()), "imap.greeting.hostile");
  ASSERT_EQ(scenario.at("steps").size(), 2u);
  const json& failed = scenario.at("failed_step");
  EXPECT_EQ(failed, scenario.at("steps").at(1));
  EXPECT_EQ(failed.at("index"), 1);
  EXPECT_EQ(failed.at("kind"), "expect");
  EXPECT_EQ(failed.at("connection"), "main");
  EXPECT_EQ(failed.at("location"), "scenarios/x.yaml:11:5");
  EXPECT_EQ(failed.at("summary"), "expect: greeting");
  EXPECT_EQ(failed.at("ok"), false);
  EXPECT_EQ(failed.at("reason"), "greeting does not match");
  EXPECT_EQ(failed.at("expected"), "text ~ /^\\* OK \\[CAPABILITY/");
  EXPECT_EQ(failed.at("duration_ms"), 3);
}

TEST(JsonReport, CarriesFindings) {
  const json scenario = scenario_named(round_trip(testing::sample_run()), "imap.greeting.hostile");
  EXPECT_EQ(scenario.at("findings"),
            json::parse(R"([{"rfc": "RFC 9051 §2.2.1", "message": "bare LF in a reply line", "connection": "main"}])"));
}

TEST(JsonReport, CarriesTranscriptEventsWithElapsedDirectionAndEscapedText) {
  const json scenario = scenario_named(round_trip(testing::sample_run()), "imap.select.read-write");
  const json& transcript = scenario.at("transcripts").at(0);
  EXPECT_EQ(transcript.at("name"), "main");
  EXPECT_EQ(transcript.at("endpoint"), "imaps://127.0.0.1:10993");
  EXPECT_EQ(transcript.at("tls"), "TLSv1.3 TLS_AES_256_GCM_SHA384, subject CN=mail.test, verified");
  EXPECT_EQ(transcript.at("dropped_bytes"), 0);
  const json& select = transcript.at("events").at(5);
  EXPECT_EQ(select.at("elapsed_ms"), 10);
  EXPECT_EQ(select.at("direction"), "client_to_server");
  EXPECT_EQ(select.at("text"), "a2 SELECT INBOX\\r\\n");
  EXPECT_EQ(select.at("redacted"), false);
  EXPECT_EQ(transcript.at("events").at(1).at("direction"), "tls_event");
}

TEST(JsonReport, RedactedEventStaysRedacted) {
  const json scenario = scenario_named(round_trip(testing::sample_run()), "imap.select.read-write");
  const json& login = scenario.at("transcripts").at(0).at("events").at(3);
  EXPECT_EQ(login.at("text"), "a1 LOGIN user1 <redacted>\\r\\n");
  EXPECT_EQ(login.at("redacted"), true);
}

TEST(JsonReport, EscapesControlBytesAndInvalidUtf8InTranscripts) {
  const json scenario = scenario_named(round_trip(testing::sample_run()), "imap.greeting.hostile");
  EXPECT_EQ(scenario.at("transcripts").at(0).at("events").at(1).at("text"),
            "* OK <script>alert(1)</script> ]]> a&b \\x01\\x1B[2J\\xFF caf\\xC3\\xA9\\r\\n");
}

TEST(JsonReport, ShowsInvalidUtf8InOtherFieldsAsHex) {
  const json scenario = scenario_named(round_trip(testing::sample_run()), "imap.greeting.hostile");
  EXPECT_EQ(scenario.at("failed_step").at("received"),
            "* OK <script>alert(1)</script> ]]> a&b \x01\x1b[2J\\xFF caf\xc3\xa9");
}

TEST(JsonReport, EmptyRunHasNoScenariosAndZeroCounts) {
  const json report = round_trip(testing::run_of({}));
  EXPECT_EQ(report.at("scenarios"), json::array());
  EXPECT_EQ(report.at("summary").at("total"), 0);
  EXPECT_EQ(report.at("summary").at("failed"), 0);
  EXPECT_EQ(report.at("summary").at("by_rfc"), json::array());
}

}  // namespace
}  // namespace conformance::reports
