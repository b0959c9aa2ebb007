// --report FORMAT=FILE: parsing the requests and writing the files.
#include "reports/write_reports.hpp"

#include "sample_run.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace conformance::reports {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A fresh directory per test, removed afterwards.
class WriteReports : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = fs::path(::testing::TempDir()) / (std::string("reports_") + info->name());
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  fs::path directory_;
};

TEST(ParseReportRequest, SplitsFormatAndPath) {
  auto request = parse_report_request("junit=out/junit.xml");
  ASSERT_TRUE(request);
  EXPECT_EQ(request->format, "junit");
  EXPECT_EQ(request->path, "out/junit.xml");
}

TEST(ParseReportRequest, KeepsEqualsSignsInThePath) {
  auto request = parse_report_request("html=a=b.html");
  ASSERT_TRUE(request);
  EXPECT_EQ(request->format, "html");
  EXPECT_EQ(request->path, "a=b.html");
}

TEST(ParseReportRequest, RejectsAnUnknownFormat) {
  auto request = parse_report_request("xml=out.xml");
  ASSERT_FALSE(request);
  EXPECT_EQ(request.error(), "'xml=out.xml': unknown report format 'xml' (use junit, json or html)");
}

TEST(ParseReportRequest, RejectsAMissingEqualsSign) {
  auto request = parse_report_request("junit");
  ASSERT_FALSE(request);
  EXPECT_THAT(request.error(), HasSubstr("expected FORMAT=FILE"));
}

TEST(ParseReportRequest, RejectsAnEmptyPath) {
  auto request = parse_report_request("json=");
  ASSERT_FALSE(request);
  EXPECT_THAT(request.error(), HasSubstr("no file name"));
}

TEST(ParseReportRequests, ParsesAllInOrder) {
  auto requests = parse_report_requests({"junit=a.xml", "json=b.json", "html=c.html"});
  ASSERT_TRUE(requests);
  ASSERT_EQ(requests->size(), 3u);
  EXPECT_EQ((*requests)[2].format, "html");
}

TEST(ParseReportRequests, FailsOnTheFirstBadOne) {
  auto requests = parse_report_requests({"junit=a.xml", "pdf=b.pdf"});
  ASSERT_FALSE(requests);
  EXPECT_THAT(requests.error(), HasSubstr("'pdf'"));
}

TEST_F(WriteReports, WritesEachFormatCreatingParentDirectories) {
  const std::vector<ReportRequest> requests = {
      {"junit", (directory_ / "a/b/junit.xml").string()},
      {"json", (directory_ / "c/report.json").string()},
      {"html", (directory_ / "report.html").string()},
  };
  const auto errors = write_reports(testing::sample_run(), requests);
  EXPECT_TRUE(errors.empty());
  EXPECT_THAT(read_file(directory_ / "a/b/junit.xml"), StartsWith("<?xml"));
  EXPECT_THAT(read_file(directory_ / "c/report.json"), HasSubstr("\"format\": \"conformance-report\""));
  EXPECT_THAT(read_file(directory_ / "report.html"), StartsWith("<!DOCTYPE html>"));
}

TEST_F(WriteReports, ReplacesAnExistingFile) {
  const fs::path path = directory_ / "report.json";
  std::ofstream(path) << std::string(100000, '~');
  EXPECT_TRUE(write_reports(testing::run_of({}), {{"json", path.string()}}).empty());
  EXPECT_THAT(read_file(path), StartsWith("{"));
  EXPECT_EQ(read_file(path).find('~'), std::string::npos);
}

TEST_F(WriteReports, ReturnsAnErrorPerFileThatCannotBeWrittenAndWritesTheRest) {
  const fs::path blocker = directory_ / "file";
  std::ofstream(blocker) << "not a directory";
  const std::vector<ReportRequest> requests = {
      {"junit", (blocker / "junit.xml").string()},
      {"html", (directory_ / "report.html").string()},
  };
  const auto errors = write_reports(testing::sample_run(), requests);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], StartsWith("junit=" + (blocker / "junit.xml").string() + ": "));
  EXPECT_TRUE(fs::exists(directory_ / "report.html"));
}

}  // namespace
}  // namespace conformance::reports
