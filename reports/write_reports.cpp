#include "reports/write_reports.hpp"

#include "reports/html.hpp"
#include "reports/json.hpp"
#include "reports/junit.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace conformance::reports {
namespace {

constexpr std::string_view kFormats[] = {"junit", "json", "html"};

std::string request_text(const ReportRequest& request) { return request.format + "=" + request.path; }

}  // namespace

Expected<ReportRequest, std::string> parse_report_request(std::string_view text) {
  const std::size_t equals = text.find('=');
  if (equals == std::string_view::npos) {
    return std::string("'") + std::string(text) + "': expected FORMAT=FILE, e.g. junit=report.xml";
  }
  ReportRequest request{std::string(text.substr(0, equals)), std::string(text.substr(equals + 1))};
  bool known = false;
  for (const auto format : kFormats) known = known || request.format == format;
  if (!known) {
    return "'" + std::string(text) + "': unknown report format '" + request.format + "' (use junit, json or html)";
  }
  if (request.path.empty()) return "'" + std::string(text) + "': no file name after '='";
  return request;
}

Expected<std::vector<ReportRequest>, std::string> parse_report_requests(const std::vector<std::string>& texts) {
  std::vector<ReportRequest> requests;
  for (const auto& text : texts) {
    auto request = parse_report_request(text);
    if (!request) return request.error();
    requests.push_back(std::move(request.value()));
  }
  return requests;
}

std::vector<std::string> write_reports(const result::RunResult& run, const std::vector<ReportRequest>& requests) {
  std::vector<std::string> errors;
  for (const auto& request : requests) {
    const std::filesystem::path path(request.path);
    std::error_code error;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
    if (error) {
      errors.push_back(request_text(request) + ": cannot create directory " + path.parent_path().string() + ": " +
                       error.message());
      continue;
    }
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file) {
      errors.push_back(request_text(request) + ": cannot open for writing: " + std::strerror(errno));
      continue;
    }
    if (request.format == "junit") {
      write_junit(run, file);
    } else if (request.format == "json") {
      write_json(run, file);
    } else if (request.format == "html") {
      write_html(run, file);
    } else {
      errors.push_back(request_text(request) + ": unknown report format");
      continue;
    }
    file.close();
    if (!file) errors.push_back(request_text(request) + ": write failed: " + std::strerror(errno));
  }
  return errors;
}

}  // namespace conformance::reports
