#include "harness/codec/imap/command/command_decoder.hpp"

#include <algorithm>
#include <cstring>

#include "harness/codec/common/base64.hpp"
#include "harness/codec/common/line.hpp"
#include "harness/codec/imap/chars.hpp"

namespace conformance::codec::imap::command {
namespace {

// A literal marker is at most "~{" + 19 digits + "+}" = 23 octets.
constexpr std::size_t kSkipTailLength = 32;

void keep_tail(std::string& tail, std::string_view more) {
  if (more.size() >= kSkipTailLength) {
    tail.assign(more.substr(more.size() - kSkipTailLength));
    return;
  }
  tail.append(more);
  if (tail.size() > kSkipTailLength) tail.erase(0, tail.size() - kSkipTailLength);
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

}  // namespace

CommandDecoder::CommandDecoder(DecoderOptions options) : options_(options), scanner_(options.frame) {
  if (options_.frame.ending == LineEnding::crlf_or_bare_lf) options_.parse.reader.allow_bare_lf = true;
}

void CommandDecoder::feed(std::string_view bytes) {
  // Drop what was decoded already, so the buffer holds only the current item.
  if (start_ > 0) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  last_begin_ = last_end_ = 0;
  if (stream_failed_) return;
  buffer_.append(bytes);
}

std::string_view CommandDecoder::last_item() const {
  return std::string_view(buffer_).substr(last_begin_, last_end_ - last_begin_);
}

std::string CommandDecoder::take_buffered() {
  std::string rest(pending());
  reset();
  return rest;
}

void CommandDecoder::reset() {
  scanner_.reset();
  buffer_.clear();
  start_ = 0;
  expected_ = NextLine::command;
  forget_frame();
  last_begin_ = last_end_ = 0;
  last_bare_lf_ = false;
  stream_failed_ = false;
  skip_ = Skip::nothing;
  skip_remaining_ = 0;
  skip_tail_.clear();
}

void CommandDecoder::forget_frame() {
  scanner_.reset();
  in_frame_ = false;
  literals_seen_ = 0;
  last_literal_at_ = 0;
}

DecoderEvent CommandDecoder::next() {
  last_begin_ = last_end_ = 0;
  last_bare_lf_ = false;
  if (stream_failed_) {
    start_ = buffer_.size();
    return NeedMore{};
  }
  if (!discard()) {
    // Skipping the data of a refused {N+}: the rest of it is known to be due.
    const std::uint64_t due = skip_ == Skip::literal_data ? skip_remaining_ : 1;
    return NeedMore{static_cast<std::size_t>(std::min<std::uint64_t>(due, 1u << 30))};
  }
  if (expected_ != NextLine::command && !in_frame_) return next_line();
  return next_command();
}

// ---- commands

DecoderEvent CommandDecoder::next_command() {
  for (;;) {
    const std::string_view view = pending();
    if (view.empty() && !in_frame_) return NeedMore{};
    auto step = scanner_.scan_stopping_at_literals(view);
    if (step.failed()) return frame_failed(step.error());
    if (step.complete()) return frame_complete(step.consumed(), step.value().bare_lf_seen);
    in_frame_ = true;
    const LiteralMarker* awaited = scanner_.awaiting_literal();
    const bool announced = awaited != nullptr && (literals_seen_ == 0 || awaited->marker_offset > last_literal_at_);
    if (!announced) return NeedMore{std::max<std::size_t>(step.more_needed(), 1)};

    // A new announcement, accepted by the framing caps: the server's turn.
    const LiteralMarker literal = *awaited;
    ++literals_seen_;
    last_literal_at_ = literal.marker_offset;
    if (!literal.synchronizing) {
      if (options_.non_synchronizing == NonSynchronizingLiterals::refused)
        return reject(literal, LiteralRejected::Reason::non_synchronizing_refused);
      if (options_.non_synchronizing == NonSynchronizingLiterals::literal_minus && literal.length > kLiteralMinusMaximum)
        return reject(literal, LiteralRejected::Reason::non_synchronizing_too_large);
      continue;
    }
    return ContinuationNeeded{tag_of_pending(), literal, view.size() > literal.data_offset};
  }
}

DecoderEvent CommandDecoder::frame_complete(std::size_t length, bool bare_lf) {
  const std::string_view frame = pending().substr(0, length);
  CommandResult result = parse_command(frame, options_.parse);
  last_begin_ = start_;
  last_end_ = start_ + length;
  last_bare_lf_ = bare_lf;
  start_ += length;
  forget_frame();
  if (!result.ok()) return result.error();
  return std::move(result).value();
}

// The tag a server would answer with: the tag characters the command starts
// with, if something else follows them within the first line's cap (so the
// answer does not depend on how much of a long line has arrived).
std::string CommandDecoder::tag_of_pending() const {
  const std::string_view view = pending();
  const std::size_t window = std::min(view.size(), options_.frame.max_line_length);
  std::size_t length = 0;
  while (length < window && is_tag_char(static_cast<unsigned char>(view[length]))) ++length;
  if (length == 0 || length == window) return {};
  return std::string(view.substr(0, length));
}

DecoderEvent CommandDecoder::frame_failed(const ParseError& error) {
  const std::string_view view = pending();
  const std::size_t at = error.offset;
  // The framing caps on literals fail at the literal's marker, which ends its line.
  std::optional<LiteralMarker> literal;
  if (at < view.size()) {
    const LineScan line = scan_line(view.substr(at), options_.frame.max_line_length, options_.frame.ending);
    if (line.complete()) {
      literal = literal_marker_at_end(view.substr(at, line.content_length));
      if (literal && literal->marker_offset == 0) {
        literal->marker_offset = at;
        literal->data_offset = at + line.total_length();
      } else {
        literal.reset();
      }
    }
  }
  // FrameScanner fails the literal caps at the literal's marker. The frame
  // cap fails there too when the data would not fit, and otherwise at the
  // start or end of a line: a marker found at a line end past the cap
  // belongs to the next line, not to the failure.
  if (literal) {
    if (starts_with(error.expected, "literal of at most")) return reject(*literal, LiteralRejected::Reason::too_large);
    if (starts_with(error.expected, "at most")) return reject(*literal, LiteralRejected::Reason::too_many_literals);
    if (starts_with(error.expected, "frame of at most") && at < options_.frame.max_frame_size)
      return reject(*literal, LiteralRejected::Reason::frame_too_large);
  }
  CommandError failure{tag_of_pending(), error};
  if (starts_with(error.expected, "CRLF within")) {
    // A line over the cap: skip the rest of it, then go on.
    skip_line_from(at, at >= options_.frame.max_line_length ? at - options_.frame.max_line_length : 0);
    forget_frame();
    return failure;
  }
  // The command is larger than the frame cap: there is no telling where the
  // next one starts.
  forget_frame();
  stream_failed_ = true;
  start_ = buffer_.size();
  return failure;
}

DecoderEvent CommandDecoder::reject(LiteralMarker literal, LiteralRejected::Reason reason) {
  LiteralRejected rejected{tag_of_pending(), literal, reason};
  // Consume the command through the announcing line. For {N+} the data
  // comes regardless and is skipped with whatever follows it.
  start_ += literal.data_offset;
  forget_frame();
  if (!literal.synchronizing) {
    skip_ = Skip::literal_data;
    skip_remaining_ = literal.length;
    skip_tail_.clear();
  }
  return rejected;
}

// ---- skipping

void CommandDecoder::skip_line_from(std::size_t offset, std::size_t line_start) {
  // The octets of the line before `offset` may hold the start of a marker.
  const std::size_t tail_from = std::max(line_start, offset > kSkipTailLength ? offset - kSkipTailLength : 0);
  skip_tail_.assign(pending().substr(tail_from, offset - tail_from));
  start_ += offset;
  skip_ = Skip::line;
  skip_remaining_ = 0;
}

bool CommandDecoder::discard() {
  const bool bare_lf_ends_lines = options_.frame.ending == LineEnding::crlf_or_bare_lf;
  while (skip_ != Skip::nothing) {
    const std::string_view view = pending();
    if (view.empty()) return false;
    if (skip_ == Skip::literal_data) {
      const auto take = static_cast<std::size_t>(std::min<std::uint64_t>(skip_remaining_, view.size()));
      start_ += take;
      skip_remaining_ -= take;
      if (skip_remaining_ == 0) {
        skip_ = Skip::line;
        skip_tail_.clear();
      }
      continue;
    }
    const void* hit = std::memchr(view.data(), '\n', view.size());
    if (hit == nullptr) {
      keep_tail(skip_tail_, view);
      start_ += view.size();
      return false;
    }
    const auto lf = static_cast<std::size_t>(static_cast<const char*>(hit) - view.data());
    keep_tail(skip_tail_, view.substr(0, lf));
    start_ += lf + 1;
    const bool crlf = !skip_tail_.empty() && skip_tail_.back() == '\r';
    if (!crlf && !bare_lf_ends_lines) {
      keep_tail(skip_tail_, "\n");  // a lone LF is part of the line
      continue;
    }
    if (crlf) skip_tail_.pop_back();
    const auto marker = literal_marker_at_end(skip_tail_);
    skip_tail_.clear();
    if (marker && !marker->synchronizing) {
      skip_ = Skip::literal_data;
      skip_remaining_ = marker->length;
    } else {
      skip_ = Skip::nothing;
    }
  }
  return true;
}

// ---- continuation lines

DecoderEvent CommandDecoder::next_line() {
  const std::string_view view = pending();
  const LineScan line = scan_line(view, options_.frame.max_line_length, options_.frame.ending);
  if (line.status == LineScan::Status::incomplete) return NeedMore{};
  const NextLine kind = expected_;
  expected_ = NextLine::command;
  if (line.status == LineScan::Status::too_long) {
    const std::size_t at = options_.frame.max_line_length;
    skip_line_from(at, 0);
    return CommandError{{}, {at, "CRLF within " + std::to_string(at) + " octets"}};
  }
  const std::string_view content = view.substr(0, line.content_length);
  last_begin_ = start_;
  last_end_ = start_ + line.total_length();
  last_bare_lf_ = line.ended_by_bare_lf;
  start_ += line.total_length();

  if (kind == NextLine::idle_done) {
    // idle = "IDLE" CRLF "DONE" (RFC 9051 §9); ABNF strings are case-insensitive.
    if (content.size() >= 4 && iequals(content.substr(0, 4), "DONE")) {
      if (content.size() == 4) return IdleDone{};
      return CommandError{{}, {4, "CRLF after DONE"}};
    }
    return CommandError{{}, {0, "DONE"}};
  }
  // authenticate = ... *(CRLF base64); "*" cancels (RFC 9051 §6.2.2).
  if (content == "*") return AuthenticateResponse{true, {}};
  auto decoded = base64_decode(content);
  if (!decoded) return CommandError{{}, decoded.error()};
  return AuthenticateResponse{false, std::move(decoded).value()};
}

}  // namespace conformance::codec::imap::command
