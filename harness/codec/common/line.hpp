// Finding the end of a protocol line (SMTP, POP3, IMAP) in a buffer, with a
// cap on its length. Lines end in CRLF; a bare LF is accepted as an end only
// when asked to, and is always reported, because a peer that ends lines with
// bare LF is a finding in itself (RFC 5321 §2.3.8, RFC 9051 §2.2).
#pragma once

#include <cstddef>
#include <string_view>

namespace conformance::codec {

enum class LineEnding {
  crlf_only,         // only CRLF ends a line; a lone LF is part of the line
  crlf_or_bare_lf,   // a lone LF also ends the line (and is reported)
};

struct LineScan {
  enum class Status { complete, incomplete, too_long };
  Status status = Status::incomplete;
  std::size_t content_length = 0;     // bytes before the terminator (valid when complete)
  std::size_t terminator_length = 0;  // 2 for CRLF, 1 for a bare LF
  bool ended_by_bare_lf = false;

  bool complete() const { return status == Status::complete; }
  std::size_t total_length() const { return content_length + terminator_length; }
};

// Looks for the first line in `buffer`. `max_line_length` counts the
// terminator, as RFC 5321 §4.5.3.1 does. A line longer than that is reported
// as too_long as soon as the cap is passed, without waiting for its end, so a
// peer that never sends CRLF cannot make the caller buffer without bound.
//
// `resume_from` lets a caller that already scanned the first N bytes of an
// incomplete line (and found no end there) skip them when more bytes arrive,
// so a line delivered a byte at a time costs O(n), not O(n^2).
LineScan scan_line(std::string_view buffer, std::size_t max_line_length,
                   LineEnding ending = LineEnding::crlf_only, std::size_t resume_from = 0);

}  // namespace conformance::codec
