// OAUTHBEARER (RFC 7628):
//   client-resp = (gs2-header kvsep *kvpair kvsep) / kvsep
//   kvpair      = key "=" value kvsep,  kvsep = %x01
// with auth=Bearer <b64token> required (RFC 6750 §2.1) and host= / port=
// optional (§3.1). Unknown keys are kept, and ignored by the server as
// §3.1 requires. The mechanism defines no channel binding, so "p=" is
// refused. On a refused token the server sends the §3.2.2 JSON error as a
// challenge, the client answers with the lone kvsep (§3.2.3), and the
// server fails the exchange.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/sasl/accounts.hpp"
#include "harness/codec/sasl/exchange.hpp"
#include "harness/codec/sasl/gs2.hpp"
#include "harness/codec/sasl/limits.hpp"
#include "harness/codec/sasl/oauth_error.hpp"
#include "harness/codec/sasl/secret.hpp"

namespace conformance::codec::sasl {

// The client's answer to the error challenge.
inline constexpr std::string_view kOAuthBearerDummyResponse = "\x01";

struct OAuthBearerMessage {
  Gs2Header gs2;  // authzid = the user to act as (a=)
  std::optional<std::string> host;
  std::optional<std::uint16_t> port;
  Secret token;  // the b64token, without "Bearer "
  std::vector<std::pair<std::string, std::string>> extensions;  // other kvpairs, in order
  friend bool operator==(const OAuthBearerMessage&, const OAuthBearerMessage&) = default;
};

Result<OAuthBearerMessage> parse_oauthbearer(std::string_view message, const Limits& limits = {});
// host, port, auth, then the other pairs, as in RFC 7628 §4.1.
std::string serialize_oauthbearer(const OAuthBearerMessage& message);

class OAuthBearerClient final : public ClientMechanism {
 public:
  explicit OAuthBearerClient(OAuthBearerMessage credentials) : credentials_(std::move(credentials)) {}
  Mechanism mechanism() const override { return Mechanism::oauthbearer; }
  std::optional<std::string> start(bool initial_response_allowed = true) override;
  Result<std::string> respond(std::string_view challenge) override;
  Result<Verified> complete(std::optional<std::string_view> additional_data = std::nullopt) override;

  // The server's error challenge, when it sent one; nullopt also when it was not valid JSON.
  const std::optional<OAuthError>& server_error() const { return server_error_; }
  bool server_sent_error() const { return state_ == State::error_acknowledged; }

 private:
  enum class State { idle, awaiting_empty_challenge, sent, error_acknowledged };
  OAuthBearerMessage credentials_;
  State state_ = State::idle;
  std::optional<OAuthError> server_error_;
};

struct OAuthBearerServerOptions {
  OAuthError error{"invalid_token", std::nullopt, std::nullopt, {}};
  Limits limits;
};

class OAuthBearerServer final : public ServerMechanism {
 public:
  explicit OAuthBearerServer(const Accounts& accounts, OAuthBearerServerOptions options = {})
      : accounts_(accounts), options_(std::move(options)) {}
  Mechanism mechanism() const override { return Mechanism::oauthbearer; }
  ServerStep start(std::optional<std::string_view> initial_response) override;
  ServerStep step(std::string_view response) override;

 private:
  ServerStep verify(std::string_view message);
  enum class State { idle, awaiting_message, awaiting_dummy, done };
  const Accounts& accounts_;
  OAuthBearerServerOptions options_;
  State state_ = State::idle;
  FailureReason pending_reason_ = FailureReason::invalid_credentials;
  ParseError pending_error_;
};

}  // namespace conformance::codec::sasl
