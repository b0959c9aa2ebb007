#include "reports/json.hpp"

#include "harness/net/transcript_text.hpp"
#include "reports/tally.hpp"
#include "reports/text_escape.hpp"
#include "reports/time_format.hpp"

namespace conformance::reports {
namespace {

using nlohmann::json;

// Every string goes through valid_utf8: the JSON writer refuses invalid UTF-8,
// and what the server sent may be anything.
json text(std::string_view value) { return valid_utf8(value); }

json texts(const std::vector<std::string>& values) {
  json out = json::array();
  for (const auto& value : values) out.push_back(text(value));
  return out;
}

long long milliseconds(std::chrono::milliseconds duration) { return duration.count(); }

json counts_json(const VerdictCounts& counts) {
  json out = json::object();
  out["total"] = counts.total();
  for (const auto verdict : kAllVerdicts) out[std::string(result::to_string(verdict))] = counts.count(verdict);
  return out;
}

json step_json(const result::StepRecord& step) {
  return {
      {"index", step.index},
      {"kind", text(step.kind)},
      {"connection", text(step.connection)},
      {"location", text(step.location)},
      {"summary", text(step.summary)},
      {"ok", step.ok},
      {"reason", text(step.reason)},
      {"expected", text(step.expected)},
      {"received", text(step.received)},
      {"duration_ms", milliseconds(step.duration)},
  };
}

json event_json(const net::TranscriptEvent& event) {
  return {
      {"elapsed_ms", std::chrono::duration_cast<std::chrono::milliseconds>(event.elapsed).count()},
      {"direction", std::string(net::to_string(event.direction))},
      {"text", net::escape_bytes(event.bytes)},
      {"redacted", event.redacted},
      {"truncated_bytes", event.truncated_bytes},
      {"truncation_marker", event.truncation_marker},
  };
}

json transcript_json(const result::ConnectionTranscript& transcript) {
  json events = json::array();
  for (const auto& event : transcript.events) events.push_back(event_json(event));
  return {
      {"name", text(transcript.name)},       {"endpoint", text(transcript.endpoint)},
      {"tls", text(transcript.tls_summary)}, {"dropped_bytes", transcript.dropped_bytes},
      {"events", std::move(events)},
  };
}

json scenario_json(const result::ScenarioResult& scenario) {
  json steps = json::array();
  for (const auto& step : scenario.steps) steps.push_back(step_json(step));
  json findings = json::array();
  for (const auto& finding : scenario.findings) {
    findings.push_back(
        {{"rfc", text(finding.rfc)}, {"message", text(finding.message)}, {"connection", text(finding.connection)}});
  }
  json transcripts = json::array();
  for (const auto& transcript : scenario.transcripts) transcripts.push_back(transcript_json(transcript));
  return {
      {"id", text(scenario.id)},
      {"title", text(scenario.title)},
      {"protocol", text(scenario.protocol)},
      {"rfc", texts(scenario.rfc)},
      {"level", text(scenario.level)},
      {"tags", texts(scenario.tags)},
      {"file", text(scenario.file)},
      {"verdict", std::string(result::to_string(scenario.verdict))},
      {"reason", text(scenario.reason)},
      {"deviation_reason", text(scenario.deviation_reason)},
      {"duration_ms", milliseconds(scenario.duration)},
      {"user", text(scenario.user)},
      {"failed_step", scenario.failed_step ? step_json(*scenario.failed_step) : json(nullptr)},
      {"steps", std::move(steps)},
      {"findings", std::move(findings)},
      {"transcripts", std::move(transcripts)},
  };
}

json summary_json(const result::RunResult& run) {
  VerdictCounts all;
  for (const auto& scenario : run.scenarios) all.add(scenario.verdict);
  json summary = counts_json(all);
  json by_protocol = json::object();
  for (const auto& row : tally_by_protocol(run)) by_protocol[valid_utf8(row.protocol)] = counts_json(row.counts);
  json by_rfc = json::array();
  for (const auto& row : tally_by_rfc(run)) {
    json entry = counts_json(row.counts);
    entry["document"] = text(row.reference.document);
    entry["section"] = text(row.reference.section);
    by_rfc.push_back(std::move(entry));
  }
  summary["by_protocol"] = std::move(by_protocol);
  summary["by_rfc"] = std::move(by_rfc);
  return summary;
}

}  // namespace

nlohmann::json to_json(const result::RunResult& run) {
  json scenarios = json::array();
  for (const auto& scenario : run.scenarios) scenarios.push_back(scenario_json(scenario));
  return {
      {"format", "conformance-report"},
      {"version", kJsonReportVersion},
      {"tool", text(run.tool_version)},
      {"target", text(run.target)},
      {"insecure", run.insecure},
      {"shard", text(run.shard)},
      {"started_at", iso8601_utc(run.started_at)},
      {"duration_ms", milliseconds(run.duration)},
      {"summary", summary_json(run)},
      {"scenarios", std::move(scenarios)},
  };
}

void write_json(const result::RunResult& run, std::ostream& out) { out << to_json(run).dump(2) << '\n'; }

}  // namespace conformance::reports
