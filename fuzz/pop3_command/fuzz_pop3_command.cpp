// Fuzzes the POP3 command parser (server side) and the SASL client-response
// parser. The first input byte picks what the stream holds (commands or SASL
// responses), the line-ending mode and the argument length cap; the rest is
// a client stream of pipelined lines.
//
// Properties checked:
//  - every accepted command serializes to a line that decodes to the same
//    command and is taken whole (round trip), and likewise for SASL responses;
//  - decoding never claims more bytes than it was given;
//  - the session model and the shape mapping accept every parsed command.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/fuzz_support.hpp"
#include "harness/codec/pop3/command.hpp"
#include "harness/codec/pop3/sasl.hpp"
#include "harness/codec/pop3/session.hpp"
#include "harness/codec/pop3/shape.hpp"

namespace {

using namespace conformance::codec;
using namespace conformance::codec::pop3;

constexpr int kMaxLines = 64;

void check_command(const Command& command, CommandLimits limits) {
  const std::string wire = serialize(command);
  // A bare LF line end becomes CRLF: one octet more than was parsed.
  limits.max_line_length += 2;
  limits.ending = LineEnding::crlf_only;
  auto again = decode_command(wire, limits);
  FUZZ_CHECK(again.complete());
  FUZZ_CHECK(again.consumed() == wire.size());
  FUZZ_CHECK(again.value() == command);

  const Verb verb = verb_of(command);
  FUZZ_CHECK((verb == Verb::other) == keyword(verb).empty());
  FUZZ_CHECK(verb == Verb::other || verb_from_keyword(keyword(verb)) == verb);
  (void)valid_in(verb, SessionState::authorization);
  (void)valid_in(verb, SessionState::transaction);
  (void)expected_shape(command);
}

void check_sasl(const SaslResponse& response, SaslLimits limits) {
  FUZZ_CHECK(!response.cancel || response.data.empty());
  const std::string wire = serialize(response);
  limits.max_line_length = wire.size() + 2;
  limits.ending = LineEnding::crlf_only;
  auto again = decode_sasl_response(wire, limits);
  FUZZ_CHECK(again.complete());
  FUZZ_CHECK(again.consumed() == wire.size());
  FUZZ_CHECK(again.value() == response);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  std::string_view input = conformance::fuzz::as_view(data + 1, size - 1);
  const bool sasl = (selector & 0x01) != 0;
  const LineEnding ending = (selector & 0x02) != 0 ? LineEnding::crlf_or_bare_lf : LineEnding::crlf_only;

  CommandLimits command_limits;
  command_limits.ending = ending;
  if ((selector & 0x04) != 0) command_limits.max_argument_length = 255;
  SaslLimits sasl_limits;
  sasl_limits.ending = ending;
  sasl_limits.max_line_length = (selector & 0x04) != 0 ? 64 * 1024 : 200;

  for (int line = 0; line < kMaxLines && !input.empty(); ++line) {
    std::size_t consumed = 0;
    if (sasl) {
      auto step = decode_sasl_response(input, sasl_limits);
      if (step.needs_more()) break;
      if (step.failed()) {
        FUZZ_CHECK(step.error().offset <= input.size());
        // Skip the offending line, as a server would after answering -ERR.
        const std::size_t lf = input.find('\n');
        if (lf == std::string_view::npos) break;
        consumed = lf + 1;
      } else {
        check_sasl(step.value(), sasl_limits);
        consumed = step.consumed();
      }
    } else {
      auto step = decode_command(input, command_limits);
      if (step.needs_more()) break;
      if (step.failed()) {
        FUZZ_CHECK(step.error().offset <= input.size());
        const std::size_t lf = input.find('\n');
        if (lf == std::string_view::npos) break;
        consumed = lf + 1;
      } else {
        check_command(step.value(), command_limits);
        consumed = step.consumed();
      }
    }
    FUZZ_CHECK(consumed > 0 && consumed <= input.size());
    input.remove_prefix(consumed);
  }
  return 0;
}
