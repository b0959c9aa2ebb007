// Server side, incremental: bytes from a client in, one event at a time
// out: a parsed command, "send a continuation request now", a literal
// refused before its data, an AUTHENTICATE response line, IDLE's DONE, or an
// error carrying the tag to answer BAD with.
//
//   decoder.feed(bytes_read);
//   for (;;) {
//     auto event = decoder.next();
//     if (std::holds_alternative<NeedMore>(event)) break;   // read more
//     ... ContinuationNeeded: send "+ Ready"   (RFC 9051 §7.5)
//     ... LiteralRejected:    send "tag NO [TOOBIG] ..." or "tag BAD ..."
//     ... Command:            run it; after AUTHENTICATE or IDLE, call expect()
//   }
//
// Framing follows FrameScanner (lines plus literals, RFC 9051 §4.3) under
// FrameLimits caps. Every literal announcement is acted on in order, before
// its data is looked at, whether or not the data arrived with it, so the
// events do not depend on how the bytes were split into reads:
//  - a synchronizing literal {N} gives ContinuationNeeded;
//  - a literal over the cap is refused (LiteralRejected) before any of its
//    data is buffered. For {N} the client sends no data (it waits for "+"),
//    so nothing is skipped; for {N+} the data comes anyway and the decoder
//    skips it, and the rest of that command, without buffering it;
//  - {N+} is refused unless the server advertised LITERAL+ or LITERAL-, and
//    over 4096 octets under LITERAL- (RFC 7888 §4, §5).
//
// The decoder keeps the bytes fed and not yet decoded; calling next() until
// NeedMore after each feed() keeps that to one partial frame (at most the
// FrameLimits caps) plus one read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "harness/codec/imap/command/command.hpp"
#include "harness/codec/imap/command/parse_command.hpp"
#include "harness/codec/imap/framer.hpp"

namespace conformance::codec::imap::command {

// What the server advertised about non-synchronizing literals {N+}.
enum class NonSynchronizingLiterals {
  refused,        // neither LITERAL+ nor LITERAL-: {N+} is refused
  literal_plus,   // LITERAL+ (RFC 7888 §3): any size up to the cap
  literal_minus,  // LITERAL- (RFC 7888 §4, part of IMAP4rev2): at most 4096 octets
};

inline constexpr std::size_t kLiteralMinusMaximum = 4096;  // RFC 7888 §4

struct DecoderOptions {
  FrameLimits frame;  // line, literal, literal count and frame caps; bare LF
  ParseOptions parse;  // allow_bare_lf is turned on when frame.ending allows bare LF
  NonSynchronizingLiterals non_synchronizing = NonSynchronizingLiterals::literal_plus;
};

// What the next line from the client is, when it is not a command: the
// server says so after it sent a continuation request inside AUTHENTICATE
// (RFC 9051 §6.2.2) or IDLE (§6.3.13). It holds for one line.
enum class NextLine { command, authenticate_response, idle_done };

// ---- events

// Nothing complete in the bytes fed so far.
struct NeedMore {
  std::size_t at_least = 1;  // bytes known to be needed (the rest of a literal), else 1
  friend bool operator==(const NeedMore&, const NeedMore&) = default;
};

// A synchronizing literal was announced: the server must now send a
// continuation request ("+ ..."), and the client then sends the data.
struct ContinuationNeeded {
  std::string tag;        // of the command being received ("" if none could be read)
  LiteralMarker literal;  // offsets from the start of the command
  // Some of the data had been received already when the announcement was
  // decoded: the client did not wait for the continuation request. Depends
  // on how the bytes arrived, unlike everything else in the events.
  bool data_arrived_early = false;
  friend bool operator==(const ContinuationNeeded&, const ContinuationNeeded&) = default;
};

// A literal refused at its announcement, before its data. The command is
// abandoned; the server answers "tag NO [TOOBIG]" (RFC 9051 §7.1: LIMIT,
// RFC 7888 §4) or "tag BAD".
struct LiteralRejected {
  enum class Reason {
    too_large,                    // over FrameLimits::max_literal_size
    too_many_literals,            // over FrameLimits::max_literals
    frame_too_large,              // the command would exceed FrameLimits::max_frame_size
    non_synchronizing_refused,    // {N+} without LITERAL+ / LITERAL-
    non_synchronizing_too_large,  // {N+} over 4096 octets under LITERAL-
  };
  std::string tag;
  LiteralMarker literal;  // offsets from the start of the command
  Reason reason = Reason::too_large;
  friend bool operator==(const LiteralRejected&, const LiteralRejected&) = default;
};

// A client's line in an AUTHENTICATE exchange: base64 data, or "*" to cancel.
struct AuthenticateResponse {
  bool cancelled = false;
  std::string data;  // decoded
  friend bool operator==(const AuthenticateResponse&, const AuthenticateResponse&) = default;
};

// The DONE line that ends IDLE.
struct IdleDone {
  friend bool operator==(const IdleDone&, const IdleDone&) = default;
};

// CommandError: a command that does not parse (offsets from its start), a
// line over the cap, or a continuation line that is not what was expected
// (then the tag is empty).
using DecoderEvent =
    std::variant<NeedMore, ContinuationNeeded, Command, CommandError, LiteralRejected, AuthenticateResponse, IdleDone>;

class CommandDecoder {
 public:
  explicit CommandDecoder(DecoderOptions options = {});

