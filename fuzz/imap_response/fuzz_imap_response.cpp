// Fuzz target for the IMAP response codec. For a strict and a lenient
// configuration (the lenient one also accepting bare LF), with small frame
// caps so that the cap errors and resynchronization get exercised:
//  - the ResponseDecoder fed the input whole and in chunks_of() pieces must
//    produce the same responses and errors, at the same stream offsets;
//  - every response that parses must serialize to bytes that decode, as a
//    stream of their own, to exactly one equal response.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/fuzz_support.hpp"
#include "harness/codec/imap/response/decoder.hpp"
#include "harness/codec/imap/response/response.hpp"

namespace {

using namespace conformance::codec;
using namespace conformance::codec::imap;

struct Event {
  std::optional<DecodedResponse> response;
  std::optional<ParseError> error;
  friend bool operator==(const Event&, const Event&) = default;
};

std::vector<Event> decode_all(const std::vector<std::string_view>& pieces, const DecoderOptions& options,
                              std::size_t total) {
  ResponseDecoder decoder(options);
  std::vector<Event> events;
  std::size_t idle = 0;
  for (std::string_view piece : pieces) {
    while (!piece.empty()) {
      DecodeEvent event = decoder.decode(piece);
      FUZZ_CHECK(event.consumed() <= piece.size());
      piece.remove_prefix(event.consumed());
      idle = event.consumed() == 0 ? idle + 1 : 0;
      FUZZ_CHECK(idle < 4);  // every call but an occasional one makes progress
      if (event.complete()) {
        FUZZ_CHECK(event.response().offset + event.response().length <= total);
        events.push_back({std::move(event.response()), std::nullopt});
      } else if (event.failed()) {
        FUZZ_CHECK(event.error().offset <= total);
        events.push_back({std::nullopt, event.error()});
      } else {
        FUZZ_CHECK(piece.empty());
        break;
      }
    }
  }
  FUZZ_CHECK(decoder.stream_offset() == total);
  return events;
}

void check_round_trip(const Response& response, const DecoderOptions& options) {
  const std::string bytes = serialize_response(response);
  DecoderOptions roomy = options;
  roomy.frame = FrameLimits{};
  roomy.frame.ending = options.frame.ending;
  const std::vector<Event> again = decode_all({bytes}, roomy, bytes.size());
  FUZZ_CHECK(again.size() == 1);
  FUZZ_CHECK(again[0].response.has_value());
  FUZZ_CHECK(again[0].response->response == response);
  FUZZ_CHECK(again[0].response->length == bytes.size());
}

void check(std::string_view input, const DecoderOptions& options) {
  const std::vector<Event> whole = decode_all({input}, options, input.size());
  const std::vector<Event> chunked = decode_all(conformance::fuzz::chunks_of(input), options, input.size());
  FUZZ_CHECK(whole == chunked);
  std::size_t end = 0;
  for (const Event& event : whole) {
    if (!event.response) continue;
    FUZZ_CHECK(event.response->offset >= end);
    end = event.response->offset + event.response->length;
    if (!options.parse.lenient) FUZZ_CHECK(event.response->leniencies.empty());
    check_round_trip(event.response->response, options);
  }
}

DecoderOptions small_caps(bool lenient) {
  DecoderOptions options;
  options.frame.max_line_length = 512;
  options.frame.max_literal_size = 1024;
  options.frame.max_frame_size = 4096;
  options.frame.max_literals = 8;
  options.parse.limits.max_body_depth = 8;
  options.parse.limits.max_list_depth = 24;
  options.parse.limits.max_elements = 2000;
  if (lenient) {
    options.parse.lenient = true;
    options.frame.ending = LineEnding::crlf_or_bare_lf;
  }
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = conformance::fuzz::as_view(data, size);
  static const DecoderOptions strict = small_caps(false);
  static const DecoderOptions lenient = small_caps(true);
  check(input, strict);
  check(input, lenient);
  return 0;
}
