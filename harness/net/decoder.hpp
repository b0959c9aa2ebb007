// How a stream feeds a caller's incremental decoder. The decoder sees all
// bytes buffered so far and answers: need N more, done after consuming N, or
// failed. Codec decoders that return codec::Step<T> plug in through
// `step_decoder` (or Stream::read_message, which does it for you).
#pragma once

#include "harness/codec/common/result.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace conformance::net {

struct DecodeProgress {
  enum class Kind { need_more, done, failed };
  Kind kind = Kind::need_more;
  std::size_t count = 1;  // need_more: at least this many more bytes; done: bytes consumed
  std::string error;      // failed: why

  static DecodeProgress need_more(std::size_t at_least = 1) { return {Kind::need_more, at_least, {}}; }
  static DecodeProgress done(std::size_t consumed) { return {Kind::done, consumed, {}}; }
  static DecodeProgress failed(std::string why) { return {Kind::failed, 0, std::move(why)}; }
};

using Decoder = std::function<DecodeProgress(std::string_view buffered)>;

// Wraps `decode` (string_view -> codec::Step<T>) as a Decoder that moves the
// decoded value into `out` when it completes.
template <class T, class F>
Decoder step_decoder(F decode, std::optional<T>& out) {
  return [decode = std::move(decode), &out](std::string_view buffered) -> DecodeProgress {
    codec::Step<T> step = decode(buffered);
    if (step.complete()) {
      const std::size_t consumed = step.consumed();
      out.emplace(std::move(step.value()));
      return DecodeProgress::done(consumed);
    }
    if (step.needs_more()) return DecodeProgress::need_more(step.more_needed());
    return DecodeProgress::failed(step.error().message());
  };
}

}  // namespace conformance::net
