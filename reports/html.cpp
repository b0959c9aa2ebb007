#include "reports/html.hpp"

#include "harness/net/transcript_text.hpp"
#include "reports/html_style.hpp"
#include "reports/tally.hpp"
#include "reports/text_escape.hpp"
#include "reports/time_format.hpp"

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

namespace conformance::reports {
namespace {

using result::ScenarioResult;
using result::Verdict;

std::string esc(std::string_view text) { return escape_markup(text, MarkupContext::text); }
std::string attr(std::string_view text) { return escape_markup(text, MarkupContext::attribute); }

std::string verdict_class(Verdict verdict) { return "v-" + std::string(result::to_string(verdict)); }

std::string_view column_of(Verdict verdict) {
  switch (verdict) {
    case Verdict::passed: return "passed";
    case Verdict::failed: return "failed";
    case Verdict::warned: return "warned";
    case Verdict::skipped: return "skipped";
    case Verdict::expected_failure: return "xfail";
    case Verdict::unexpected_pass: return "xpass";
    case Verdict::error: return "error";
  }
  return "?";
}

void write_header(std::ostream& out, const result::RunResult& run) {
  out << "<header>\n<h1>Conformance report</h1>\n<p class=\"run-meta\">";
  out << "<span>Target: <b>" << esc(run.target.empty() ? "(not named)" : run.target) << "</b></span>";
  out << "<span>Started: " << esc(iso8601_utc(run.started_at)) << "</span>";
  out << "<span>Duration: " << esc(human_duration(run.duration)) << "</span>";
  if (!run.shard.empty()) out << "<span>Shard: " << esc(run.shard) << "</span>";
  if (!run.tool_version.empty()) out << "<span>" << esc(run.tool_version) << "</span>";
  out << "</p>\n";
  if (run.insecure) {
    out << "<div class=\"insecure\" role=\"alert\">INSECURE RUN (--insecure): server certificates were NOT verified. "
           "TLS results from this run cannot be trusted.</div>\n";
  }
  VerdictCounts all;
  for (const auto& scenario : run.scenarios) all.add(scenario.verdict);
  out << "<p class=\"totals\">" << all.total() << " scenario" << (all.total() == 1 ? "" : "s") << ": ";
  for (const Verdict verdict : kAllVerdicts) {
    if (all.count(verdict) == 0) continue;
    out << "<span class=\"" << verdict_class(verdict) << "\">" << all.count(verdict) << ' '
        << result::to_string(verdict) << "</span>";
  }
  out << "</p>\n</header>\n";
}

void write_count_cells(std::ostream& out, const VerdictCounts& counts) {
  for (const Verdict verdict : kAllVerdicts) {
    const std::size_t count = counts.count(verdict);
    out << "<td class=\"n" << (count == 0 ? " zero" : "") << "\">" << count << "</td>";
  }
  out << "<td class=\"n\">" << counts.total() << "</td>";
}

void write_count_headers(std::ostream& out) {
  for (const Verdict verdict : kAllVerdicts) out << "<th>" << column_of(verdict) << "</th>";
  out << "<th>total</th>";
}

void write_tallies(std::ostream& out, const result::RunResult& run) {
  out << "<h2>By RFC section</h2>\n<table class=\"tally\">\n<thead><tr><th>RFC</th><th>Section</th>";
  write_count_headers(out);
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : tally_by_rfc(run)) {
    out << "<tr><td>" << esc(row.reference.document) << "</td><td>"
        << (row.reference.section.empty() ? "" : "§" + esc(row.reference.section)) << "</td>";
    write_count_cells(out, row.counts);
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";

  out << "<h2>By protocol</h2>\n<table class=\"tally\">\n<thead><tr><th>Protocol</th>";
  write_count_headers(out);
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : tally_by_protocol(run)) {
    out << "<tr><td>" << esc(row.protocol) << "</td>";
    write_count_cells(out, row.counts);
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

void write_filters(std::ostream& out, const result::RunResult& run) {
  VerdictCounts all;
  for (const auto& scenario : run.scenarios) all.add(scenario.verdict);
  out << "<div class=\"filters\" hidden>Show: ";
  for (const Verdict verdict : kAllVerdicts) {
    if (all.count(verdict) == 0) continue;
    out << "<label><input type=\"checkbox\" value=\"" << result::to_string(verdict) << "\" checked> "
        << result::to_string(verdict) << " (" << all.count(verdict) << ")</label>";
  }
  out << "</div>\n";
}

void write_meta_row(std::ostream& out, std::string_view name, const std::string& value) {
  if (value.empty()) return;
  out << "<dt>" << name << "</dt><dd>" << esc(value) << "</dd>";
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

void write_failed_step(std::ostream& out, const result::StepRecord& step) {
  out << "<h3>Failing step " << step.index + 1 << "</h3>\n<p><code>"
      << esc(step.summary.empty() ? step.kind : step.summary) << "</code> on connection <code>" << esc(step.connection)
      << "</code>";
  if (!step.location.empty()) out << " at <code>" << esc(step.location) << "</code>";
  out << "</p>\n";
  if (!step.reason.empty() && (step.expected.empty() || step.received.empty())) {
    out << "<pre class=\"text\">" << esc(step.reason) << "</pre>\n";
  }
  if (!step.expected.empty() || !step.received.empty()) {
    out << "<div class=\"compare\"><div><h4>Expected</h4><pre>" << esc(step.expected)
        << "</pre></div><div><h4>Received</h4><pre>" << esc(step.received) << "</pre></div></div>\n";
  }
}

void write_steps(std::ostream& out, const std::vector<result::StepRecord>& steps) {
  if (steps.empty()) return;
  out << "<h3>Steps</h3>\n<table class=\"steps\">\n<thead><tr><th>#</th><th>Connection</th><th>Step</th>"
         "<th>Location</th><th>Result</th><th>Time</th></tr></thead>\n<tbody>\n";
  for (const auto& step : steps) {
    out << "<tr" << (step.ok ? "" : " class=\"bad\"") << "><td>" << step.index + 1 << "</td><td>"
        << esc(step.connection) << "</td><td><code>" << esc(step.summary.empty() ? step.kind : step.summary)
        << "</code></td><td>" << esc(step.location) << "</td><td>" << (step.ok ? "ok" : "failed: " + esc(step.reason))
        << "</td><td>" << esc(human_duration(step.duration)) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

std::string_view line_class(std::string_view prefix) {
  if (prefix == "C: ") return "client";
  if (prefix == "S: ") return "server";
  if (prefix == "T: ") return "tls";
  if (prefix == "X: ") return "closed";
  return "note";
}

// One row per text line, the way the plain-text rendering splits and escapes
// events; the prefix becomes the gutter and selects the colour.
void write_transcript(std::ostream& out, const result::ConnectionTranscript& transcript) {
  out << "<div class=\"transcript\"><h4>Connection <b>" << esc(transcript.name) << "</b>";
  if (!transcript.endpoint.empty()) out << " — " << esc(transcript.endpoint);
  if (!transcript.tls_summary.empty()) out << " — " << esc(transcript.tls_summary);
  out << "</h4>\n<div class=\"lines\">\n";
  for (const auto& event : transcript.events) {
    const std::string rendered = net::render_events({event});
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(event.elapsed).count();
    bool first_line = true;
    for (std::size_t start = 0; start < rendered.size();) {
      const std::size_t end = rendered.find('\n', start);
      const std::string_view line = std::string_view(rendered).substr(start, end - start);
      start = end == std::string::npos ? rendered.size() : end + 1;
      const std::string_view prefix = line.substr(0, 3);
      const std::string_view gutter = prefix == "#  " ? "#" : prefix.substr(0, 2);
      out << "<div class=\"line " << line_class(prefix) << (event.redacted ? " redacted" : "")
          << "\"><span class=\"ts\">" << (first_line ? fmt::format("{}.{:03}", ms / 1000, ms % 1000) : "")
          << "</span><span class=\"gutter\">" << esc(gutter) << "</span><span class=\"text\">"
          << esc(line.substr(prefix.size())) << "</span></div>\n";
      first_line = false;
    }
  }
  out << "</div></div>\n";
}

void write_scenario(std::ostream& out, const ScenarioResult& scenario) {
  const bool open = scenario.verdict == Verdict::failed || scenario.verdict == Verdict::error;
  out << "<details class=\"scenario " << verdict_class(scenario.verdict) << "\" data-verdict=\""
      << result::to_string(scenario.verdict) << "\" id=\"" << attr("scenario-" + scenario.id) << "\""
      << (open ? " open" : "") << ">\n";
  out << "<summary><span class=\"badge\">" << result::to_string(scenario.verdict) << "</span><code>" << esc(scenario.id)
      << "</code> " << esc(scenario.title) << " <span class=\"duration\">" << esc(human_duration(scenario.duration))
      << "</span></summary>\n<div class=\"body\">\n";
  if (!scenario.reason.empty()) out << "<p class=\"reason\">" << esc(scenario.reason) << "</p>\n";
  if (!scenario.deviation_reason.empty()) {
    out << "<p>Known deviation (target file): " << esc(scenario.deviation_reason) << "</p>\n";
  }
  out << "<dl class=\"meta\">";
  write_meta_row(out, "Protocol", scenario.protocol);
  write_meta_row(out, "RFC", joined(scenario.rfc));
  write_meta_row(out, "Level", scenario.level);
  write_meta_row(out, "Tags", joined(scenario.tags));
  write_meta_row(out, "File", scenario.file);
  write_meta_row(out, "User", scenario.user);
  out << "</dl>\n";
  if (scenario.failed_step) write_failed_step(out, *scenario.failed_step);
  if (!scenario.findings.empty()) {
    out << "<h3>Findings</h3>\n<ul>\n";
    for (const auto& finding : scenario.findings) {
      out << "<li>" << (finding.rfc.empty() ? "" : "<b>" + esc(finding.rfc) + "</b>: ") << esc(finding.message);
      if (!finding.connection.empty()) out << " (connection " << esc(finding.connection) << ")";
      out << "</li>\n";
    }
    out << "</ul>\n";
  }
  write_steps(out, scenario.steps);
  if (!scenario.transcripts.empty()) {
    out << "<h3>Transcript</h3>\n";
    for (const auto& transcript : scenario.transcripts) write_transcript(out, transcript);
  }
  out << "</div>\n</details>\n";
}

}  // namespace

void write_html(const result::RunResult& run, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>Conformance report" << (run.target.empty() ? "" : " — " + esc(run.target)) << "</title>\n"
      << "<style>" << kHtmlStyle << "</style>\n</head>\n<body>\n";
  write_header(out, run);
  write_tallies(out, run);
  out << "<h2>Scenarios</h2>\n";
  if (run.scenarios.empty()) out << "<p>No scenarios ran.</p>\n";
  write_filters(out, run);
  for (const auto& scenario : run.scenarios) write_scenario(out, scenario);
  out << "<script>" << kHtmlScript << "</script>\n</body>\n</html>\n";
}

}  // namespace conformance::reports
