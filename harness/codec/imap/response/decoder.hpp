// Incremental decoding of the server side of an IMAP connection: bytes in
// as they arrive, responses out one by one (RFC 9051 §2.2.2, §7). Framing
// (lines, literals, the caps of FrameLimits) is FrameScanner's; parsing is
// parse_response's. The decoder holds at most the current frame: decode()
// takes bytes only up to the end of the frame it is reading, and the caller
// hands the rest in again.
//
//   ResponseDecoder decoder;
//   std::string_view input = bytes_received;
//   while (!input.empty()) {
//     DecodeEvent event = decoder.decode(input);
//     input.remove_prefix(event.consumed());
//     if (event.complete()) handle(event.response());
//     else if (event.failed()) report(event.error());   // then decoding goes on
//     else break;                                         // needs more bytes
//   }
//
// After an error the decoder resynchronizes by itself: it drops the rest
// of the offending line (and the data of any literal that line announced)
// and starts afresh at the next line, so a harness can keep reading a
// server that broke the grammar once. Every offset it reports counts from
// the first byte of the stream.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/imap/framer.hpp"
#include "harness/codec/imap/response/response.hpp"

namespace conformance::codec::imap {

struct DecoderOptions {
  FrameLimits frame;  // caps; frame.ending = crlf_or_bare_lf to read LF-only servers
  ParseOptions parse;
};

struct DecodedResponse {
  Response response;
  std::vector<Leniency> leniencies;  // offsets in the stream
  std::size_t offset = 0;            // stream offset of the response's first byte
  std::size_t length = 0;            // its bytes: lines, literals, final CRLF
  friend bool operator==(const DecodedResponse&, const DecodedResponse&) = default;
};

// What one decode() call produced.
class DecodeEvent {
 public:
  bool needs_more() const { return !response_ && !error_; }
  bool complete() const { return response_.has_value(); }
  bool failed() const { return error_.has_value(); }

  // Bytes of the input given to decode() that the decoder took (all of it
  // when it needs more).
  std::size_t consumed() const { return consumed_; }
  // needs_more(): at least this many further bytes are needed (the rest of
  // a literal when one is being read).
  std::size_t more_needed() const { return more_needed_; }
  DecodedResponse& response() { return *response_; }
  const DecodedResponse& response() const { return *response_; }
  const ParseError& error() const { return *error_; }  // offset in the stream

 private:
  friend class ResponseDecoder;
  std::size_t consumed_ = 0;
  std::size_t more_needed_ = 1;
  std::optional<DecodedResponse> response_;
  std::optional<ParseError> error_;
};

class ResponseDecoder {
 public:
  explicit ResponseDecoder(DecoderOptions options = {});

  // Decodes from the front of `input`: the next response, an error, or
  // (having taken all of `input`) a request for more bytes.
  DecodeEvent decode(std::string_view input);

  // At the end of the stream: the error of a response left incomplete, if any.
  std::optional<ParseError> finish() const;

  // While a literal's data is awaited: its marker (offsets within the frame).
  const LiteralMarker* awaiting_literal() const { return scanner_.awaiting_literal(); }
  // True while skipping the rest of a line after an error.
  bool resynchronizing() const { return resync_.active(); }
  // Bytes taken from the stream so far.
  std::size_t stream_offset() const { return frame_offset_ + buffer_.size(); }
  // Bytes of the current, incomplete frame held.
  std::size_t buffered() const { return buffer_.size(); }
  // Forgets everything: a new stream starts at offset 0.
  void reset();

  const DecoderOptions& options() const { return options_; }

 private:
  // Skips the rest of a line broken by a framing error, and the data of a
  // literal announced at its end, keeping only the last bytes of the line.
  class Resynchronizer {
   public:
    // `before` holds the frame's bytes up to the error.
    void start(std::string_view before, LineEnding ending);
    // Returns the bytes skipped; active() turns false at the next line.
    std::size_t skip(std::string_view bytes);
    bool active() const { return active_; }
    std::size_t more_needed() const { return literal_left_ > 0 ? static_cast<std::size_t>(literal_left_) : 1; }

   private:
    void append_tail(std::string_view bytes);
    bool line_ended();  // checks the tail for a literal marker; false once resynchronized

    static constexpr std::size_t kTail = 32;  // a literal marker is at most 23 octets
    LineEnding ending_ = LineEnding::crlf_only;
    bool active_ = false;
    std::uint64_t literal_left_ = 0;
    std::string tail_;
  };

  void finish_frame(DecodeEvent& event, std::string_view bytes, const Frame& frame);
  // Reports a framing error at `error.offset` of `bytes` and skips from there; returns the bytes used.
  std::size_t fail_frame(DecodeEvent& event, std::string_view bytes, const ParseError& error);
  // Drops the first `used` bytes of the buffer, of which `old` were held before this call.
  void release(DecodeEvent& event, std::size_t used, std::size_t old, std::size_t taken);

  DecoderOptions options_;
  ParseOptions parse_options_;
  FrameScanner scanner_;
  std::string buffer_;
  std::size_t frame_offset_ = 0;  // stream offset of buffer_[0], the current frame's first byte
  Resynchronizer resync_;
};

}  // namespace conformance::codec::imap
