// The JUnit XML report. Schema validity is checked by the reports.junit_schema
// ctest (xmllint against junit.xsd); these check content and escaping.
#include "reports/junit.hpp"

#include "sample_run.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace conformance::reports {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string junit(const result::RunResult& run) {
  std::ostringstream out;
  write_junit(run, out);
  return out.str();
}

// The <testcase> element for `id`, up to its end tag.
std::string testcase(const std::string& xml, const std::string& id) {
  const std::size_t start = xml.find("<testcase classname=");
  for (std::size_t at = start; at != std::string::npos; at = xml.find("<testcase classname=", at + 1)) {
    const std::size_t end = xml.find("</testcase>", at);
    std::string element = xml.substr(at, end - at);
    if (element.find("name=\"" + id) != std::string::npos) return element;
  }
  return {};
}

TEST(JunitReport, StartsWithAnXmlDeclarationAndTheTestsuitesRootWithTotals) {
  const std::string xml = junit(testing::sample_run());
  EXPECT_THAT(xml, ::testing::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<testsuites name=\"conformance\" tests=\"7\" failures=\"1\" errors=\"1\" "
                                         "skipped=\"2\" time=\"1.234\" timestamp=\"2024-05-01T12:00:00\">\n"));
  EXPECT_THAT(xml, ::testing::EndsWith("</testsuites>\n"));
}

TEST(JunitReport, WritesOneTestsuitePerProtocolWithItsCounts) {
  const std::string xml = junit(testing::sample_run());
  EXPECT_THAT(xml, HasSubstr("<testsuite name=\"imap\" id=\"0\" tests=\"3\" failures=\"1\" errors=\"1\" skipped=\"0\" "
                             "time=\"0.126\" timestamp=\"2024-05-01T12:00:00\">"));
  EXPECT_THAT(xml,
              HasSubstr("<testsuite name=\"smtp\" id=\"1\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\""));
  EXPECT_THAT(xml,
              HasSubstr("<testsuite name=\"pop3\" id=\"2\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\""));
}

TEST(JunitReport, NamesTestcasesByProtocolAndFirstRfcAndByIdAndTitle) {
  const std::string xml = junit(testing::run_of({testing::passed_scenario()}));
  EXPECT_THAT(
      xml, HasSubstr("<testcase classname=\"imap.RFC 9051 §6.3.2\" name=\"imap.select.read-write: SELECT opens "
                     "the mailbox read-write\" time=\"0.042\" file=\"scenarios/imap/imap.select.read-write.yaml\">"));
}

TEST(JunitReport, PutsRfcLevelAndTagsInTestcaseProperties) {
  const std::string element = testcase(junit(testing::sample_run()), "imap.greeting.hostile");
  EXPECT_THAT(element, HasSubstr("<property name=\"rfc\" value=\"RFC 9051 §7.1\"/>"));
  EXPECT_THAT(element, HasSubstr("<property name=\"rfc\" value=\"RFC 3501 §7.1\"/>"));
  EXPECT_THAT(element, HasSubstr("<property name=\"level\" value=\"MUST\"/>"));
  EXPECT_THAT(element, HasSubstr("<property name=\"tags\" value=\"core\"/>"));
}

TEST(JunitReport, PassedTestcaseHasNoVerdictElementAndItsTranscriptInSystemOut) {
  const std::string element = testcase(junit(testing::sample_run()), "imap.select.read-write");
  EXPECT_THAT(element, Not(HasSubstr("<failure")));
  EXPECT_THAT(element, Not(HasSubstr("<skipped")));
  EXPECT_THAT(element, HasSubstr("<system-out>--- connection main: imaps://127.0.0.1:10993 (TLSv1.3"));
  EXPECT_THAT(element, HasSubstr("[   0.010] C: a2 SELECT INBOX\n"));
}

