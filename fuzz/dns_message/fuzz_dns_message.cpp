// Fuzzes the DNS message decoder, and through it the encoder, the TCP
// framing, truncation and presentation format. Properties checked:
//  - decode(encode(m)) == m, with and without name compression, and
//    encoding the re-decoded message gives the same octets again;
//  - the same input framed for TCP and fed in input-derived chunks decodes
//    to the same message, or fails with the same error two octets later;
//  - a decoded name prints to text that parses back to the same name;
//  - truncate_to_fit(m, 512) encodes within 512 octets and decodes again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/fuzz_support.hpp"
#include "harness/codec/dns/message.hpp"
#include "harness/codec/dns/presentation.hpp"
#include "harness/codec/dns/response.hpp"
#include "harness/codec/dns/tcp_framing.hpp"

namespace {

using namespace conformance::codec;
using namespace conformance::codec::dns;

bool is_size_error(const ParseError& error) { return error.expected.rfind("message of at most", 0) == 0; }

void check_tcp_framing_agrees(std::string_view input, const Result<Message>& direct) {
  if (input.size() > 65535) return;
  const std::string stream = frame_tcp_message(input).value();
  std::string buffer;
  bool finished = false;
  for (std::string_view chunk : conformance::fuzz::chunks_of(stream)) {
    FUZZ_CHECK(!finished);
    buffer += chunk;
    auto step = decode_tcp_message(buffer);
    if (step.needs_more()) {
      FUZZ_CHECK(buffer.size() < stream.size());
      FUZZ_CHECK(step.more_needed() >= 1 && step.more_needed() <= stream.size() - buffer.size());
      continue;
    }
    finished = true;
    FUZZ_CHECK(buffer.size() == stream.size());
    if (step.complete()) {
      FUZZ_CHECK(direct.ok());
      FUZZ_CHECK(step.consumed() == stream.size());
      FUZZ_CHECK(step.value() == direct.value());
    } else {
      FUZZ_CHECK(!direct.ok());
      FUZZ_CHECK(step.error().offset == direct.error().offset + 2);
      FUZZ_CHECK(step.error().expected == direct.error().expected);
    }
  }
  FUZZ_CHECK(finished);
}

void check_round_trip(const Message& message, bool compress) {
  EncodeOptions options;
  options.compress_names = compress;
  auto wire = encode_message(message, options);
  if (!wire) {
    // Only size can stop a decoded message from encoding: names that the
    // input compressed in ways this encoder does not may take more room.
    FUZZ_CHECK(is_size_error(wire.error()));
    return;
  }
  auto again = decode_message(*wire);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(*again == message);
  FUZZ_CHECK(encode_message(*again, options).value() == *wire);
}

void check_names_print_and_parse_back(const Message& message) {
  auto check = [](const DomainName& name) {
    auto parsed = DomainName::from_text(name.to_text());
    FUZZ_CHECK(parsed.ok());
    FUZZ_CHECK(*parsed == name);
  };
  for (const auto& q : message.questions) check(q.name);
  for (const auto* section : {&message.answers, &message.authorities, &message.additionals})
    for (const auto& rr : *section) check(rr.name);
}

void check_truncation(const Message& message) {
  auto fitted = truncate_to_fit(message, 512);
  if (!fitted) return;  // header, questions and OPT alone exceed 512 octets
  auto wire = encode_message(*fitted);
  FUZZ_CHECK(wire.ok());
  FUZZ_CHECK(wire->size() <= 512);
  auto again = decode_message(*wire);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->questions == message.questions);
  FUZZ_CHECK(again->edns == message.edns);
  FUZZ_CHECK(again->answers.size() <= message.answers.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = conformance::fuzz::as_view(data, size);
  const auto decoded = decode_message(input);
  check_tcp_framing_agrees(input, decoded);
  if (!decoded) {
    FUZZ_CHECK(decoded.error().offset <= input.size());
    FUZZ_CHECK(!decoded.error().expected.empty());
    return 0;
  }
  check_round_trip(*decoded, true);
  check_round_trip(*decoded, false);
  check_names_print_and_parse_back(*decoded);
  check_truncation(*decoded);
  FUZZ_CHECK(!to_text(*decoded).empty());
  const Message response = make_response(*decoded);
  auto response_wire = encode_message(response);
  FUZZ_CHECK(response_wire.ok() || is_size_error(response_wire.error()));
  return 0;
}
