// Fuzzes the SMTP reply decoder and what is built on replies.
//
// Input: one option byte, then a stream of server replies. Option bits:
//   1: bare LF ends lines (lenient)   2: small caps (64-octet lines, 4 lines)
//   4: any second digit accepted
// Properties:
//   - the stream decoded whole and decoded as it arrives in pieces (the
//     decoder fed a growing buffer) gives the same replies and the same end;
//   - every reply serializes back to bytes that parse to the same reply;
//   - an EHLO model or a greeting built from a reply survives to_reply and back;
//   - enhanced status codes found in text format back to themselves.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/fuzz_support.hpp"
#include "harness/codec/smtp/ehlo.hpp"
#include "harness/codec/smtp/greeting.hpp"
#include "harness/codec/smtp/reply.hpp"

namespace {

using namespace conformance::codec;
using namespace conformance::codec::smtp;

struct Outcome {
  std::vector<Reply> replies;
  std::vector<std::size_t> ends;      // absolute offset after each reply
  std::optional<ParseError> error;    // absolute offset
  bool operator==(const Outcome&) const = default;
};

Outcome decode_whole(std::string_view input, const ReplyLimits& limits) {
  Outcome out;
  std::size_t at = 0;
  for (;;) {
    auto step = parse_reply(input.substr(at), limits);
    if (step.needs_more()) return out;
    if (step.failed()) {
      out.error = ParseError{at + step.error().offset, step.error().expected};
      return out;
    }
    at += step.consumed();
    out.replies.push_back(step.value());
    out.ends.push_back(at);
  }
}

Outcome decode_chunked(std::string_view input, const ReplyLimits& limits) {
  Outcome out;
  ReplyDecoder decoder(limits);
  std::string buffer;
  std::size_t at = 0;
  for (std::string_view piece : conformance::fuzz::chunks_of(input)) {
    buffer.append(piece);
    for (;;) {
      auto step = decoder.decode(std::string_view(buffer).substr(at));
      if (step.needs_more()) break;
      if (step.failed()) {
        out.error = ParseError{at + step.error().offset, step.error().expected};
        return out;
      }
      at += step.consumed();
      out.replies.push_back(step.value());
      out.ends.push_back(at);
    }
  }
  return out;
}

void check_round_trip(const Reply& reply, const ReplyLimits& limits) {
  const std::string bytes = serialize_reply(reply);
  auto again = parse_reply(bytes, limits);
  FUZZ_CHECK(again.complete());
  FUZZ_CHECK(again.consumed() == bytes.size());
  FUZZ_CHECK(again.value() == reply);
}

void check_ehlo(const Reply& reply) {
  if (reply.code != 250) return;
  auto ehlo = parse_ehlo_response(reply);
  if (!ehlo) return;
  const Reply rebuilt = to_reply(*ehlo);
  auto again = parse_ehlo_response(rebuilt);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(*again == *ehlo);
  for (const EhloKeyword& keyword : ehlo->keywords) FUZZ_CHECK(ehlo->find(keyword.name) != nullptr);
  (void)ehlo->size_limit();
  (void)ehlo->auth_mechanisms();
}

void check_greeting(const Reply& reply) {
  auto greeting = parse_greeting(reply);
  if (!greeting) return;
  auto again = parse_greeting(to_reply(*greeting));
  FUZZ_CHECK(again.ok() && *again == *greeting);
}

void check_enhanced_codes(const Reply& reply) {
  const EnhancedCodeUse use = enhanced_code_use(reply);
  FUZZ_CHECK(!use.same_on_every_line || use.on_every_line);
  FUZZ_CHECK(use.lines_with_code <= reply.lines.size());
  for (const std::string& line : reply.lines) {
    auto found = find_leading_status_code(line);
    if (!found) continue;
    auto parsed = parse_enhanced_status_code(found->code.to_string());
    FUZZ_CHECK(parsed.ok() && *parsed == found->code);
    (void)describe_status_detail(found->code);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t options = data[0];
  const std::string_view input = conformance::fuzz::as_view(data + 1, size - 1);

  ReplyLimits limits;
  if (options & 1) limits.ending = LineEnding::crlf_or_bare_lf;
  if (options & 2) {
    limits.max_line_length = 64;
    limits.max_lines = 4;
  }
  limits.accept_any_second_digit = (options & 4) != 0;

  const Outcome whole = decode_whole(input, limits);
  const Outcome chunked = decode_chunked(input, limits);
  FUZZ_CHECK(whole == chunked);

  for (const Reply& reply : whole.replies) {
    check_round_trip(reply, limits);
    check_ehlo(reply);
    check_greeting(reply);
    check_enhanced_codes(reply);
  }
  return 0;
}
