// Fuzzes the POP3 response decoder. The first input byte picks the response
// shape (the decoder cannot infer it; the command does), the line-ending mode,
// the other leniencies and normal or tiny limits; the rest is a server stream
// holding one or more pipelined responses.
//
// Properties checked:
//  - feeding the stream in input-derived pieces gives exactly the same
//    sequence of outcomes (responses, anomalies, consumed counts, errors) as
//    feeding it whole;
//  - every decoded response serializes to bytes that decode to the same
//    response, taking all of them, with no anomaly the serializer could have
//    removed;
//  - the typed views (listings, capabilities, APOP timestamp) round-trip
//    whatever they accept.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/fuzz_support.hpp"
#include "harness/codec/pop3/apop.hpp"
#include "harness/codec/pop3/capabilities.hpp"
#include "harness/codec/pop3/listings.hpp"
#include "harness/codec/pop3/response_decoder.hpp"

namespace {

using namespace conformance::codec;
using namespace conformance::codec::pop3;

constexpr std::size_t kMaxResponses = 64;

struct Outcome {
  enum class Kind { done, need_more, failed };
  Kind kind = Kind::need_more;
  DecodedResponse value;
  std::size_t consumed = 0;
  ParseError error;
  bool operator==(const Outcome&) const = default;
};

Outcome outcome_of(Step<DecodedResponse>& step) {
  Outcome outcome;
  if (step.complete()) {
    outcome.kind = Outcome::Kind::done;
    outcome.value = step.value();
    outcome.consumed = step.consumed();
  } else if (step.failed()) {
    outcome.kind = Outcome::Kind::failed;
    outcome.error = step.error();
  }
  return outcome;
}

std::vector<Outcome> decode_whole(std::string_view input, ResponseShape shape, const ResponseLimits& limits) {
  std::vector<Outcome> outcomes;
  ResponseDecoder decoder(shape, limits);
  std::size_t at = 0;
  while (outcomes.size() < kMaxResponses) {
    auto step = decoder.decode(input.substr(at));
    outcomes.push_back(outcome_of(step));
    if (!step.complete()) break;
    FUZZ_CHECK(step.consumed() > 0 && step.consumed() <= input.size() - at);
    at += step.consumed();
  }
  return outcomes;
}

std::vector<Outcome> decode_chunked(std::string_view input, ResponseShape shape, const ResponseLimits& limits) {
  std::vector<Outcome> outcomes;
  ResponseDecoder decoder(shape, limits);
  std::size_t at = 0;
  std::size_t available = 0;
  for (std::string_view piece : conformance::fuzz::chunks_of(input)) {
    available += piece.size();
    while (outcomes.size() < kMaxResponses) {
      auto step = decoder.decode(input.substr(at, available - at));
      if (step.needs_more()) break;
      outcomes.push_back(outcome_of(step));
      if (step.failed()) return outcomes;
      at += step.consumed();
    }
    if (outcomes.size() >= kMaxResponses) return outcomes;
  }
  // Whatever is left is an unfinished response (possibly empty).
  auto step = decoder.decode(input.substr(at, available - at));
  outcomes.push_back(outcome_of(step));
  return outcomes;
}

bool serializer_could_have_removed(AnomalyKind kind) {
  switch (kind) {
    case AnomalyKind::bare_lf_line_end:
    case AnomalyKind::status_not_uppercase:
    case AnomalyKind::unstuffed_dot_line:
    case AnomalyKind::continuation_without_space:
      return true;
    case AnomalyKind::bare_lf_in_line:
    case AnomalyKind::bare_cr_in_line:
    case AnomalyKind::nul_in_line:
    case AnomalyKind::invalid_base64_challenge:
    case AnomalyKind::malformed_response_code:
      return false;
  }
  return true;
}

void check_round_trip(const DecodedResponse& decoded, ResponseShape shape, ResponseLimits limits) {
  const std::string wire = serialize(decoded.response);
  // Canonical bytes may be a little longer than what was parsed ("[X]text"
  // gains a SP, a bare LF line end becomes CRLF), so the caps are relaxed.
  limits.max_line_length = limits.max_line_length * 2 + 16;
  limits.max_message_line_length = limits.max_message_line_length * 2 + 16;
  limits.max_challenge_line_length = limits.max_challenge_line_length * 2 + 16;
  limits.max_body_size = limits.max_body_size * 2 + 16;
  limits.max_anomalies = 1024;
  auto again = decode_response(wire, shape, limits);
  FUZZ_CHECK(again.complete());
  FUZZ_CHECK(again.consumed() == wire.size());
  FUZZ_CHECK(again.value().response == decoded.response);
  for (const auto& anomaly : again.value().anomalies) FUZZ_CHECK(!serializer_could_have_removed(anomaly.kind));
}

template <class T, class Parse>
void check_view(const Result<T>& parsed, Parse parse_again) {
  if (!parsed) return;
  auto again = parse_again(serialize(*parsed));
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(*again == *parsed);
}

void check_views(const Response& response) {
  check_view(parse_drop_listing(response.text), [](const std::string& text) { return parse_drop_listing(text); });
  check_view(parse_scan_listing(response.text), [](const std::string& text) { return parse_scan_listing(text); });
  check_view(parse_unique_id_listing(response.text),
             [](const std::string& text) { return parse_unique_id_listing(text); });
  if (auto timestamp = apop_timestamp(response.text)) {
    FUZZ_CHECK(timestamp->size() >= 5 && timestamp->front() == '<' && timestamp->back() == '>');
    FUZZ_CHECK(apop_digest(*timestamp, "secret").size() == 32);
  }
  if (!response.body) return;
  const auto& lines = *response.body;
  check_view(parse_scan_listings(lines), [](const std::vector<std::string>& l) { return parse_scan_listings(l); });
  check_view(parse_unique_id_listings(lines),
             [](const std::vector<std::string>& l) { return parse_unique_id_listings(l); });
  if (auto capabilities = parse_capabilities(lines)) {
    auto again = parse_capabilities(serialize(*capabilities));
    FUZZ_CHECK(again.ok() && *again == *capabilities);
    (void)capabilities->sasl_mechanisms();
    (void)capabilities->login_delay();
    (void)capabilities->expire();
    (void)capabilities->implementation();
    (void)capabilities->utf8_user();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  const std::string_view input = conformance::fuzz::as_view(data + 1, size - 1);

  const auto shape = static_cast<ResponseShape>(selector % 4);
  ResponseLimits limits;
  limits.ending = (selector & 0x04) != 0 ? LineEnding::crlf_or_bare_lf : LineEnding::crlf_only;
  limits.malformed_code_is_text = (selector & 0x08) != 0;
  limits.accept_lowercase_status = (selector & 0x20) != 0;
  limits.accept_continuation_without_space = (selector & 0x20) != 0;
  if ((selector & 0x10) != 0) {
    // Tiny limits, so that every cap is reachable with small inputs.
    limits.max_line_length = 24;
    limits.max_message_line_length = 40;
    limits.max_challenge_line_length = 48;
    limits.max_body_size = 96;
    limits.max_body_lines = 6;
    limits.max_anomalies = 3;
  }

  const auto whole = decode_whole(input, shape, limits);
  const auto chunked = decode_chunked(input, shape, limits);
  FUZZ_CHECK(whole == chunked);

  for (const auto& outcome : whole) {
    if (outcome.kind != Outcome::Kind::done) continue;
    FUZZ_CHECK(outcome.value.anomalies.size() <= limits.max_anomalies);
    FUZZ_CHECK(outcome.value.response.body.has_value() ==
               (outcome.value.response.status == Status::ok &&
                (shape == ResponseShape::multi_line_listing || shape == ResponseShape::multi_line_message)));
    check_round_trip(outcome.value, shape, limits);
    check_views(outcome.value.response);
  }
  return 0;
}
