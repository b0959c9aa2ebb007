#include "harness/result/result.hpp"

namespace conformance::result {

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::passed:
      return "passed";
    case Verdict::failed:
      return "failed";
    case Verdict::warned:
      return "warned";
    case Verdict::skipped:
      return "skipped";
    case Verdict::expected_failure:
      return "expected-failure";
    case Verdict::unexpected_pass:
      return "unexpected-pass";
    case Verdict::error:
      return "error";
  }
  return "error";
}

bool fails_run(Verdict verdict) {
  return verdict == Verdict::failed || verdict == Verdict::error;
}

RunSummary RunResult::summary() const {
  RunSummary s;
  for (const auto& scenario : scenarios) {
    ++s.total;
    switch (scenario.verdict) {
      case Verdict::passed:
        ++s.passed;
        break;
      case Verdict::failed:
        ++s.failed;
        break;
      case Verdict::warned:
        ++s.warned;
        break;
      case Verdict::skipped:
        ++s.skipped;
        break;
      case Verdict::expected_failure:
        ++s.expected_failures;
        break;
      case Verdict::unexpected_pass:
        ++s.unexpected_passes;
        break;
      case Verdict::error:
        ++s.errors;
        break;
    }
  }
  return s;
}

}  // namespace conformance::result
