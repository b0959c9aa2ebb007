#include "harness/codec/imap/response/decoder.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

namespace conformance::codec::imap {
namespace {

// The scanner never sees more than one octet past the frame cap, so that
// whether bytes arrive at once or piece by piece, it reports the same
// outcome at the same offset.
std::size_t view_cap(const FrameLimits& limits) {
  return limits.max_frame_size == std::numeric_limits<std::size_t>::max() ? limits.max_frame_size
                                                                           : limits.max_frame_size + 1;
}

// The first LF not preceded by CR in `bytes[begin, end)`, a segment of a frame.
std::optional<std::size_t> bare_lf_in(std::string_view bytes, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i)
    if (bytes[i] == '\n' && (i == begin || bytes[i - 1] != '\r')) return i;
  return std::nullopt;
}

// Where the first line of the frame ended with LF alone (literal data aside).
std::size_t first_bare_lf(std::string_view bytes, const std::vector<LiteralMarker>& literals) {
  std::size_t begin = 0;
  for (const auto& literal : literals) {
    if (auto at = bare_lf_in(bytes, begin, literal.data_offset)) return *at;
    begin = literal.data_offset + literal.length;
  }
  return bare_lf_in(bytes, begin, bytes.size()).value_or(0);
}

}  // namespace

void ResponseDecoder::Resynchronizer::start(std::string_view before, LineEnding ending) {
  ending_ = ending;
  active_ = true;
  literal_left_ = 0;
  tail_.clear();
  const bool after_line_end =
      !before.empty() && before.back() == '\n' &&
      (ending == LineEnding::crlf_or_bare_lf || (before.size() >= 2 && before[before.size() - 2] == '\r'));
  if (!after_line_end) {
    append_tail(before);
    return;
  }
  // The error lies just past a line end: that line may have announced a
  // literal whose data comes next.
  before.remove_suffix(1);
  append_tail(before);
  line_ended();
}

void ResponseDecoder::Resynchronizer::append_tail(std::string_view bytes) {
  if (bytes.size() >= kTail) {
    tail_.assign(bytes.substr(bytes.size() - kTail));
    return;
  }
  tail_.append(bytes);
  if (tail_.size() > kTail) tail_.erase(0, tail_.size() - kTail);
}

bool ResponseDecoder::Resynchronizer::line_ended() {
  std::string_view line = tail_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const auto marker = literal_marker_at_end(line);
  tail_.clear();
  if (!marker) {
    active_ = false;
    return false;
  }
  literal_left_ = marker->length;  // {0}: the frame's line simply goes on
  return true;
}

std::size_t ResponseDecoder::Resynchronizer::skip(std::string_view bytes) {
  std::size_t at = 0;
  while (active_ && at < bytes.size()) {
    if (literal_left_ > 0) {
      const std::size_t step = static_cast<std::size_t>(std::min<std::uint64_t>(literal_left_, bytes.size() - at));
      at += step;
      literal_left_ -= step;
      continue;
    }
    const void* hit = std::memchr(bytes.data() + at, '\n', bytes.size() - at);
    if (hit == nullptr) {
      append_tail(bytes.substr(at));
      return bytes.size();
    }
    const auto lf = static_cast<std::size_t>(static_cast<const char*>(hit) - bytes.data());
    append_tail(bytes.substr(at, lf - at));
    at = lf + 1;
    const bool after_cr = !tail_.empty() && tail_.back() == '\r';
    if (!after_cr && ending_ == LineEnding::crlf_only) {
      append_tail("\n");  // a lone LF does not end a line here
      continue;
    }
    line_ended();
  }
  return at;
}

ResponseDecoder::ResponseDecoder(DecoderOptions options)
    : options_(options), parse_options_(options.parse), scanner_(options.frame) {
  parse_options_.allow_bare_lf = options.frame.ending == LineEnding::crlf_or_bare_lf;
}

void ResponseDecoder::reset() {
  scanner_.reset();
  buffer_.clear();
  frame_offset_ = 0;
  resync_ = Resynchronizer{};
}

