#include "reports/plain_text.hpp"

#include "harness/net/transcript_text.hpp"
#include "reports/text_escape.hpp"

#include <fmt/format.h>

namespace conformance::reports {
namespace {

// A labelled value that may span lines; continuation lines line up under the first.
std::string labelled(std::string_view label, const std::string& value) {
  const std::string text = visible_text(value, /*keep_newlines=*/true);
  std::string out = fmt::format("  {:<9} ", std::string(label) + ":");
  const std::string continuation(out.size(), ' ');
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = text.find('\n', start);
    if (start > 0) out += continuation;
    out += text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    out += '\n';
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string failed_step_text(const result::ScenarioResult& scenario) {
  if (!scenario.failed_step) return {};
  const result::StepRecord& step = *scenario.failed_step;
  std::string out = fmt::format("failing step {} ({}), connection {}\n", step.index + 1,
                                visible_text(step.location, false), visible_text(step.connection, false));
  out += labelled("step", step.summary.empty() ? step.kind : step.summary);
  if (!step.reason.empty()) out += labelled("reason", step.reason);
  if (!step.expected.empty()) out += labelled("expected", step.expected);
  if (!step.received.empty()) out += labelled("received", step.received);
  return out;
}

std::string findings_text(const result::ScenarioResult& scenario) {
  std::string out;
  for (const auto& finding : scenario.findings) {
    out += "finding: ";
    if (!finding.rfc.empty()) out += visible_text(finding.rfc, false) + ": ";
    out += visible_text(finding.message, false);
    if (!finding.connection.empty()) out += " (connection " + visible_text(finding.connection, false) + ")";
    out += '\n';
  }
  return out;
}

std::string transcripts_text(const result::ScenarioResult& scenario) {
  std::string out;
  net::RenderOptions options;
  options.timestamps = true;
  for (const auto& transcript : scenario.transcripts) {
    out += "--- connection " + visible_text(transcript.name, false);
    if (!transcript.endpoint.empty()) out += ": " + visible_text(transcript.endpoint, false);
    if (!transcript.tls_summary.empty()) out += " (" + visible_text(transcript.tls_summary, false) + ")";
    out += " ---\n";
    // A transcript over its cap ends in the recorder's own marker event, so dropped bytes show up here.
    out += net::render_events(transcript.events, options);
  }
  return out;
}

std::string indented(const std::string& text, std::string_view indent) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && c != '\n') out += indent;
    out += c;
    line_start = c == '\n';
  }
  return out;
}

}  // namespace conformance::reports
