// `--report FORMAT=FILE`: which report files to write, and writing them.
#pragma once

#include "harness/common/expected.hpp"
#include "harness/result/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace conformance::reports {

struct ReportRequest {
  std::string format;  // "junit", "json" or "html"
  std::string path;
};

// "junit=out/junit.xml" -> {"junit", "out/junit.xml"}; an unknown format or
// an empty path is an error naming what was given.
Expected<ReportRequest, std::string> parse_report_request(std::string_view text);
// All of them, or the first error.
Expected<std::vector<ReportRequest>, std::string> parse_report_requests(const std::vector<std::string>& texts);

// Writes each file, creating its parent directories; returns one message per
// file that could not be written (empty when all were).
std::vector<std::string> write_reports(const result::RunResult& run, const std::vector<ReportRequest>& requests);

}  // namespace conformance::reports