std::optional<ParseError> ResponseDecoder::finish() const {
  if (buffer_.empty()) return std::nullopt;
  const std::size_t end = frame_offset_ + buffer_.size();
  if (const LiteralMarker* literal = scanner_.awaiting_literal()) {
    const std::size_t missing = literal->data_offset + literal->length - buffer_.size();
    return ParseError{end, std::to_string(missing) + " more octets of literal data"};
  }
  return ParseError{end, "CRLF ending the response"};
}

void ResponseDecoder::finish_frame(DecodeEvent& event, std::string_view bytes, const Frame& frame) {
  std::vector<Leniency> leniencies;
  if (frame.bare_lf_seen) {
    const std::size_t at = first_bare_lf(bytes, frame.literals);
    if (!options_.parse.lenient) {
      event.error_ = ParseError{frame_offset_ + at, "CRLF (not LF alone)"};
      return;
    }
    leniencies.push_back(Leniency{at, "line ended by LF without CR"});
  }
  auto parsed = parse_response(bytes, parse_options_, &leniencies);
  if (!parsed) {
    event.error_ = ParseError{frame_offset_ + parsed.error().offset, parsed.error().expected};
    return;
  }
  for (auto& leniency : leniencies) leniency.offset += frame_offset_;
  event.response_ = DecodedResponse{std::move(parsed).value(), std::move(leniencies), frame_offset_, bytes.size()};
}

std::size_t ResponseDecoder::fail_frame(DecodeEvent& event, std::string_view bytes, const ParseError& error) {
  const std::size_t at = std::min(error.offset, bytes.size());
  event.error_ = ParseError{frame_offset_ + error.offset, error.expected};
  resync_.start(bytes.substr(0, at), options_.frame.ending);
  return at + resync_.skip(bytes.substr(at));
}

void ResponseDecoder::release(DecodeEvent& event, std::size_t used, std::size_t old, std::size_t taken) {
  frame_offset_ += used;
  if (used >= old) {
    event.consumed_ += std::min(used - old, taken);
    buffer_.clear();
    return;
  }
  // Bytes held from earlier calls remain to be decoded; this call's are given back.
  buffer_.resize(old);
  buffer_.erase(0, used);
}

DecodeEvent ResponseDecoder::decode(std::string_view input) {
  DecodeEvent event;
  if (resync_.active()) {
    const std::size_t skipped = resync_.skip(input);
    frame_offset_ += skipped;
    event.consumed_ = skipped;
    if (resync_.active()) {
      event.more_needed_ = resync_.more_needed();
      return event;
    }
    input.remove_prefix(skipped);
  }

  const std::size_t cap = view_cap(options_.frame);
  if (buffer_.empty()) {
    // Nothing held: scan the caller's bytes in place.
    const std::string_view view = input.substr(0, std::min(input.size(), cap));
    auto step = scanner_.scan(view);
    if (step.complete()) {
      const std::size_t length = step.consumed();
      finish_frame(event, view.substr(0, length), step.value());
      frame_offset_ += length;
      event.consumed_ += length;
    } else if (step.needs_more()) {
      buffer_.assign(view);
      event.consumed_ += view.size();
      event.more_needed_ = step.more_needed();
    } else {
      const std::size_t used = fail_frame(event, view, step.error());
      frame_offset_ += used;
      event.consumed_ += used;
    }
    return event;
  }

  const std::size_t old = buffer_.size();
  const std::size_t taken = std::min(input.size(), cap > old ? cap - old : 0);
  buffer_.append(input.data(), taken);
  auto step = scanner_.scan(buffer_);
  if (step.complete()) {
    const std::size_t length = step.consumed();
    finish_frame(event, std::string_view(buffer_).substr(0, length), step.value());
    release(event, length, old, taken);
  } else if (step.needs_more()) {
    event.consumed_ += taken;
    event.more_needed_ = step.more_needed();
  } else {
    const std::size_t used = fail_frame(event, buffer_, step.error());
    release(event, used, old, taken);
  }
  return event;
}

}  // namespace conformance::codec::imap
