// Deviations from the RFCs that a POP3 response parser lets through, so that
// it can still hand the response over, but that a conformance suite must
// report: bytes that are legal on the wire but wrong (bare CR, NUL, a
// forgotten byte-stuffing, a challenge that is not base64) and what the
// leniency options accept. Each comes with the byte offset where it was seen.
#pragma once

#include <cstddef>
#include <string_view>

namespace conformance::codec::pop3 {

enum class AnomalyKind {
  bare_lf_line_end,  // a line ended with LF alone (with LineEnding::crlf_or_bare_lf); RFC 1939 §3
  bare_lf_in_line,   // a lone LF inside a line (line endings are CRLF only)
  bare_cr_in_line,   // a CR not followed by LF inside a line
  nul_in_line,       // a NUL byte inside a line
  // "+ok" / "-Err" (with accept_lowercase_status); RFC 1939 §3.
  status_not_uppercase,
  // A body line starting with "." not followed by another ".": the server
  // forgot to byte-stuff (or stuffed a line that did not need it); RFC 1939 §3.
  unstuffed_dot_line,
  // "+" CRLF instead of "+ " CRLF (with accept_continuation_without_space); RFC 5034 §5.
  continuation_without_space,
  // The text of a "+ " continuation is not strict base64; the client must cancel (RFC 5034 §4).
  invalid_base64_challenge,
  // "[" opened the text but no valid code followed (with malformed_code_is_text); RFC 2449 §3.
  malformed_response_code,
};

struct Anomaly {
  std::size_t offset = 0;  // byte offset from the start of the response
  AnomalyKind kind = AnomalyKind::bare_lf_line_end;

  friend bool operator==(const Anomaly&, const Anomaly&) = default;
};

// A short English description, for reports.
std::string_view describe(AnomalyKind kind);

}  // namespace conformance::codec::pop3
