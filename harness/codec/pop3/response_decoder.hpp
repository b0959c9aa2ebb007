// Incremental framing and parsing of POP3 responses, fed from a stream.
//
// The decoder is told the shape of the response it waits for (shape.hpp:
// the caller knows which command it answers) and is handed the bytes
// received since the response began, again and again as more arrive. It
// answers need_more, done (the Response, the anomalies seen, and how many
// bytes it took), or an error with the offset and what was expected. Work
// already done is kept between calls, so a large RETR body arriving in many
// reads is scanned once.
//
// Multi-line bodies are unstuffed and end at CRLF "." CRLF (RFC 1939 §3).
// Lines are capped: 512 octets including CRLF for the status line and for
// listing lines (RFC 2449 §4, §5), a larger configurable cap for message
// content and for SASL challenges (which "may be of arbitrary length",
// RFC 5034 §4), and the whole body is capped too.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "harness/codec/common/line.hpp"
#include "harness/codec/common/result.hpp"
#include "harness/codec/pop3/anomaly.hpp"
#include "harness/codec/pop3/response.hpp"
#include "harness/codec/pop3/shape.hpp"

namespace conformance::codec::pop3 {

struct ResponseLimits {
  std::size_t max_line_length = 512;                  // status and listing lines, CRLF included (RFC 2449 §4)
  std::size_t max_message_line_length = 64 * 1024;    // RETR/TOP content lines, CRLF included
  std::size_t max_challenge_line_length = 64 * 1024;  // "+ " continuation lines, CRLF included
  std::size_t max_body_size = 64 * 1024 * 1024;       // all body bytes after the status line, terminator included
  std::size_t max_body_lines = 2 * 1024 * 1024;       // lines in one body
  std::size_t max_anomalies = 64;                     // anomalies kept per response; then only flagged
  // Leniencies, off by default; what they let through is reported as anomalies.
  LineEnding ending = LineEnding::crlf_only;       // crlf_or_bare_lf: accept bare LF line ends
  bool malformed_code_is_text = false;             // see StatusLineOptions
  bool accept_lowercase_status = false;            // see StatusLineOptions
  bool accept_continuation_without_space = false;  // see StatusLineOptions
};

struct DecodedResponse {
  Response response;
  std::vector<Anomaly> anomalies;    // in the order seen; offsets from the start of the response
  bool anomalies_truncated = false;  // more than max_anomalies were seen

  friend bool operator==(const DecodedResponse&, const DecodedResponse&) = default;
};

class ResponseDecoder {
 public:
  explicit ResponseDecoder(ResponseShape shape = ResponseShape::single_line, ResponseLimits limits = {})
      : shape_(shape), limits_(limits) {}

  // `buffer` starts at the first byte of the response and holds every byte
  // received since; between calls it may only grow. After done or fail the
  // decoder is ready for the next response (of the same shape until
  // expect() says otherwise): the caller drops `consumed()` bytes first.
  Step<DecodedResponse> decode(std::string_view buffer);

  // The shape of the next response; forgets a partly decoded one.
  void expect(ResponseShape shape);
  // Forgets a partly decoded response.
  void reset();

  ResponseShape shape() const { return shape_; }
  const ResponseLimits& limits() const { return limits_; }

 private:
  Step<DecodedResponse> decode_status_line(std::string_view buffer);
  Step<DecodedResponse> decode_body(std::string_view buffer);
  Step<DecodedResponse> finish(std::size_t consumed);
  Step<DecodedResponse> fail(ParseError error);
  void note(std::size_t offset, AnomalyKind kind);
  void note_line_bytes(std::string_view line, std::size_t offset);

  ResponseShape shape_;
  ResponseLimits limits_;
  DecodedResponse partial_;
  bool in_body_ = false;
  std::size_t body_start_ = 0;  // offset of the first body line
  std::size_t next_line_ = 0;   // offset of the next body line to scan
};

// Decodes one response from the front of `buffer` in one go.
Step<DecodedResponse> decode_response(std::string_view buffer, ResponseShape shape, const ResponseLimits& limits = {});

}  // namespace conformance::codec::pop3
