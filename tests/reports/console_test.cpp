// The console report: lines as scenarios finish, progress, colour, verbose details, summary.
#include "reports/console.hpp"

#include "sample_run.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace conformance::reports {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Feeds a whole run through the reporter as the runner would.
std::string report(const result::RunResult& run, ConsoleOptions options) {
  std::ostringstream out;
  ConsoleReporter console(out, options);
  console.on_start(run.scenarios.size());
  for (const auto& scenario : run.scenarios) console.on_result(scenario);
  console.on_finish(run);
  return out.str();
}

TEST(ConsoleReport, PrintsOneLinePerScenarioWithVerdictIdAndDuration) {
  const std::string text = report(testing::run_of({testing::passed_scenario()}), {});
  EXPECT_THAT(text, HasSubstr("PASS  imap.select.read-write (42 ms)\n"));
}

TEST(ConsoleReport, LabelsEveryVerdict) {
  const std::string text = report(testing::sample_run(), {});
  for (const std::string label : {"PASS ", "FAIL ", "WARN ", "SKIP ", "XFAIL", "XPASS", "ERROR"}) {
    EXPECT_THAT(text, HasSubstr("\n" + label + " ")) << label;
  }
}

TEST(ConsoleReport, GivesTheReasonForANonPass) {
  const std::string text = report(testing::run_of({testing::skipped_scenario()}), {});
  EXPECT_THAT(text, HasSubstr("SKIP  smtp.starttls.offered (0 ms): capability STARTTLS not advertised\n"));
}

TEST(ConsoleReport, GivesTheDeviationForAnExpectedFailure) {
  const std::string text = report(testing::run_of({testing::expected_failure_scenario()}), {});
  EXPECT_THAT(text, HasSubstr("XFAIL pop3.uidl.unique (42 ms): server reuses ids after expunge (ticket 12)"));
}

TEST(ConsoleReport, WritesNoProgressLineWhenNotATerminal) {
  const std::string text = report(testing::sample_run(), {});
  EXPECT_THAT(text, Not(HasSubstr("\r")));
  EXPECT_THAT(text, Not(HasSubstr("running")));
}

TEST(ConsoleReport, RewritesAProgressLineInPlaceOnATerminal) {
  ConsoleOptions options;
  options.is_terminal = true;
  std::ostringstream out;
  ConsoleReporter console(out, options);
  const auto run = testing::sample_run();
  console.on_start(run.scenarios.size());
  console.on_result(run.scenarios[0]);
  console.on_result(run.scenarios[1]);
  EXPECT_THAT(out.str(), HasSubstr("\r[1/7] running"));
  // The second result first erases the progress line, then draws it again below.
  EXPECT_THAT(out.str(), HasSubstr("\r\x1b[KFAIL "));
  EXPECT_THAT(out.str(), HasSubstr("\r[2/7] running, 1 not passed, 1 failing"));
}

TEST(ConsoleReport, DrawsNoProgressLineOnceEveryScenarioHasFinished) {
  ConsoleOptions options;
  options.is_terminal = true;
  const std::string text = report(testing::run_of({testing::passed_scenario(), testing::error_scenario()}), options);
  EXPECT_THAT(text, HasSubstr("\r[1/2] running"));
  EXPECT_THAT(text, HasSubstr("\r\x1b[KERROR imap.append.flags"));
  EXPECT_THAT(text.substr(text.find("ERROR imap.append.flags")), Not(HasSubstr("\r")));
}

TEST(ConsoleReport, UsesNoColourWhenColourIsOff) {
  const std::string text = report(testing::sample_run(), {});
  EXPECT_THAT(text, Not(HasSubstr("\x1b[")));
}

TEST(ConsoleReport, ColoursVerdictsWhenColourIsOn) {
  ConsoleOptions options;
  options.color = true;
  const std::string text = report(testing::sample_run(), options);
  EXPECT_THAT(text, HasSubstr("\x1b[32mPASS \x1b[0m"));
  EXPECT_THAT(text, HasSubstr("\x1b[1;31mFAIL \x1b[0m"));
}

TEST(ConsoleReport, ShowsTerminalEscapesFromTheServerAsText) {
  auto scenario = testing::failed_scenario();
  scenario.reason = "got \x1b[2J\x1b]0;pwned\x07";
  ConsoleOptions options;
  options.verbose = true;
  const std::string text = report(testing::run_of({scenario}), options);
  EXPECT_THAT(text, HasSubstr("got \\x1B[2J\\x1B]0;pwned\\x07"));
  EXPECT_THAT(text, Not(HasSubstr("\x1b")));
}

