// CRAM-MD5 (RFC 2195): the server sends a challenge in msg-id form,
// "<random.timestamp@host>", and the client answers
// "user SP hex(HMAC-MD5(password, challenge))", the digest "in hexadecimal
// format, using lower-case ASCII characters" (RFC 2195 §2). The server must
// keep the plain password to check it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"
#include "harness/codec/sasl/accounts.hpp"
#include "harness/codec/sasl/crypto.hpp"
#include "harness/codec/sasl/exchange.hpp"
#include "harness/codec/sasl/limits.hpp"
#include "harness/codec/sasl/secret.hpp"

namespace conformance::codec::sasl {

inline constexpr std::size_t kCramMd5DigestSize = 16;

struct CramMd5Response {
  std::string username;
  std::string digest;  // the 16 raw bytes
  friend bool operator==(const CramMd5Response&, const CramMd5Response&) = default;
};

// The user name is everything before the last SP (names may contain spaces).
Result<CramMd5Response> parse_cram_md5_response(std::string_view message, const Limits& limits = {});
std::string serialize_cram_md5_response(const CramMd5Response& response);

// HMAC-MD5 keyed with the password over the challenge, as raw bytes.
std::optional<std::string> cram_md5_digest(std::string_view password, std::string_view challenge);

// "<digits.timestamp@hostname>", the digits from 8 random bytes. The caller
// supplies the timestamp, since the codec has no clock.
std::optional<std::string> make_cram_md5_challenge(const RandomSource& random, std::uint64_t timestamp,
                                                   std::string_view hostname);

class CramMd5Client final : public ClientMechanism {
 public:
  CramMd5Client(std::string username, Secret password)
      : username_(std::move(username)), password_(std::move(password)) {}
  Mechanism mechanism() const override { return Mechanism::cram_md5; }
  std::optional<std::string> start(bool initial_response_allowed = true) override;
  Result<std::string> respond(std::string_view challenge) override;
  Result<Verified> complete(std::optional<std::string_view> additional_data = std::nullopt) override;

 private:
  enum class State { idle, awaiting_challenge, responded };
  std::string username_;
  Secret password_;
  State state_ = State::idle;
};

struct CramMd5ServerOptions {
  std::string hostname = "localhost";
  std::uint64_t timestamp = 0;
  RandomSource random = system_random();
  std::string challenge;  // when set, sent verbatim (to replay RFC 2195's example)
  Limits limits;
};

class CramMd5Server final : public ServerMechanism {
 public:
  explicit CramMd5Server(const Accounts& accounts, CramMd5ServerOptions options = {})
      : accounts_(accounts), options_(std::move(options)) {}
  Mechanism mechanism() const override { return Mechanism::cram_md5; }
  ServerStep start(std::optional<std::string_view> initial_response) override;
  ServerStep step(std::string_view response) override;
  const std::string& challenge() const { return challenge_; }

 private:
  enum class State { idle, awaiting_response, done };
  const Accounts& accounts_;
  CramMd5ServerOptions options_;
  State state_ = State::idle;
  std::string challenge_;
};

}  // namespace conformance::codec::sasl
