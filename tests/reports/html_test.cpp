// The HTML report: self-contained, escaped, colour-coded transcripts.
// Well-formedness is checked by the reports.html_wellformed ctest (check_html.py).
#include "reports/html.hpp"

#include "sample_run.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace conformance::reports {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string html(const result::RunResult& run) {
  std::ostringstream out;
  write_html(run, out);
  return out.str();
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

TEST(HtmlReport, IsOneDocumentWithInlineStyle) {
  const std::string page = html(testing::sample_run());
  EXPECT_THAT(page, ::testing::StartsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_THAT(page, ::testing::EndsWith("</html>\n"));
  EXPECT_THAT(page, HasSubstr("<style>"));
}

TEST(HtmlReport, FetchesNothing) {
  const std::string page = html(testing::sample_run());
  EXPECT_THAT(page, Not(HasSubstr("<link")));
  EXPECT_THAT(page, Not(HasSubstr(" src=")));
  EXPECT_THAT(page, Not(HasSubstr("href=")));
  EXPECT_THAT(page, Not(HasSubstr("url(")));
  EXPECT_THAT(page, Not(HasSubstr("@import")));
}

TEST(HtmlReport, ServerSentScriptRendersAsText) {
  const std::string page = html(testing::sample_run());
  EXPECT_THAT(page, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(page, Not(HasSubstr("alert(1)</script>")));
  // The report's own filter script is the only one.
  EXPECT_EQ(occurrences(page, "<script"), 1u);
}

TEST(HtmlReport, EscapesMarkupInScenarioText) {
  const std::string page = html(testing::sample_run());
  EXPECT_THAT(page, HasSubstr("Greeting with &lt;b&gt;markup&lt;/b&gt; &amp; &quot;quotes&quot; &#39;too&#39;"));
  EXPECT_THAT(page, Not(HasSubstr("<b>markup")));
}

TEST(HtmlReport, ShowsControlBytesAndInvalidUtf8Visibly) {
  const std::string page = html(testing::sample_run());
  EXPECT_THAT(page, HasSubstr("]]&gt; a&amp;b \\x01\\x1B[2J\\xFF caf\\xC3\\xA9</span>"));
  EXPECT_THAT(page, Not(HasSubstr("\x1b")));
  EXPECT_THAT(page, Not(HasSubstr("\xff")));
}

TEST(HtmlReport, HeaderNamesTargetAndTime) {
  const std::string page = html(testing::sample_run());
  EXPECT_THAT(page, HasSubstr("Target: <b>test-target</b>"));
  EXPECT_THAT(page, HasSubstr("Started: 2024-05-01T12:00:00.000Z"));
}

TEST(HtmlReport, WarnsOfAnInsecureRun) {
  auto run = testing::sample_run();
  EXPECT_THAT(html(run), Not(HasSubstr("INSECURE")));
  run.insecure = true;
  EXPECT_THAT(html(run), HasSubstr("<div class=\"insecure\" role=\"alert\">INSECURE RUN (--insecure)"));
}

TEST(HtmlReport, SummaryTableHasARowPerRfcSectionWithCountsPerVerdict) {
  const std::string page = html(testing::sample_run());
  EXPECT_THAT(page, HasSubstr("<th>RFC</th><th>Section</th><th>passed</th><th>failed</th><th>warned</th>"
                              "<th>skipped</th><th>xfail</th><th>xpass</th><th>error</th><th>total</th>"));
  EXPECT_THAT(page, HasSubstr("<tr><td>RFC 1939</td><td>§7</td><td class=\"n zero\">0</td><td class=\"n zero\">0</td>"
                              "<td class=\"n zero\">0</td><td class=\"n zero\">0</td><td class=\"n\">1</td>"
                              "<td class=\"n\">1</td><td class=\"n zero\">0</td><td class=\"n\">2</td></tr>"));
}

TEST(HtmlReport, OffersAFilterPerVerdictPresent) {
  const std::string page = html(testing::run_of({testing::passed_scenario(), testing::failed_scenario()}));
  EXPECT_THAT(page, HasSubstr("<input type=\"checkbox\" value=\"passed\" checked> passed (1)"));
  EXPECT_THAT(page, HasSubstr("<input type=\"checkbox\" value=\"failed\" checked> failed (1)"));
  EXPECT_THAT(page, Not(HasSubstr("value=\"skipped\"")));
}

TEST(HtmlReport, EachScenarioIsACollapsibleSectionOpenWhenItFailed) {
  const std::string page = html(testing::sample_run());
  EXPECT_EQ(occurrences(page, "<details class=\"scenario"), 7u);
  EXPECT_THAT(page, HasSubstr("<details class=\"scenario v-failed\" data-verdict=\"failed\" "
                              "id=\"scenario-imap.greeting.hostile\" open>"));
  EXPECT_THAT(page, HasSubstr("<details class=\"scenario v-passed\" data-verdict=\"passed\" "
                              "id=\"scenario-imap.select.read-write\">"));
}

TEST(HtmlReport, ShowsExpectedBesideReceived) {
  const std::string page = html(testing::sample_run());
  EXPECT_THAT(page, HasSubstr("<h4>Expected</h4><pre>text ~ /^\\* OK \\[CAPABILITY/</pre></div>"
                              "<div><h4>Received</h4><pre>* OK &lt;script&gt;"));
}

TEST(HtmlReport, ListsFindings) {
  const std::string page = html(testing::sample_run());
  EXPECT_THAT(page, HasSubstr("<li><b>RFC 9051 §2.2.1</b>: bare LF in a reply line (connection main)</li>"));
}

TEST(HtmlReport, TellsClientAndServerLinesApart) {
  const std::string page = html(testing::sample_run());
  EXPECT_THAT(page, HasSubstr("<div class=\"line client\"><span class=\"ts\">0.010</span><span class=\"gutter\">C:"
                              "</span><span class=\"text\">a2 SELECT INBOX</span></div>"));
  EXPECT_THAT(page, HasSubstr("<div class=\"line server\"><span class=\"ts\">0.012</span><span class=\"gutter\">S:"
                              "</span><span class=\"text\">* 0 EXISTS</span></div>\n"
                              "<div class=\"line server\"><span class=\"ts\"></span><span class=\"gutter\">S:"
                              "</span><span class=\"text\">a2 OK [READ-WRITE] done</span></div>"));
}

TEST(HtmlReport, SetsTlsEventsAndNotesApart) {
  const std::string page = html(testing::sample_run());
  EXPECT_THAT(page, HasSubstr("<div class=\"line tls\"><span class=\"ts\">0.005</span><span class=\"gutter\">T:"
                              "</span><span class=\"text\">handshake ok: TLSv1.3</span></div>"));
  EXPECT_THAT(page, HasSubstr("<div class=\"line note\"><span class=\"ts\">0.000</span><span class=\"gutter\">#"
                              "</span><span class=\"text\">connected to 127.0.0.1:10993</span></div>"));
}

TEST(HtmlReport, RedactedEventStaysRedacted) {
  const std::string page = html(testing::sample_run());
  EXPECT_THAT(page, HasSubstr("<div class=\"line client redacted\"><span class=\"ts\">0.007</span><span "
                              "class=\"gutter\">C:</span><span class=\"text\">a1 LOGIN user1 &lt;redacted&gt;  "
                              "(redacted)</span></div>"));
}

TEST(HtmlReport, EmptyRunSaysNothingRan) {
  const std::string page = html(testing::run_of({}));
  EXPECT_THAT(page, HasSubstr("<p>No scenarios ran.</p>"));
  EXPECT_THAT(page, HasSubstr("<p class=\"totals\">0 scenarios: </p>"));
  EXPECT_THAT(page, ::testing::EndsWith("</html>\n"));
}

}  // namespace
}  // namespace conformance::reports
