// Fuzz target for the IMAP command codec (server side).
//
// The first byte picks the decoder's options (LITERAL+/LITERAL-/refused,
// bare LF, small caps, SEARCH depth); the rest is a client's byte stream.
// Properties checked:
//  - the CommandDecoder gives the same events for the whole stream and for
//    the stream split by chunks_of() (the field that records whether literal
//    data came early is the only one allowed to differ);
//  - every command decoded serializes (with and without LITERAL+) to bytes
//    that parse to an equal command, whose continuation points each follow
//    a synchronizing literal's announcement;
//  - parse_command on the raw stream never crashes, and what it accepts
//    round-trips too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/fuzz_support.hpp"
#include "harness/codec/imap/command/command_decoder.hpp"
#include "harness/codec/imap/command/command_state.hpp"
#include "harness/codec/imap/command/parse_command.hpp"
#include "harness/codec/imap/command/serialize_command.hpp"

namespace {

using namespace conformance::codec::imap::command;
using conformance::codec::LineEnding;
using conformance::codec::imap::WriterOptions;
using conformance::fuzz::as_view;
using conformance::fuzz::chunks_of;

DecoderOptions options_from(std::uint8_t config) {
  DecoderOptions options;
  switch (config & 3) {
    case 0: options.non_synchronizing = NonSynchronizingLiterals::literal_plus; break;
    case 1: options.non_synchronizing = NonSynchronizingLiterals::literal_minus; break;
    case 2: options.non_synchronizing = NonSynchronizingLiterals::refused; break;
    default: break;
  }
  if (config & 4) options.frame.ending = LineEnding::crlf_or_bare_lf;
  if (config & 8) {
    // Small caps, so that refusals and skipping are reached. The frame cap
    // stays large: over it the stream is given up at a point that depends
    // on how the bytes arrived.
    options.frame.max_line_length = 96;
    options.frame.max_literal_size = 300;
    options.frame.max_literals = 4;
  }
  if (config & 16) options.parse.max_search_depth = 6;
  if (config & 32) options.parse.reader.allow_8bit_quoted = false;
  if (config & 64) options.parse.reader.max_depth = 8;
  return options;
}

// What a server would do between events, decided only by the events.
void react(CommandDecoder& decoder, const DecoderEvent& event) {
  if (const auto* command = std::get_if<Command>(&event)) {
    if (std::holds_alternative<Authenticate>(command->body)) decoder.expect(NextLine::authenticate_response);
    if (std::holds_alternative<Idle>(command->body)) decoder.expect(NextLine::idle_done);
  } else if (const auto* response = std::get_if<AuthenticateResponse>(&event)) {
    if (!response->cancelled && response->data.size() % 2 == 1) decoder.expect(NextLine::authenticate_response);
  }
}

std::vector<DecoderEvent> decode(const std::vector<std::string_view>& pieces, const DecoderOptions& options) {
  CommandDecoder decoder(options);
  std::vector<DecoderEvent> events;
  for (const auto piece : pieces) {
    decoder.feed(piece);
    for (;;) {
      DecoderEvent event = decoder.next();
      if (std::holds_alternative<NeedMore>(event)) break;
      if (auto* continuation = std::get_if<ContinuationNeeded>(&event)) continuation->data_arrived_early = false;
      react(decoder, event);
      events.push_back(std::move(event));
      FUZZ_CHECK(events.size() <= 4 * 1024 * 1024);
    }
  }
  return events;
}

void check_round_trip(const Command& command, const ParseOptions& parse_options) {
  for (const bool literal_plus : {false, true}) {
    WriterOptions writer_options;
    writer_options.non_synchronizing_literals = literal_plus;
    writer_options.allow_8bit_quoted = parse_options.reader.allow_8bit_quoted && literal_plus;
    const SerializedCommand serialized = serialize_command(command, writer_options);
    CommandResult again = parse_command(serialized.bytes, parse_options);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.value() == command);
    for (const std::size_t point : serialized.continuation_points) {
      FUZZ_CHECK(point >= 3 && point <= serialized.bytes.size());
      FUZZ_CHECK(serialized.bytes.compare(point - 3, 3, "}\r\n") == 0);
    }
  }
  (void)allowed_states(command);
  (void)command_name(command);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const DecoderOptions options = options_from(data[0]);
  const std::string_view stream = as_view(data + 1, size - 1);

  const auto whole = decode({stream}, options);
  const auto chunked = decode(chunks_of(stream), options);
  FUZZ_CHECK(whole == chunked);

  ParseOptions parse_options = options.parse;
  if (options.frame.ending == LineEnding::crlf_or_bare_lf) parse_options.reader.allow_bare_lf = true;
  for (const auto& event : whole)
    if (const auto* command = std::get_if<Command>(&event)) check_round_trip(*command, parse_options);

  CommandResult direct = parse_command(stream, parse_options);
  if (direct.ok()) check_round_trip(direct.value(), parse_options);
  return 0;
}
