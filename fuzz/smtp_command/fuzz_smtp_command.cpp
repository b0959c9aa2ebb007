// Fuzzes the SMTP command parser and the grammars beneath it (paths,
// domains, address literals, ESMTP parameters, xtext).
//
// Input: one option byte, then a client stream (commands, pipelined).
// Option bits: 1 lenient  2 SMTPUTF8 transaction  4 bare LF ends lines
//              8 small caps (64-octet lines, 16-octet local parts)
// Properties:
//   - every command parsed serializes to bytes that parse to the same
//     command (with the same leniency, and room for the canonical form);
//   - the whole input, taken as a path or a host, round-trips when it parses;
//   - xtext decodes what it encodes, and re-encodes what it decodes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/fuzz_support.hpp"
#include "harness/codec/smtp/command.hpp"
#include "harness/codec/smtp/xtext.hpp"

namespace {

using namespace conformance::codec;
using namespace conformance::codec::smtp;

void check_command_round_trip(const Command& command, const CommandOptions& options) {
  const std::string bytes = serialize_command(command);
  CommandOptions again_options = options;
  again_options.ending = LineEnding::crlf_only;
  again_options.max_line_length = bytes.size() + 2;
  auto again = parse_command(bytes, again_options);
  FUZZ_CHECK(again.complete());
  FUZZ_CHECK(again.consumed() == bytes.size());
  FUZZ_CHECK(again.value().command == command);
  FUZZ_CHECK(verb_of(command).size() > 0);
}

void check_addresses(std::string_view input, const AddressOptions& options) {
  for (PathKind kind : {PathKind::reverse, PathKind::forward}) {
    auto path = kind == PathKind::reverse ? parse_reverse_path(input, options) : parse_forward_path(input, options);
    if (!path) continue;
    FUZZ_CHECK(serialize_path(*path).size() == input.size());  // only the IPv6 tag's case may change
    auto again = kind == PathKind::reverse ? parse_reverse_path(serialize_path(*path), options)
                                           : parse_forward_path(serialize_path(*path), options);
    FUZZ_CHECK(again.ok() && *again == *path);
    (void)path->local_part_value();
  }
  if (auto host = parse_host(input, options)) {
    auto again = parse_host(host->to_string(), options);
    FUZZ_CHECK(again.ok() && *again == *host);
  }
}

void check_xtext(std::string_view input) {
  auto decoded = xtext_decode(xtext_encode(input));
  FUZZ_CHECK(decoded.ok() && *decoded == input);
  if (auto plain = xtext_decode(input)) {
    auto again = xtext_decode(xtext_encode(*plain));
    FUZZ_CHECK(again.ok() && *again == *plain);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t flags = data[0];
  const std::string_view input = conformance::fuzz::as_view(data + 1, size - 1);

  CommandOptions options;
  options.lenient = (flags & 1) != 0;
  options.smtputf8 = (flags & 2) != 0;
  if (flags & 4) options.ending = LineEnding::crlf_or_bare_lf;
  if (flags & 8) {
    options.max_line_length = 64;
    options.address_limits.max_local_part = 16;
  }

  std::size_t at = 0;
  while (at < input.size()) {
    auto step = parse_command(input.substr(at), options);
    if (!step.complete()) {
      if (step.failed()) FUZZ_CHECK(step.error().offset <= input.size() - at);
      break;
    }
    FUZZ_CHECK(step.consumed() > 0);
    check_command_round_trip(step.value().command, options);
    for (const Tolerated& tolerated : step.value().tolerated) FUZZ_CHECK(options.lenient || tolerated.what == Tolerance::bare_lf);
    at += step.consumed();
  }

  check_addresses(input, AddressOptions{options.smtputf8, options.address_limits});
  check_xtext(input.substr(0, 256));
  return 0;
}
