// Writes the sample run's and an empty run's reports into a directory, for the
// checks that need outside tools (xmllint against junit.xsd, check_html.py):
//   write_sample_reports DIR
// DIR/sample.{xml,json,html} and DIR/empty.{xml,json,html}.
#include "reports/write_reports.hpp"
#include "sample_run.hpp"

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  using conformance::reports::ReportRequest;
  if (argc != 2) {
    std::cerr << "usage: write_sample_reports DIR\n";
    return 2;
  }
  const std::string directory = argv[1];
  auto requests_for = [&directory](const std::string& name) {
    return std::vector<ReportRequest>{{"junit", directory + "/" + name + ".xml"},
                                      {"json", directory + "/" + name + ".json"},
                                      {"html", directory + "/" + name + ".html"}};
  };
  auto sample = conformance::reports::testing::sample_run();
  sample.insecure = true;
  sample.shard = "1/2";
  std::vector<std::string> errors = conformance::reports::write_reports(sample, requests_for("sample"));
  const auto empty_errors =
      conformance::reports::write_reports(conformance::reports::testing::run_of({}), requests_for("empty"));
  errors.insert(errors.end(), empty_errors.begin(), empty_errors.end());
  for (const auto& error : errors) std::cerr << "write_sample_reports: " << error << "\n";
  return errors.empty() ? 0 : 1;
}
