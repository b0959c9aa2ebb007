#include "harness/codec/common/line.hpp"

#include <cstring>

namespace conformance::codec {

LineScan scan_line(std::string_view buffer, std::size_t max_line_length, LineEnding ending,
                   std::size_t resume_from) {
  LineScan scan;
  const std::size_t window = buffer.size() < max_line_length ? buffer.size() : max_line_length;
  // A CR just before the resume point is still seen: the CRLF test looks back.
  std::size_t from = resume_from < window ? resume_from : window;
  while (from < window) {
    const void* hit = std::memchr(buffer.data() + from, '\n', window - from);
    if (hit == nullptr) break;
    const std::size_t lf = static_cast<std::size_t>(static_cast<const char*>(hit) - buffer.data());
    if (lf > 0 && buffer[lf - 1] == '\r') {
      scan.status = LineScan::Status::complete;
      scan.content_length = lf - 1;
      scan.terminator_length = 2;
      return scan;
    }
    if (ending == LineEnding::crlf_or_bare_lf) {
      scan.status = LineScan::Status::complete;
      scan.content_length = lf;
      scan.terminator_length = 1;
      scan.ended_by_bare_lf = true;
      return scan;
    }
    from = lf + 1;
  }
  scan.status = buffer.size() >= max_line_length ? LineScan::Status::too_long : LineScan::Status::incomplete;
  return scan;
}

}  // namespace conformance::codec