TEST(JunitReport, FailedTestcaseHasAFailureWithStepExpectedReceivedAndTranscript) {
  const std::string element = testcase(junit(testing::sample_run()), "imap.greeting.hostile");
  EXPECT_THAT(element, HasSubstr("<failure message=\"step 2 (expect): greeting does not match &lt;script&gt;\" "
                                 "type=\"MUST violation\">"));
  EXPECT_THAT(element, HasSubstr("failing step 2 (scenarios/x.yaml:11:5), connection main\n"));
  EXPECT_THAT(element, HasSubstr("  expected: text ~ /^\\* OK \\[CAPABILITY/\n"));
  EXPECT_THAT(element, HasSubstr("  received: * OK &lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(element, HasSubstr("finding: RFC 9051 §2.2.1: bare LF in a reply line (connection main)\n"));
  EXPECT_THAT(element, HasSubstr("[   0.004] S: * OK &lt;script&gt;"));
  // The body carries the transcript; it is not repeated in <system-out>.
  EXPECT_THAT(element, Not(HasSubstr("<system-out>")));
}

TEST(JunitReport, ErrorTestcaseHasAnErrorElement) {
  const std::string element = testcase(junit(testing::sample_run()), "imap.append.flags");
  EXPECT_THAT(element, HasSubstr("<error message=\"fixture could not be set up: CREATE failed\" type=\"error\">"));
}

TEST(JunitReport, SkippedTestcaseHasSkippedWithTheReason) {
  const std::string element = testcase(junit(testing::sample_run()), "smtp.starttls.offered");
  EXPECT_THAT(element, HasSubstr("<skipped message=\"capability STARTTLS not advertised\"/>"));
}

TEST(JunitReport, ExpectedFailureIsSkippedWithTheDeviation) {
  const std::string element = testcase(junit(testing::sample_run()), "pop3.uidl.unique");
  EXPECT_THAT(element,
              HasSubstr("<skipped message=\"expected failure: server reuses ids after expunge (ticket 12)\"/>"));
  EXPECT_THAT(element, HasSubstr("EXPECTED FAILURE (known deviation: server reuses ids after expunge (ticket 12)): "
                                 "duplicate unique-id"));
}

TEST(JunitReport, WarnedTestcasePassesWithTheWarningInSystemOut) {
  const std::string element = testcase(junit(testing::sample_run()), "smtp.ehlo.pipelining");
  EXPECT_THAT(element, Not(HasSubstr("<failure")));
  EXPECT_THAT(element, Not(HasSubstr("<skipped")));
  EXPECT_THAT(element, HasSubstr("<system-out>WARNING: this SHOULD scenario failed"));
  EXPECT_THAT(element, HasSubstr("  expected: keyword PIPELINING\n"));
}

TEST(JunitReport, UnexpectedPassPassesWithANoteInSystemOut) {
  const std::string element = testcase(junit(testing::sample_run()), "pop3.top.lines");
  EXPECT_THAT(element, Not(HasSubstr("<failure")));
  EXPECT_THAT(element, Not(HasSubstr("<skipped")));
  EXPECT_THAT(element, HasSubstr("<system-out>UNEXPECTED PASS: listed as a known deviation (TOP was broken in 2.3)"));
}

TEST(JunitReport, EscapesXmlSpecialCharactersInAttributesAndText) {
  const std::string xml = junit(testing::sample_run());
  EXPECT_THAT(xml, HasSubstr("name=\"imap.greeting.hostile: Greeting with &lt;b&gt;markup&lt;/b&gt; &amp; "
                             "&quot;quotes&quot; &#39;too&#39;\""));
  EXPECT_THAT(xml, HasSubstr("a&amp;b"));
  EXPECT_THAT(xml, Not(HasSubstr("<script>")));
  EXPECT_THAT(xml, Not(HasSubstr("<b>")));
}

TEST(JunitReport, CdataTerminatorFromTheServerIsEscaped) {
  const std::string xml = junit(testing::sample_run());
  EXPECT_THAT(xml, HasSubstr("]]&gt;"));
  EXPECT_THAT(xml, Not(HasSubstr("]]>")));
}

TEST(JunitReport, ShowsControlBytesAndInvalidUtf8Visibly) {
  const std::string xml = junit(testing::sample_run());
  EXPECT_THAT(xml, HasSubstr("\\x01\\x1B[2J\\xFF caf"));
  const auto control = std::find_if(
      xml.begin(), xml.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t'; });
  EXPECT_TRUE(control == xml.end()) << "control byte at offset " << (control - xml.begin());
  EXPECT_THAT(xml, Not(HasSubstr("\xff")));
}

TEST(JunitReport, EscapesAControlByteInAnAttribute) {
  auto scenario = testing::skipped_scenario();
  scenario.reason = "odd\x02reason\r\n";
  const std::string xml = junit(testing::run_of({scenario}));
  EXPECT_THAT(xml, HasSubstr("<skipped message=\"odd\\x02reason&#13;&#10;\"/>"));
}

TEST(JunitReport, RedactedEventStaysRedacted) {
  const std::string element = testcase(junit(testing::sample_run()), "imap.select.read-write");
  EXPECT_THAT(element, HasSubstr("C: a1 LOGIN user1 &lt;redacted&gt;  (redacted)\n"));
}

TEST(JunitReport, SuitePropertiesNameTheTargetAndInsecureRuns) {
  auto run = testing::sample_run();
  run.insecure = true;
  const std::string xml = junit(run);
  EXPECT_THAT(xml, HasSubstr("<property name=\"target\" value=\"test-target\"/>"));
  EXPECT_THAT(xml, HasSubstr("<property name=\"insecure\" value=\"true\"/>"));
  EXPECT_THAT(xml, HasSubstr("<system-err>INSECURE RUN (--insecure)"));
}

TEST(JunitReport, EmptyRunWritesAnEmptyTestsuitesElement) {
  const std::string xml = junit(testing::run_of({}));
  EXPECT_EQ(xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"conformance\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"1.234\" "
            "timestamp=\"2024-05-01T12:00:00\">\n"
            "</testsuites>\n");
}

}  // namespace
}  // namespace conformance::reports
