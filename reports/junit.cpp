#include "reports/junit.hpp"

#include "reports/plain_text.hpp"
#include "reports/text_escape.hpp"
#include "reports/time_format.hpp"

#include <fmt/format.h>

#include <map>
#include <string>
#include <vector>

namespace conformance::reports {
namespace {

using result::ScenarioResult;
using result::Verdict;

std::string attr(std::string_view text) { return escape_markup(text, MarkupContext::attribute); }
std::string body(std::string_view text) { return escape_markup(text, MarkupContext::text); }

struct SuiteCounts {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  std::chrono::milliseconds time{0};

  void add(const ScenarioResult& scenario) {
    ++tests;
    if (scenario.verdict == Verdict::failed) ++failures;
    if (scenario.verdict == Verdict::error) ++errors;
    if (scenario.verdict == Verdict::skipped || scenario.verdict == Verdict::expected_failure) ++skipped;
    time += scenario.duration;
  }
  std::string attributes() const {
    return fmt::format(R"(tests="{}" failures="{}" errors="{}" skipped="{}" time="{}")", tests, failures, errors,
                       skipped, seconds_text(time));
  }
};

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

void write_property(std::ostream& out, std::string_view indent, std::string_view name, std::string_view value) {
  out << indent << "<property name=\"" << attr(name) << "\" value=\"" << attr(value) << "\"/>\n";
}

// Everything a reader needs to see why a scenario did not pass, for a failure
// or error body (GitLab shows only that body for a failed test).
std::string failure_body(const ScenarioResult& scenario) {
  std::string text = scenario.reason.empty() ? std::string() : visible_text(scenario.reason, true) + "\n";
  for (const std::string& part : {failed_step_text(scenario), findings_text(scenario), transcripts_text(scenario)}) {
    if (part.empty()) continue;
    if (!text.empty()) text += '\n';
    text += part;
  }
  return text;
}

// What goes to <system-out>: notes for verdicts JUnit has no element for, and
// the transcripts unless the failure or error body already carries them.
std::string system_out(const ScenarioResult& scenario) {
  std::string text;
  auto note = [&text](const std::string& line) { text += line + "\n"; };
  switch (scenario.verdict) {
    case Verdict::warned:
      note("WARNING: this " + scenario.level + " scenario failed; a " + scenario.level +
           " requirement does not fail the run: " + visible_text(scenario.reason, true));
      break;
    case Verdict::unexpected_pass:
      note("UNEXPECTED PASS: listed as a known deviation (" + visible_text(scenario.deviation_reason, true) +
           ") but passed; remove it from the target file's deviations. " + visible_text(scenario.reason, true));
      break;
    case Verdict::expected_failure:
      note("EXPECTED FAILURE (known deviation: " + visible_text(scenario.deviation_reason, true) +
           "): " + visible_text(scenario.reason, true));
      break;
    default: break;
  }
  const bool in_body = scenario.verdict == Verdict::failed || scenario.verdict == Verdict::error;
  std::vector<std::string> parts;
  if (!in_body && scenario.verdict != Verdict::passed) parts.push_back(failed_step_text(scenario));
  if (!in_body) parts.push_back(findings_text(scenario));
  if (!in_body) parts.push_back(transcripts_text(scenario));
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!text.empty()) text += '\n';
    text += part;
  }
  return text;
}

void write_testcase(std::ostream& out, const ScenarioResult& scenario) {
  const std::string classname = scenario.protocol + (scenario.rfc.empty() ? "" : "." + scenario.rfc.front());
  const std::string name = scenario.id + (scenario.title.empty() ? "" : ": " + scenario.title);
  out << "    <testcase classname=\"" << attr(classname) << "\" name=\"" << attr(name) << "\" time=\""
      << seconds_text(scenario.duration) << "\"";
  if (!scenario.file.empty()) out << " file=\"" << attr(scenario.file) << "\"";
  out << ">\n";

  out << "      <properties>\n";
  for (const auto& rfc : scenario.rfc) write_property(out, "        ", "rfc", rfc);
  if (!scenario.level.empty()) write_property(out, "        ", "level", scenario.level);
  if (!scenario.tags.empty()) write_property(out, "        ", "tags", join(scenario.tags, ","));
  write_property(out, "        ", "verdict", result::to_string(scenario.verdict));
  if (!scenario.user.empty()) write_property(out, "        ", "user", scenario.user);
  out << "      </properties>\n";

  switch (scenario.verdict) {
    case Verdict::failed:
      out << "      <failure message=\"" << attr(scenario.reason) << "\" type=\""
          << attr((scenario.level.empty() ? std::string("MUST") : scenario.level) + " violation") << "\">"
          << body(failure_body(scenario)) << "</failure>\n";
      break;
    case Verdict::error:
      out << "      <error message=\"" << attr(scenario.reason) << "\" type=\"error\">" << body(failure_body(scenario))
          << "</error>\n";
      break;
    case Verdict::skipped: out << "      <skipped message=\"" << attr(scenario.reason) << "\"/>\n"; break;
    case Verdict::expected_failure: {
      const std::string& why = scenario.deviation_reason.empty() ? scenario.reason : scenario.deviation_reason;
      out << "      <skipped message=\"" << attr("expected failure: " + why) << "\"/>\n";
      break;
    }
    case Verdict::passed:
    case Verdict::warned:
    case Verdict::unexpected_pass: break;
  }
  const std::string output = system_out(scenario);
  if (!output.empty()) out << "      <system-out>" << body(output) << "</system-out>\n";
  out << "    </testcase>\n";
}

}  // namespace

void write_junit(const result::RunResult& run, std::ostream& out) {
  // Suites in order of first appearance, cases in load order.
  std::vector<std::string> protocols;
  std::map<std::string, std::vector<const ScenarioResult*>> by_protocol;
  SuiteCounts all;
  for (const auto& scenario : run.scenarios) {
    auto& cases = by_protocol[scenario.protocol];
    if (cases.empty()) protocols.push_back(scenario.protocol);
    cases.push_back(&scenario);
    all.add(scenario);
  }
  const std::string timestamp = junit_timestamp(run.started_at);

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  // The root's time is the run's wall-clock time; a suite's is the sum of its cases (they run in parallel).
  all.time = run.duration;
  out << "<testsuites name=\"conformance\" " << all.attributes() << " timestamp=\"" << timestamp << "\">\n";
  for (std::size_t index = 0; index < protocols.size(); ++index) {
    const std::string& protocol = protocols[index];
    SuiteCounts counts;
    for (const ScenarioResult* scenario : by_protocol[protocol]) counts.add(*scenario);
    out << "  <testsuite name=\"" << attr(protocol) << "\" id=\"" << index << "\" " << counts.attributes()
        << " timestamp=\"" << timestamp << "\">\n";
    out << "    <properties>\n";
    write_property(out, "      ", "tool", run.tool_version);
    write_property(out, "      ", "target", run.target);
    write_property(out, "      ", "insecure", run.insecure ? "true" : "false");
    if (!run.shard.empty()) write_property(out, "      ", "shard", run.shard);
    out << "    </properties>\n";
    for (const ScenarioResult* scenario : by_protocol[protocol]) write_testcase(out, *scenario);
    if (run.insecure) {
      out << "    <system-err>INSECURE RUN (--insecure): server certificates were NOT verified; TLS results from "
             "this run cannot be trusted.</system-err>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace conformance::reports
