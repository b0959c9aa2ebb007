#include "harness/codec/pop3/anomaly.hpp"

namespace conformance::codec::pop3 {

std::string_view describe(AnomalyKind kind) {
  switch (kind) {
    case AnomalyKind::bare_lf_line_end:
      return "line ended by a bare LF instead of CRLF";
    case AnomalyKind::bare_lf_in_line:
      return "bare LF inside a line";
    case AnomalyKind::bare_cr_in_line:
      return "bare CR inside a line";
    case AnomalyKind::nul_in_line:
      return "NUL byte inside a line";
    case AnomalyKind::status_not_uppercase:
      return "status indicator not in upper case";
    case AnomalyKind::unstuffed_dot_line:
      return "line starting with '.' that is not byte-stuffed";
    case AnomalyKind::continuation_without_space:
      return "continuation '+' not followed by a space";
    case AnomalyKind::invalid_base64_challenge:
      return "continuation text is not valid base64";
    case AnomalyKind::malformed_response_code:
      return "malformed extended response code";
  }
  return "unknown anomaly";
}

}  // namespace conformance::codec::pop3
