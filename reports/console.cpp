#include "reports/console.hpp"

#include "reports/plain_text.hpp"
#include "reports/tally.hpp"
#include "reports/text_escape.hpp"
#include "reports/time_format.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace conformance::reports {
namespace {

using result::Verdict;

constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kBlue = "\x1b[34m";
constexpr std::string_view kMagenta = "\x1b[35m";
constexpr std::string_view kBoldRed = "\x1b[1;31m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kClearToEnd = "\x1b[K";

// Five wide so ids line up.
std::string_view label_of(Verdict verdict) {
  switch (verdict) {
    case Verdict::passed: return "PASS ";
    case Verdict::failed: return "FAIL ";
    case Verdict::warned: return "WARN ";
    case Verdict::skipped: return "SKIP ";
    case Verdict::expected_failure: return "XFAIL";
    case Verdict::unexpected_pass: return "XPASS";
    case Verdict::error: return "ERROR";
  }
  return "?????";
}

std::string_view colour_of(Verdict verdict) {
  switch (verdict) {
    case Verdict::passed: return kGreen;
    case Verdict::failed: return kBoldRed;
    case Verdict::warned: return kYellow;
    case Verdict::skipped: return kBlue;
    case Verdict::expected_failure: return kMagenta;
    case Verdict::unexpected_pass: return kYellow;
    case Verdict::error: return kRed;
  }
  return kReset;
}

// Column headers of the summary tables, in kAllVerdicts order.
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

// Columns on screen, as fmt counts them when padding: one per code point ("§" is two bytes).
std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

ConsoleReporter::ConsoleReporter(std::ostream& out, ConsoleOptions options) : out_(out), options_(options) {}

std::string ConsoleReporter::paint(std::string_view text, std::string_view ansi) const {
  if (!options_.color) return std::string(text);
  return fmt::format("{}{}{}", ansi, text, kReset);
}

void ConsoleReporter::on_start(std::size_t total) {
  total_ = total;
  out_ << fmt::format("Running {} scenario{}\n", total, total == 1 ? "" : "s");
  draw_progress();
}

void ConsoleReporter::on_result(const result::ScenarioResult& scenario) {
  ++finished_;
  if (scenario.verdict != Verdict::passed) ++not_passed_;
  if (result::fails_run(scenario.verdict)) ++failing_;
  clear_progress();

  std::string line = fmt::format("{} {} ({})", paint(label_of(scenario.verdict), colour_of(scenario.verdict)),
                                 visible_text(scenario.id, false), human_duration(scenario.duration));
  if (scenario.verdict != Verdict::passed) {
    std::string reason = scenario.reason;
    if (scenario.verdict == Verdict::expected_failure && !scenario.deviation_reason.empty()) {
      reason = scenario.deviation_reason + (reason.empty() ? "" : " — " + reason);
    }
    if (!reason.empty()) line += ": " + visible_text(reason, false);
  }
  out_ << line << '\n';
  if (options_.verbose && scenario.verdict != Verdict::passed && scenario.verdict != Verdict::skipped) {
    write_details(scenario);
  }
  draw_progress();
}

void ConsoleReporter::write_details(const result::ScenarioResult& scenario) {
  const std::string step = failed_step_text(scenario);
  const std::string findings = findings_text(scenario);
  const std::string transcripts = transcripts_text(scenario);
  out_ << indented(step, "    ") << indented(findings, "    ");
  if (!transcripts.empty()) out_ << paint(indented(transcripts, "    "), kDim);
}

void ConsoleReporter::clear_progress() {
  if (!progress_shown_) return;
  out_ << '\r' << kClearToEnd;
  progress_shown_ = false;
}

void ConsoleReporter::draw_progress() {
  if (!options_.is_terminal || finished_ >= total_) {
    out_.flush();
    return;
  }
  std::string progress = fmt::format("[{}/{}] running", finished_, total_);
  if (not_passed_ > 0) progress += fmt::format(", {} not passed", not_passed_);
  if (failing_ > 0) progress += ", " + paint(fmt::format("{} failing", failing_), kRed);
  out_ << '\r' << progress << kClearToEnd;
  out_.flush();
  progress_shown_ = true;
}

void ConsoleReporter::on_finish(const result::RunResult& run) {
  clear_progress();
  const auto by_protocol = tally_by_protocol(run);
  const auto by_rfc = tally_by_rfc(run);

  // One table per grouping: the name column as wide as its longest entry.
  auto write_table = [this](std::string_view heading, const std::vector<std::pair<std::string, VerdictCounts>>& rows) {
    if (rows.empty()) return;
    std::size_t width = heading.size();
    for (const auto& row : rows) width = std::max(width, display_width(row.first));
    std::string header = fmt::format("{:<{}}", heading, width);
    for (const Verdict verdict : kAllVerdicts) header += fmt::format(" {:>7}", column_of(verdict));
    out_ << '\n' << paint(header, kBold) << '\n';
    for (const auto& [name, counts] : rows) {
      std::string line = fmt::format("{:<{}}", name, width);
      for (const Verdict verdict : kAllVerdicts) {
        const std::size_t count = counts.count(verdict);
        const std::string cell = fmt::format(" {:>7}", count == 0 ? std::string("-") : std::to_string(count));
        line += count == 0 ? cell : paint(cell, colour_of(verdict));
      }
      out_ << line << '\n';
    }
  };
  std::vector<std::pair<std::string, VerdictCounts>> protocol_rows;
  for (const auto& row : by_protocol) protocol_rows.emplace_back(visible_text(row.protocol, false), row.counts);
  write_table("protocol", protocol_rows);
  std::vector<std::pair<std::string, VerdictCounts>> rfc_rows;
  for (const auto& row : by_rfc) {
    std::string name = row.reference.document;
    if (!row.reference.section.empty()) name += " §" + row.reference.section;
    rfc_rows.emplace_back(visible_text(name, false), row.counts);
  }
  write_table("RFC section", rfc_rows);

  const result::RunSummary summary = run.summary();
  std::string totals = fmt::format("{} scenario{}: ", summary.total, summary.total == 1 ? "" : "s");
  const std::pair<std::size_t, Verdict> parts[] = {
      {summary.passed, Verdict::passed},
      {summary.failed, Verdict::failed},
      {summary.warned, Verdict::warned},
      {summary.skipped, Verdict::skipped},
      {summary.expected_failures, Verdict::expected_failure},
      {summary.unexpected_passes, Verdict::unexpected_pass},
      {summary.errors, Verdict::error},
  };
  bool first = true;
  for (const auto& [count, verdict] : parts) {
    if (count == 0) continue;
    totals += (first ? "" : ", ") + paint(fmt::format("{} {}", count, result::to_string(verdict)), colour_of(verdict));
    first = false;
  }
  if (first) totals += "none run";
  out_ << '\n' << totals << " in " << human_duration(run.duration) << '\n';
  if (run.insecure) {
    out_ << paint(
                "WARNING: INSECURE RUN (--insecure): server certificates were NOT verified; "
                "TLS results from this run cannot be trusted.",
                kBoldRed)
         << '\n';
  }
  out_.flush();
}

}  // namespace conformance::reports
