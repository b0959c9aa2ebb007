// XOAUTH2, Google's bearer-token mechanism (developers.google.com/gmail/imap/xoauth2-protocol):
//   "user=" user ^A "auth=Bearer " token ^A ^A
// On a refused token the server sends a JSON error (oauth_error.hpp) as a
// challenge, the client answers with an empty response, and the server
// then fails the exchange.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"
#include "harness/codec/sasl/accounts.hpp"
#include "harness/codec/sasl/exchange.hpp"
#include "harness/codec/sasl/limits.hpp"
#include "harness/codec/sasl/oauth_error.hpp"
#include "harness/codec/sasl/secret.hpp"

namespace conformance::codec::sasl {

struct Xoauth2Message {
  std::string user;
  Secret token;  // without the "Bearer " scheme
  friend bool operator==(const Xoauth2Message&, const Xoauth2Message&) = default;
};

// The scheme matches case-insensitively (HTTP auth-scheme, RFC 7235 §2.1);
// the token is 1*VCHAR.
Result<Xoauth2Message> parse_xoauth2(std::string_view message, const Limits& limits = {});
std::string serialize_xoauth2(const Xoauth2Message& message);

class Xoauth2Client final : public ClientMechanism {
 public:
  explicit Xoauth2Client(Xoauth2Message credentials) : credentials_(std::move(credentials)) {}
  Mechanism mechanism() const override { return Mechanism::xoauth2; }
  std::optional<std::string> start(bool initial_response_allowed = true) override;
  Result<std::string> respond(std::string_view challenge) override;
  Result<Verified> complete(std::optional<std::string_view> additional_data = std::nullopt) override;

  // The server's error challenge, raw and (when it is valid JSON) parsed.
  const std::optional<std::string>& server_error_text() const { return server_error_text_; }
  const std::optional<OAuthError>& server_error() const { return server_error_; }

 private:
  enum class State { idle, awaiting_empty_challenge, sent, error_acknowledged };
  Xoauth2Message credentials_;
  State state_ = State::idle;
  std::optional<std::string> server_error_text_;
  std::optional<OAuthError> server_error_;
};

struct Xoauth2ServerOptions {
  OAuthError error{"401", std::nullopt, std::nullopt, {{"schemes", "bearer"}}};
  Limits limits;
};

class Xoauth2Server final : public ServerMechanism {
 public:
  explicit Xoauth2Server(const Accounts& accounts, Xoauth2ServerOptions options = {})
      : accounts_(accounts), options_(std::move(options)) {}
  Mechanism mechanism() const override { return Mechanism::xoauth2; }
  ServerStep start(std::optional<std::string_view> initial_response) override;
  ServerStep step(std::string_view response) override;

 private:
  ServerStep verify(std::string_view message);
  enum class State { idle, awaiting_message, awaiting_error_ack, done };
  const Accounts& accounts_;
  Xoauth2ServerOptions options_;
  State state_ = State::idle;
  FailureReason pending_reason_ = FailureReason::invalid_credentials;
  ParseError pending_error_;
};

}  // namespace conformance::codec::sasl
