#include "sample_run.hpp"

#include <chrono>

namespace conformance::reports::testing {
namespace {

using namespace std::chrono_literals;
using net::Direction;
using result::Verdict;

net::TranscriptEvent event(std::chrono::milliseconds elapsed, Direction direction, std::string_view bytes,
                           bool redacted = false) {
  net::TranscriptEvent out;
  out.elapsed = elapsed;
  out.direction = direction;
  out.bytes = std::string(bytes);
  out.redacted = redacted;
  return out;
}

result::ScenarioResult base(std::string id, std::string title, std::string protocol, std::vector<std::string> rfc,
                            Verdict verdict) {
  result::ScenarioResult scenario;
  scenario.protocol = protocol;
  scenario.file = "scenarios/" + protocol + "/" + id + ".yaml";
  scenario.id = std::move(id);
  scenario.title = std::move(title);
  scenario.rfc = std::move(rfc);
  scenario.level = "MUST";
  scenario.tags = {"core"};
  scenario.verdict = verdict;
  scenario.duration = 42ms;
  scenario.user = "user1";
  return scenario;
}

result::StepRecord step(std::size_t index, std::string kind, std::string summary, bool ok = true) {
  result::StepRecord record;
  record.index = index;
  record.kind = std::move(kind);
  record.connection = "main";
  record.location = "scenarios/x.yaml:" + std::to_string(10 + index) + ":5";
  record.summary = std::move(summary);
  record.ok = ok;
  record.duration = 3ms;
  return record;
}

}  // namespace

result::ScenarioResult passed_scenario() {
  auto scenario = base("imap.select.read-write", "SELECT opens the mailbox read-write", "imap", {"RFC 9051 §6.3.2"},
                       Verdict::passed);
  scenario.tags = {"core", "select"};
  scenario.steps = {step(0, "connect", "connect: implicit TLS"), step(1, "login", "login: LOGIN"),
                    step(2, "send", "send: a2 SELECT INBOX"), step(3, "expect", "expect: a2 OK [READ-WRITE]")};
  result::ConnectionTranscript transcript;
  transcript.name = "main";
  transcript.endpoint = "imaps://127.0.0.1:10993";
  transcript.tls_summary = "TLSv1.3 TLS_AES_256_GCM_SHA384, subject CN=mail.test, verified";
  transcript.events = {
      event(0ms, Direction::note, "connected to 127.0.0.1:10993"),
      event(5ms, Direction::tls_event, "handshake ok: TLSv1.3"),
      event(6ms, Direction::server_to_client, "* OK [CAPABILITY IMAP4rev1] ready\r\n"),
      event(7ms, Direction::client_to_server, kRedactedLogin, true),
      event(9ms, Direction::server_to_client, "a1 OK logged in\r\n"),
      event(10ms, Direction::client_to_server, "a2 SELECT INBOX\r\n"),
      event(12ms, Direction::server_to_client, "* 0 EXISTS\r\na2 OK [READ-WRITE] done\r\n"),
      event(13ms, Direction::closed, "closed by client"),
  };
  scenario.transcripts = {transcript};
  return scenario;
}

result::ScenarioResult failed_scenario() {
  auto scenario = base("imap.greeting.hostile", "Greeting with <b>markup</b> & \"quotes\" 'too'", "imap",
                       {"RFC 9051 §7.1", "RFC 3501 §7.1"}, Verdict::failed);
  auto failing = step(1, "expect", "expect: greeting", false);
  failing.reason = "greeting does not match";
  failing.expected = "text ~ /^\\* OK \\[CAPABILITY/";
  failing.received = std::string(kHostileReply.substr(0, kHostileReply.size() - 2));
  scenario.steps = {step(0, "connect", "connect: plain"), failing};
  scenario.failed_step = failing;
  scenario.reason = "step 2 (expect): greeting does not match <script>";
  scenario.findings = {result::Finding{"RFC 9051 §2.2.1", "bare LF in a reply line", "main"}};
  result::ConnectionTranscript transcript;
  transcript.name = "main";
  transcript.endpoint = "imap://127.0.0.1:10143";
  transcript.events = {
      event(0ms, Direction::note, "connected to 127.0.0.1:10143"),
      event(4ms, Direction::server_to_client, kHostileReply),
      event(5ms, Direction::closed, "closed by client"),
  };
  scenario.transcripts = {transcript};
  return scenario;
}

result::ScenarioResult warned_scenario() {
  auto scenario = base("smtp.ehlo.pipelining", "EHLO advertises PIPELINING", "smtp", {"RFC 2920 §3"}, Verdict::warned);
  scenario.level = "SHOULD";
  auto failing = step(1, "expect", "expect: 250 with PIPELINING", false);
  failing.reason = "keyword PIPELINING missing";
  failing.expected = "keyword PIPELINING";
  failing.received = "250-mail.test\n250 SIZE 10240000";
  scenario.steps = {step(0, "send", "send: EHLO client.test"), failing};
  scenario.failed_step = failing;
  scenario.reason = "keyword PIPELINING missing";
  return scenario;
}

result::ScenarioResult skipped_scenario() {
  auto scenario = base("smtp.starttls.offered", "STARTTLS is offered", "smtp", {"RFC 3207 §4"}, Verdict::skipped);
  scenario.reason = "capability STARTTLS not advertised";
  scenario.duration = 0ms;
  return scenario;
}

result::ScenarioResult expected_failure_scenario() {
  auto scenario =
      base("pop3.uidl.unique", "UIDL values are unique", "pop3", {"RFC 1939 §7"}, Verdict::expected_failure);
  scenario.reason = "duplicate unique-id";
  scenario.deviation_reason = "server reuses ids after expunge (ticket 12)";
  return scenario;
}

result::ScenarioResult unexpected_pass_scenario() {
  auto scenario =
      base("pop3.top.lines", "TOP returns the requested lines", "pop3", {"RFC 1939 §7"}, Verdict::unexpected_pass);
  scenario.reason = "listed as a known deviation (target.yaml:12:3) but passed";
  scenario.deviation_reason = "TOP was broken in 2.3";
  return scenario;
}

result::ScenarioResult error_scenario() {
  auto scenario = base("imap.append.flags", "APPEND keeps flags", "imap", {"RFC 9051 §6.3.12"}, Verdict::error);
  scenario.reason = "fixture could not be set up: CREATE failed";
  return scenario;
}

result::RunResult run_of(std::vector<result::ScenarioResult> scenarios) {
  result::RunResult run;
  run.tool_version = "conformance 0.1.0";
  run.target = "test-target";
  run.started_at = std::chrono::system_clock::time_point(std::chrono::seconds(1714564800));
  run.duration = 1234ms;
  run.scenarios = std::move(scenarios);
  return run;
}

result::RunResult sample_run() {
  return run_of({passed_scenario(), failed_scenario(), warned_scenario(), skipped_scenario(),
                 expected_failure_scenario(), unexpected_pass_scenario(), error_scenario()});
}

}  // namespace conformance::reports::testing
