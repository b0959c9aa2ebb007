#include "harness/codec/sasl/cram_md5.hpp"

#include <array>

#include "harness/codec/sasl/fields.hpp"

namespace conformance::codec::sasl {
namespace {

int lower_hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

Result<CramMd5Response> parse_cram_md5_response(std::string_view message, const Limits& limits) {
  const std::size_t space = message.rfind(' ');
  if (space == std::string_view::npos) return ParseError{message.size(), "SP between user name and digest"};
  const std::string_view username = message.substr(0, space);
  // RFC 2195 predates UTF-8 in SASL, so the name is only checked for NUL and length.
  if (auto e = check_field(username, 0, {"user name", limits.max_identity_length, false, false})) return *e;

  const std::size_t digest_at = space + 1;
  const std::string_view hex = message.substr(digest_at);
  std::string digest;
  digest.reserve(kCramMd5DigestSize);
  for (std::size_t i = 0; i < hex.size(); ++i) {
    if (i == 2 * kCramMd5DigestSize) return ParseError{digest_at + i, "end of the 32-digit digest"};
    const int value = lower_hex_value(hex[i]);
    if (value < 0) return ParseError{digest_at + i, "lower-case hex digit"};
    if (i % 2 == 0)
      digest.push_back(static_cast<char>(value << 4));
    else
      digest.back() = static_cast<char>(static_cast<unsigned char>(digest.back()) | value);
  }
  if (hex.size() != 2 * kCramMd5DigestSize) return ParseError{message.size(), "32 hex digits of digest"};
  return CramMd5Response{std::string(username), std::move(digest)};
}

std::string serialize_cram_md5_response(const CramMd5Response& response) {
  return response.username + " " + hex_lower(response.digest);
}

std::optional<std::string> cram_md5_digest(std::string_view password, std::string_view challenge) {
  return hmac(HashAlgorithm::md5, password, challenge);
}

std::optional<std::string> make_cram_md5_challenge(const RandomSource& random, std::uint64_t timestamp,
                                                   std::string_view hostname) {
  std::array<unsigned char, 8> bytes{};
  if (!random || !random(bytes)) return std::nullopt;
  std::uint64_t digits = 0;
  for (unsigned char b : bytes) digits = (digits << 8) | b;
  return "<" + std::to_string(digits) + "." + std::to_string(timestamp) + "@" + std::string(hostname) + ">";
}

std::optional<std::string> CramMd5Client::start(bool) {
  // Server-first (RFC 2195 §2): never an initial response.
  state_ = State::awaiting_challenge;
  return std::nullopt;
}

Result<std::string> CramMd5Client::respond(std::string_view challenge) {
  if (state_ != State::awaiting_challenge) return ParseError{0, "no further CRAM-MD5 challenge"};
  if (challenge.empty()) return ParseError{0, "non-empty challenge"};
  auto digest = cram_md5_digest(password_.view(), challenge);
  if (!digest) return ParseError{0, "a challenge HMAC-MD5 can be computed over (MD5 unavailable)"};
  state_ = State::responded;
  return serialize_cram_md5_response({username_, std::move(*digest)});
}

Result<Verified> CramMd5Client::complete(std::optional<std::string_view> additional_data) {
  if (state_ != State::responded) return ParseError{0, "success only after the digest was sent"};
  if (additional_data && !additional_data->empty()) return ParseError{0, "no additional data with success"};
  return Verified{};
}

ServerStep CramMd5Server::start(std::optional<std::string_view> initial_response) {
  if (state_ != State::idle) return ServerStep::failure(FailureReason::out_of_sequence, {0, "one start"});
  state_ = State::done;
  // RFC 4422 §4 point 3: a server-first mechanism has no initial response.
  if (initial_response)
    return ServerStep::failure(FailureReason::out_of_sequence, {0, "no initial response (CRAM-MD5 is server-first)"});
  if (!options_.challenge.empty()) {
    challenge_ = options_.challenge;
  } else {
    auto made = make_cram_md5_challenge(options_.random, options_.timestamp, options_.hostname);
    if (!made) return ServerStep::failure(FailureReason::unsupported, {0, "a working random source"});
    challenge_ = std::move(*made);
  }
  state_ = State::awaiting_response;
  return ServerStep::challenge(challenge_);
}

ServerStep CramMd5Server::step(std::string_view response) {
  if (state_ != State::awaiting_response)
    return ServerStep::failure(FailureReason::out_of_sequence, {0, "no further CRAM-MD5 message"});
  state_ = State::done;
  auto parsed = parse_cram_md5_response(response, options_.limits);
  if (!parsed) return ServerStep::failure(FailureReason::malformed, parsed.error());
  const std::size_t digest_at = parsed->username.size() + 1;
  const auto password = accounts_.password(parsed->username);
  if (!password) return ServerStep::failure(FailureReason::unknown_user, {0, "a known user name"});
  auto expected = cram_md5_digest(password->view(), challenge_);
  if (!expected) return ServerStep::failure(FailureReason::unsupported, {digest_at, "a digest MD5 can check"});
  if (!constant_time_equal(*expected, parsed->digest))
    return ServerStep::failure(FailureReason::invalid_credentials, {digest_at, "HMAC-MD5 of the challenge keyed with the password"});
  return ServerStep::success(Identity{parsed->username, {}});
}

}  // namespace conformance::codec::sasl
