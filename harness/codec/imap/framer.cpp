#include "harness/codec/imap/framer.hpp"

#include <string>

namespace conformance::codec::imap {
namespace {

constexpr std::size_t kMaxLiteralDigits = 19;  // number64 (RFC 9051 §9) fits in 19 digits

}  // namespace

std::optional<LiteralMarker> literal_marker_at_end(std::string_view line) {
  if (line.empty() || line.back() != '}') return std::nullopt;
  std::size_t end = line.size() - 1;  // index of '}'
  bool non_synchronizing = false;
  if (end > 0 && line[end - 1] == '+') {
    non_synchronizing = true;
    --end;
  }
  std::size_t digits_begin = end;
  while (digits_begin > 0 && line[digits_begin - 1] >= '0' && line[digits_begin - 1] <= '9') --digits_begin;
  const std::size_t digits = end - digits_begin;
  if (digits == 0 || digits > kMaxLiteralDigits || digits_begin == 0 || line[digits_begin - 1] != '{')
    return std::nullopt;
  LiteralMarker marker;
  marker.marker_offset = digits_begin - 1;
  marker.synchronizing = !non_synchronizing;
  if (marker.marker_offset > 0 && line[marker.marker_offset - 1] == '~') {
    marker.binary = true;
    --marker.marker_offset;
  }
  std::size_t length = 0;
  for (std::size_t i = digits_begin; i < end; ++i) length = length * 10 + static_cast<std::size_t>(line[i] - '0');
  marker.length = length;
  return marker;
}

void FrameScanner::reset() {
  partial_ = Frame{};
  segment_start_ = 0;
  line_scanned_ = 0;
  in_literal_ = false;
}

Step<Frame> FrameScanner::scan(std::string_view buffer) { return scan_frame(buffer, false); }

Step<Frame> FrameScanner::scan_stopping_at_literals(std::string_view buffer) { return scan_frame(buffer, true); }

Step<Frame> FrameScanner::scan_frame(std::string_view buffer, bool stop_at_literals) {
  for (;;) {
    if (in_literal_) {
      const LiteralMarker& literal = partial_.literals.back();
      const std::size_t literal_end = literal.data_offset + literal.length;
      if (buffer.size() < literal_end) return Step<Frame>::need_more(literal_end - buffer.size());
      segment_start_ = literal_end;
      line_scanned_ = 0;
      in_literal_ = false;
    }

    const LineScan line =
        scan_line(buffer.substr(segment_start_), limits_.max_line_length, limits_.ending, line_scanned_);
    line_scanned_ = line.status == LineScan::Status::incomplete ? buffer.size() - segment_start_ : 0;
    if (line.status == LineScan::Status::incomplete) {
      if (buffer.size() > limits_.max_frame_size) {
        const std::size_t at = segment_start_;
        reset();
        return Step<Frame>::fail({at, "frame of at most " + std::to_string(limits_.max_frame_size) + " octets"});
      }
      return Step<Frame>::need_more(1);
    }
    if (line.status == LineScan::Status::too_long) {
      const std::size_t at = segment_start_ + limits_.max_line_length;
      reset();
      return Step<Frame>::fail({at, "CRLF within " + std::to_string(limits_.max_line_length) + " octets"});
    }

    partial_.bare_lf_seen |= line.ended_by_bare_lf;
    const std::size_t segment_end = segment_start_ + line.total_length();
    if (segment_end > limits_.max_frame_size) {
      reset();
      return Step<Frame>::fail({segment_end, "frame of at most " + std::to_string(limits_.max_frame_size) + " octets"});
    }

    auto marker = literal_marker_at_end(buffer.substr(segment_start_, line.content_length));
    if (!marker) {
      Frame frame = std::move(partial_);
      frame.length = segment_end;
      reset();
      return Step<Frame>::done(std::move(frame), segment_end);
    }

    marker->marker_offset += segment_start_;
    marker->data_offset = segment_end;
    if (marker->length > limits_.max_literal_size) {
      const std::size_t at = marker->marker_offset;
      reset();
      return Step<Frame>::fail({at, "literal of at most " + std::to_string(limits_.max_literal_size) + " octets"});
    }
    if (partial_.literals.size() >= limits_.max_literals) {
      const std::size_t at = marker->marker_offset;
      reset();
      return Step<Frame>::fail({at, "at most " + std::to_string(limits_.max_literals) + " literals in one frame"});
    }
    if (marker->data_offset + marker->length > limits_.max_frame_size) {
      const std::size_t at = marker->marker_offset;
      reset();
      return Step<Frame>::fail({at, "frame of at most " + std::to_string(limits_.max_frame_size) + " octets"});
    }
    partial_.literals.push_back(*marker);
    in_literal_ = true;
    if (stop_at_literals) {
      const std::size_t literal_end = marker->data_offset + marker->length;
      return Step<Frame>::need_more(buffer.size() >= literal_end ? 0 : literal_end - buffer.size());
    }
  }
}

}  // namespace conformance::codec::imap
