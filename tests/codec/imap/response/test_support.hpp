// Helpers for the IMAP response codec tests: parse a frame expecting
// success or failure, check round trips, run a byte stream through the
// decoder whole or in pieces.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "harness/codec/imap/response/decoder.hpp"
#include "harness/codec/imap/response/response.hpp"

namespace conformance::codec::imap::test {

inline ParseOptions lenient_options() {
  ParseOptions options;
  options.lenient = true;
  return options;
}

// Parses a frame that must parse; on failure the test fails with the error.
inline Response parse_ok(std::string_view frame, const ParseOptions& options = {},
                         std::vector<Leniency>* leniencies = nullptr) {
  auto result = parse_response(frame, options, leniencies);
  EXPECT_TRUE(result.ok()) << "parsing " << testing::PrintToString(std::string(frame)) << ": "
                           << (result.ok() ? "" : result.error().message());
  if (!result.ok()) return UnknownData{"<parse failed>"};
  return std::move(result).value();
}

template <class T>
T parse_as(std::string_view frame, const ParseOptions& options = {}) {
  Response response = parse_ok(frame, options);
  const T* value = std::get_if<T>(&response);
  EXPECT_NE(value, nullptr) << "wrong response kind (index " << response.index() << ") for "
                            << testing::PrintToString(std::string(frame));
  return value ? *value : T{};
}

// Parses a frame that must not parse, and returns the error.
inline ParseError parse_error(std::string_view frame, const ParseOptions& options = {}) {
  auto result = parse_response(frame, options);
  EXPECT_FALSE(result.ok()) << "unexpectedly parsed " << testing::PrintToString(std::string(frame));
  return result.ok() ? ParseError{} : result.error();
}

// serialize, parse again, compare.
inline void expect_round_trip(const Response& response, const ParseOptions& options = {}) {
  const std::string bytes = serialize_response(response);
  auto again = parse_response(bytes, options);
  ASSERT_TRUE(again.ok()) << "re-parsing " << testing::PrintToString(bytes) << ": " << again.error().message();
  EXPECT_TRUE(again.value() == response) << "round trip changed " << testing::PrintToString(bytes);
}

// The events a decoder produced for a stream: responses and errors.
struct StreamEvent {
  std::optional<DecodedResponse> response;
  std::optional<ParseError> error;
  friend bool operator==(const StreamEvent&, const StreamEvent&) = default;
};

// Feeds `stream` to a decoder in pieces of `piece` bytes (0: all at once).
inline std::vector<StreamEvent> decode_stream(std::string_view stream, std::size_t piece = 0,
                                              const DecoderOptions& options = {}) {
  ResponseDecoder decoder(options);
  std::vector<StreamEvent> events;
  std::size_t at = 0;
  while (at < stream.size()) {
    const std::size_t size = piece == 0 ? stream.size() - at : std::min(piece, stream.size() - at);
    std::string_view chunk = stream.substr(at, size);
    at += size;
    while (!chunk.empty()) {
      DecodeEvent event = decoder.decode(chunk);
      chunk.remove_prefix(event.consumed());
      if (event.complete()) events.push_back({std::move(event.response()), std::nullopt});
      else if (event.failed()) events.push_back({std::nullopt, event.error()});
      else break;
    }
  }
  return events;
}

}  // namespace conformance::codec::imap::test
