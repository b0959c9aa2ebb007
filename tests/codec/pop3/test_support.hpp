// Helpers for the POP3 codec tests: decode a whole buffer, or feed it to a
// decoder in pieces the way a socket would deliver it.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "harness/codec/pop3/response_decoder.hpp"

namespace conformance::codec::pop3::testing {

// Feeds `wire` `piece` bytes at a time; returns the first non-need_more step
// (or need_more if the input ran out).
inline Step<DecodedResponse> decode_in_pieces(std::string_view wire, ResponseShape shape, std::size_t piece,
                                              const ResponseLimits& limits = {}) {
  ResponseDecoder decoder(shape, limits);
  std::size_t available = 0;
  while (true) {
    available = available + piece < wire.size() ? available + piece : wire.size();
    auto step = decoder.decode(wire.substr(0, available));
    if (!step.needs_more() || available == wire.size()) return step;
  }
}

// Decodes one complete response that must take all of `wire`.
inline DecodedResponse decode_whole(std::string_view wire, ResponseShape shape, const ResponseLimits& limits = {}) {
  auto step = decode_response(wire, shape, limits);
  if (step.failed()) ADD_FAILURE() << step.error().message();
  if (step.needs_more()) ADD_FAILURE() << "response incomplete";
  if (!step.complete()) return {};
  EXPECT_EQ(step.consumed(), wire.size());
  return step.value();
}

}  // namespace conformance::codec::pop3::testing
