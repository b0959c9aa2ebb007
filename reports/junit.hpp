// The JUnit XML report, in the shape GitLab, Jenkins and the GitHub
// test-report actions read: <testsuites>, one <testsuite> per protocol, one
// <testcase> per scenario. docs/reports.md says what goes where.
#pragma once

#include "harness/result/result.hpp"

#include <ostream>

namespace conformance::reports {

void write_junit(const result::RunResult& run, std::ostream& out);

}  // namespace conformance::reports
