// Splits an IMAP byte stream into frames: one command or one response, i.e.
// a line plus, for every literal announced at the end of a line, the
// literal's bytes and the line that continues after them (RFC 9051 §2.2,
// §4.3; RFC 7888 for {N+}; RFC 3516 for ~{N}).
//
// The scanner is incremental. It is handed the bytes received since the
// start of the current frame, again and again as more arrive, and says
// either "complete, N bytes", "need at least K more bytes" (K is the rest of
// a literal when one is being read, so a caller can wait without rescanning)
// or an error. Line length, literal size, literal count and frame size are
// capped, so a peer that floods cannot make the caller buffer without bound.
//
// Like every IMAP implementation, it treats "{N}" at the end of any line as
// a literal announcement: the framing layer cannot know that a resp-text
// happened to end that way, and the grammar gives no other way to tell.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "harness/codec/common/line.hpp"
#include "harness/codec/common/result.hpp"

namespace conformance::codec::imap {

struct FrameLimits {
  std::size_t max_line_length = 64 * 1024;          // one line segment, CRLF included
  std::size_t max_literal_size = 64 * 1024 * 1024;  // one literal's data
  std::size_t max_frame_size = 96 * 1024 * 1024;    // all segments and literals together
  std::size_t max_literals = 10'000;                // literals in one frame
  LineEnding ending = LineEnding::crlf_only;
};

struct LiteralMarker {
  std::size_t marker_offset = 0;  // where "{" (or "~{") begins within the frame
  std::size_t data_offset = 0;    // where the literal's data begins within the frame
  std::size_t length = 0;
  bool synchronizing = true;  // {N}: the sender waits for a continuation; {N+} does not
  bool binary = false;        // ~{N}: literal8, may hold NUL
  friend bool operator==(const LiteralMarker&, const LiteralMarker&) = default;
};

struct Frame {
  std::size_t length = 0;  // bytes of the frame, final CRLF included
  std::vector<LiteralMarker> literals;
  bool bare_lf_seen = false;  // a segment ended with LF alone (only with LineEnding::crlf_or_bare_lf)
  friend bool operator==(const Frame&, const Frame&) = default;
};

class FrameScanner {
 public:
  explicit FrameScanner(FrameLimits limits = {}) : limits_(limits) {}

  // `buffer` starts at the first byte of the current frame and holds all
  // bytes received since; between calls it may only grow. After a complete
  // frame the scanner is ready for the next one: the caller drops
  // `consumed()` bytes and calls again with what follows.
  Step<Frame> scan(std::string_view buffer);

  // Like scan(), but also stops right after accepting each literal
  // announcement, before looking at its data: need_more(n), n being how many
  // of the literal's octets are not in `buffer` yet (0 when all are), with
  // awaiting_literal() naming it. The next call goes on from there. A server
  // uses it to act on every announcement in order (send "+" for {N}, refuse
  // a literal that LITERAL- forbids), whether or not the data came early.
  Step<Frame> scan_stopping_at_literals(std::string_view buffer);

  // While scan() is waiting for the data of a literal: that literal. A
  // server uses it to send "+ " for a synchronizing literal (RFC 9051 §7.5).
  const LiteralMarker* awaiting_literal() const { return in_literal_ ? &partial_.literals.back() : nullptr; }

  // Forgets a partly scanned frame (for example after an error the caller recovered from).
  void reset();

  const FrameLimits& limits() const { return limits_; }

 private:
  Step<Frame> scan_frame(std::string_view buffer, bool stop_at_literals);

  FrameLimits limits_;
  Frame partial_;
  std::size_t segment_start_ = 0;
  std::size_t line_scanned_ = 0;  // bytes of the current line already searched for its end
  bool in_literal_ = false;
};

// Recognises a literal announcement ending a line: "{N}", "{N+}", "~{N}",
// "~{N+}". Returns the marker with data_offset left 0, or nullopt.
// `line` is the line without its CRLF.
std::optional<LiteralMarker> literal_marker_at_end(std::string_view line);

}  // namespace conformance::codec::imap