TEST(ConsoleReport, VerboseShowsTheFailingStepExpectedReceivedAndTranscript) {
  ConsoleOptions options;
  options.verbose = true;
  const std::string text = report(testing::run_of({testing::failed_scenario()}), options);
  EXPECT_THAT(text, HasSubstr("    failing step 2 (scenarios/x.yaml:11:5), connection main\n"));
  EXPECT_THAT(text, HasSubstr("      expected: text ~ /^\\* OK \\[CAPABILITY/\n"));
  EXPECT_THAT(text, HasSubstr("      received: * OK <script>alert(1)</script>"));
  EXPECT_THAT(text, HasSubstr("    finding: RFC 9051 §2.2.1: bare LF in a reply line (connection main)\n"));
  EXPECT_THAT(text, HasSubstr("    --- connection main: imap://127.0.0.1:10143 ---\n"));
  EXPECT_THAT(text, HasSubstr("    [   0.004] S: * OK <script>"));
}

TEST(ConsoleReport, VerboseLinesUpMultiLineReceivedText) {
  ConsoleOptions options;
  options.verbose = true;
  const std::string text = report(testing::run_of({testing::warned_scenario()}), options);
  EXPECT_THAT(text, HasSubstr("      received: 250-mail.test\n"
                              "                250 SIZE 10240000\n"));
}

TEST(ConsoleReport, WithoutVerboseShowsNoTranscript) {
  const std::string text = report(testing::run_of({testing::failed_scenario()}), {});
  EXPECT_THAT(text, Not(HasSubstr("--- connection")));
  EXPECT_THAT(text, Not(HasSubstr("expected:")));
}

TEST(ConsoleReport, VerboseKeepsRedactedEventsRedacted) {
  auto scenario = testing::passed_scenario();
  scenario.verdict = result::Verdict::unexpected_pass;
  ConsoleOptions options;
  options.verbose = true;
  const std::string text = report(testing::run_of({scenario}), options);
  EXPECT_THAT(text, HasSubstr("C: a1 LOGIN user1 <redacted>  (redacted)\n"));
}

TEST(ConsoleReport, SummarisesByProtocol) {
  const std::string text = report(testing::sample_run(), {});
  EXPECT_THAT(text, HasSubstr("protocol  passed  failed  warned skipped   xfail   xpass   error\n"
                              "imap           1       1       -       -       -       -       1\n"
                              "pop3           -       -       -       -       1       1       -\n"
                              "smtp           -       -       1       1       -       -       -\n"));
}

TEST(ConsoleReport, SummarisesByRfcSection) {
  const std::string text = report(testing::sample_run(), {});
  // Columns line up although "§" takes two bytes.
  EXPECT_THAT(text, HasSubstr("RFC section       passed  failed  warned skipped   xfail   xpass   error\n"
                              "RFC 1939 §7            -       -       -       -       1       1       -\n"));
  EXPECT_THAT(text, HasSubstr("RFC 9051 §6.3.12       -       -       -       -       -       -       1\n"));
}

TEST(ConsoleReport, EndsWithTotalsAndDuration) {
  const std::string text = report(testing::sample_run(), {});
  EXPECT_THAT(text, HasSubstr("7 scenarios: 1 passed, 1 failed, 1 warned, 1 skipped, 1 expected-failure, "
                              "1 unexpected-pass, 1 error in 1.2 s\n"));
}

TEST(ConsoleReport, SaysSoLoudlyWhenTheRunWasInsecure) {
  auto run = testing::sample_run();
  run.insecure = true;
  EXPECT_THAT(report(run, {}), HasSubstr("WARNING: INSECURE RUN (--insecure)"));
  run.insecure = false;
  EXPECT_THAT(report(run, {}), Not(HasSubstr("INSECURE")));
}

TEST(ConsoleReport, ReportsAnEmptyRun) {
  const std::string text = report(testing::run_of({}), {});
  EXPECT_THAT(text, HasSubstr("Running 0 scenarios\n"));
  EXPECT_THAT(text, HasSubstr("0 scenarios: none run in 1.2 s\n"));
}

}  // namespace
}  // namespace conformance::reports
