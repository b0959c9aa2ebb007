#include "harness/codec/pop3/response_decoder.hpp"

#include <cstring>
#include <string>
#include <utility>

namespace conformance::codec::pop3 {
namespace {

bool is_multi_line(ResponseShape shape) {
  return shape == ResponseShape::multi_line_listing || shape == ResponseShape::multi_line_message;
}

ParseError line_too_long(std::size_t line_start, std::size_t cap, std::string_view what) {
  // The cap counts the CRLF, so the terminator was due at cap - 2.
  return ParseError{line_start + (cap >= 2 ? cap - 2 : 0),
                    "CRLF ending " + std::string(what) + " of at most " + std::to_string(cap) + " octets"};
}

}  // namespace

void ResponseDecoder::expect(ResponseShape shape) {
  shape_ = shape;
  reset();
}

void ResponseDecoder::reset() {
  partial_ = DecodedResponse{};
  in_body_ = false;
  body_start_ = 0;
  next_line_ = 0;
}

void ResponseDecoder::note(std::size_t offset, AnomalyKind kind) {
  if (partial_.anomalies.size() < limits_.max_anomalies)
    partial_.anomalies.push_back(Anomaly{offset, kind});
  else
    partial_.anomalies_truncated = true;
}

// Bytes that are legal on the wire but should not be there: a CR or LF that
// is not part of a line end, and NUL. One report per kind and line is enough.
void ResponseDecoder::note_line_bytes(std::string_view line, std::size_t offset) {
  if (const void* lf = std::memchr(line.data(), '\n', line.size()))
    note(offset + static_cast<std::size_t>(static_cast<const char*>(lf) - line.data()), AnomalyKind::bare_lf_in_line);
  if (const void* cr = std::memchr(line.data(), '\r', line.size()))
    note(offset + static_cast<std::size_t>(static_cast<const char*>(cr) - line.data()), AnomalyKind::bare_cr_in_line);
  if (const void* nul = std::memchr(line.data(), '\0', line.size()))
    note(offset + static_cast<std::size_t>(static_cast<const char*>(nul) - line.data()), AnomalyKind::nul_in_line);
}

Step<DecodedResponse> ResponseDecoder::finish(std::size_t consumed) {
  DecodedResponse result = std::move(partial_);
  reset();
  return Step<DecodedResponse>::done(std::move(result), consumed);
}

Step<DecodedResponse> ResponseDecoder::fail(ParseError error) {
  reset();
  return Step<DecodedResponse>::fail(std::move(error));
}

Step<DecodedResponse> ResponseDecoder::decode(std::string_view buffer) {
  if (!in_body_) return decode_status_line(buffer);
  return decode_body(buffer);
}

Step<DecodedResponse> ResponseDecoder::decode_status_line(std::string_view buffer) {
  std::size_t cap = limits_.max_line_length;
  LineScan scan = scan_line(buffer, cap, limits_.ending);
  // A SASL challenge may be far longer than a status line (RFC 5034 §4);
  // only a line that starts as one ("+ ") gets the larger cap.
  if (scan.status == LineScan::Status::too_long && shape_ == ResponseShape::sasl && buffer.size() >= 2 &&
      buffer[0] == '+' && buffer[1] == ' ') {
    cap = limits_.max_challenge_line_length;
    scan = scan_line(buffer, cap, limits_.ending);
  }
  if (scan.status == LineScan::Status::incomplete) return Step<DecodedResponse>::need_more();
  if (scan.status == LineScan::Status::too_long) return fail(line_too_long(0, cap, "a status line"));

  const std::string_view line = buffer.substr(0, scan.content_length);
  note_line_bytes(line, 0);
  std::vector<Anomaly> line_anomalies;
  StatusLineOptions options;
  options.allow_continuation = shape_ == ResponseShape::sasl;
  options.malformed_code_is_text = limits_.malformed_code_is_text;
  options.accept_lowercase_status = limits_.accept_lowercase_status;
  options.accept_continuation_without_space = limits_.accept_continuation_without_space;
  auto status = parse_status_line(line, options, &line_anomalies);
  if (!status) return fail(status.error());
  for (const auto& anomaly : line_anomalies) note(anomaly.offset, anomaly.kind);
  if (scan.ended_by_bare_lf) note(scan.content_length, AnomalyKind::bare_lf_line_end);
  partial_.response = std::move(*status);

  if (!is_multi_line(shape_) || partial_.response.status != Status::ok) return finish(scan.total_length());
  partial_.response.body.emplace();
  in_body_ = true;
  body_start_ = scan.total_length();
  next_line_ = body_start_;
  return decode_body(buffer);
}

Step<DecodedResponse> ResponseDecoder::decode_body(std::string_view buffer) {
  const bool message = shape_ == ResponseShape::multi_line_message;
  const std::size_t line_cap = message ? limits_.max_message_line_length : limits_.max_line_length;
  auto& lines = *partial_.response.body;
  while (true) {
    const std::string_view rest = buffer.substr(next_line_);
    const std::size_t line_start = next_line_;
    // The line may take no more than what is left of the body's allowance.
    // Scanning with the smaller of the two caps makes the outcome depend only
    // on the bytes, not on how they were split into reads: whichever limit
    // a byte crosses first is the one reported.
    const std::size_t room = limits_.max_body_size - (line_start - body_start_);
    const std::size_t cap = line_cap <= room ? line_cap : room;
    const LineScan scan = scan_line(rest, cap, limits_.ending);
    if (scan.status == LineScan::Status::incomplete) return Step<DecodedResponse>::need_more();
    if (scan.status == LineScan::Status::too_long) {
      if (line_cap <= room)
        return fail(line_too_long(line_start, line_cap, message ? "a message line" : "a listing line"));
      return fail(
          ParseError{body_start_ + limits_.max_body_size,
                     "end of a multi-line body of at most " + std::to_string(limits_.max_body_size) + " octets"});
    }

    std::string_view line = rest.substr(0, scan.content_length);
    if (scan.ended_by_bare_lf) note(line_start + scan.content_length, AnomalyKind::bare_lf_line_end);
    if (line == ".") return finish(line_start + scan.total_length());

    if (lines.size() >= limits_.max_body_lines)
      return fail(ParseError{
          line_start, "end of a multi-line body of at most " + std::to_string(limits_.max_body_lines) + " lines"});
    std::size_t content_offset = line_start;
    if (!line.empty() && line.front() == '.') {
      // "If so and if octets other than CRLF follow, the first octet of the
      // line (the termination octet) is stripped away" (RFC 1939 §3). A
      // stuffed line starts with "..": one that does not was not stuffed.
      if (line[1] != '.') note(line_start, AnomalyKind::unstuffed_dot_line);
      line.remove_prefix(1);
      ++content_offset;
    }
    note_line_bytes(line, content_offset);
    lines.emplace_back(line);
    next_line_ = line_start + scan.total_length();
  }
}

Step<DecodedResponse> decode_response(std::string_view buffer, ResponseShape shape, const ResponseLimits& limits) {
  ResponseDecoder decoder(shape, limits);
  return decoder.decode(buffer);
}

}  // namespace conformance::codec::pop3