  // Bytes as they arrive from the client.
  void feed(std::string_view bytes);

  // The next event from the bytes fed so far.
  DecoderEvent next();

  // The next line is `line` rather than a command (for one line). Call it
  // between items, after acting on the AUTHENTICATE or IDLE command.
  void expect(NextLine line) { expected_ = line; }
  NextLine expected() const { return expected_; }

  // The raw bytes of the command or line the last next() completed (a
  // Command, a CommandError of a complete command, an AuthenticateResponse,
  // an IdleDone); empty otherwise. Valid until the next feed().
  std::string_view last_item() const;
  // Whether a line of that item ended in a bare LF (with LineEnding::crlf_or_bare_lf).
  bool last_item_bare_lf() const { return last_bare_lf_; }

  // A command exceeded FrameLimits::max_frame_size: where the next command
  // starts cannot be known, so every byte after is dropped. The server
  // should answer BYE and close.
  bool stream_failed() const { return stream_failed_; }

  // Bytes fed and not decoded yet.
  std::size_t buffered() const { return buffer_.size() - start_; }
  // Hands those bytes back and forgets any partial item: after STARTTLS the
  // bytes that follow belong to the TLS handshake (and any that came before
  // the server's OK are a finding, RFC 9051 §6.2.1, §11.1).
  std::string take_buffered();

  void reset();
  const DecoderOptions& options() const { return options_; }

 private:
  std::string_view pending() const { return std::string_view(buffer_).substr(start_); }
  DecoderEvent next_command();
  DecoderEvent next_line();
  DecoderEvent frame_complete(std::size_t length, bool bare_lf);
  DecoderEvent frame_failed(const ParseError& error);
  DecoderEvent reject(LiteralMarker literal, LiteralRejected::Reason reason);
  std::string tag_of_pending() const;
  void forget_frame();
  void skip_line_from(std::size_t offset, std::size_t line_start);
  bool discard();

  DecoderOptions options_;
  FrameScanner scanner_;
  std::string buffer_;
  std::size_t start_ = 0;  // first byte of the current item in buffer_
  NextLine expected_ = NextLine::command;
  bool in_frame_ = false;            // part of a command has been scanned
  std::size_t literals_seen_ = 0;    // announcements acted on in the current command
  std::size_t last_literal_at_ = 0;  // marker offset of the last of them
  std::size_t last_begin_ = 0;
  std::size_t last_end_ = 0;
  bool last_bare_lf_ = false;
  bool stream_failed_ = false;

  // Skipping what follows a refused literal: its data, then the rest of
  // the command line by line (a line ending in {N+} brings more data to
  // skip; one ending in {N} makes the client wait, so skipping stops).
  enum class Skip { nothing, literal_data, line };
  Skip skip_ = Skip::nothing;
  std::uint64_t skip_remaining_ = 0;
  std::string skip_tail_;  // the last octets of the line being skipped, enough to hold a literal marker
};

}  // namespace conformance::codec::imap::command
