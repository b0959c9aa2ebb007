// The JSON report: everything the run produced, for tools. The schema
// ("format": "conformance-report", "version": 1) is in docs/reports.md.
#pragma once

#include "harness/result/result.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace conformance::reports {

inline constexpr int kJsonReportVersion = 1;

nlohmann::json to_json(const result::RunResult& run);
// Indented by two spaces, ending in a newline.
void write_json(const result::RunResult& run, std::ostream& out);

}  // namespace conformance::reports
