// The client side of SCRAM-SHA-1 and SCRAM-SHA-256, with or without
// channel binding (RFC 5802, RFC 7677). It checks that the server's nonce
// extends its own, that the iteration count is within Limits, and, before
// accepting success, that the server's signature proves it knows the
// password (RFC 5802 §5 and §9).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "harness/codec/sasl/crypto.hpp"
#include "harness/codec/sasl/exchange.hpp"
#include "harness/codec/sasl/gs2.hpp"
#include "harness/codec/sasl/limits.hpp"
#include "harness/codec/sasl/scram_keys.hpp"
#include "harness/codec/sasl/secret.hpp"

namespace conformance::codec::sasl {

struct ScramClientOptions {
  HashAlgorithm hash = HashAlgorithm::sha256;  // sha1 or sha256
  std::string username;
  Secret password;  // used as given: no SASLprep
  std::string authzid;
  // Set: bind to the channel ("p=", the -PLUS mechanism). Unset: "y" when
  // client_supports_channel_binding (the client could bind but the server
  // did not offer -PLUS), else "n" (RFC 5802 §6).
  std::optional<ChannelBinding> channel_binding;
  bool client_supports_channel_binding = false;
  std::string nonce;  // set: the client nonce to use (to replay published exchanges)
  RandomSource random = system_random();
  Limits limits;
};

class ScramClient final : public ClientMechanism {
 public:
  explicit ScramClient(ScramClientOptions options) : options_(std::move(options)) {}
  Mechanism mechanism() const override;
  std::optional<std::string> start(bool initial_response_allowed = true) override;
  Result<std::string> respond(std::string_view challenge) override;
  Result<Verified> complete(std::optional<std::string_view> additional_data = std::nullopt) override;

  // The server's "e=" value, when its final message was an error.
  const std::optional<std::string>& server_error() const { return server_error_; }
  bool server_verified() const { return state_ == State::verified; }

 private:
  Result<std::string> take_server_first(std::string_view message);
  Result<std::string> take_server_final(std::string_view message);

  enum class State { idle, awaiting_empty_challenge, awaiting_server_first, awaiting_server_final, verified, failed };
  ScramClientOptions options_;
  State state_ = State::idle;
  std::string gs2_header_;
  std::string client_first_;
  std::string client_first_bare_;
  std::string client_nonce_;
  std::string expected_server_signature_;
  std::optional<std::string> server_error_;
};

}  // namespace conformance::codec::sasl
