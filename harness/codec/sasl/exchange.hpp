// The state-machine interfaces every mechanism implements, so that a test
// client and a fake server can drive any mechanism the same way. Messages
// are the decoded bytes; wire.hpp turns them into base64 lines.
//
// A client exchange:
//   auto first = client.start(protocol_allows_initial_response);
//   // send AUTH <mechanism> [encode_initial_response(*first)]
//   // for each challenge: client.respond(challenge) -> response (or cancel "*" on error)
//   // on the server's success reply: client.complete(additional data, if any)
//
// A server exchange:
//   ServerStep s = server.start(initial response or nullopt);
//   while (s.kind == ServerStep::Kind::challenge) s = server.step(next client line's data);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "harness/codec/common/result.hpp"
#include "harness/codec/sasl/mechanism.hpp"

namespace conformance::codec::sasl {

// Who authenticated (authcid) and the identity they asked to act as
// (authzid, RFC 4422 §2), empty when none was requested.
struct Identity {
  std::string authcid;
  std::string authzid;
  friend bool operator==(const Identity&, const Identity&) = default;
};

// Why a server exchange failed. The protocol layer maps them to replies
// (e.g. SMTP 535 vs 501); a harness reports them as findings.
enum class FailureReason {
  malformed,                 // a client message broke the mechanism's syntax
  unsupported,               // a feature the server does not do (m=, p= without channel binding)
  unknown_user,
  invalid_credentials,       // wrong password, digest, proof or token
  authorization_denied,      // authcid may not act as the requested authzid
  channel_binding_mismatch,  // SCRAM c= differs from what the server saw (RFC 5802 §6)
  nonce_mismatch,            // SCRAM r= differs from the nonce the server sent
  out_of_sequence,           // a message the mechanism does not expect at this point
};

std::string_view to_string(FailureReason reason);

// What a server mechanism wants to happen next.
struct ServerStep {
  enum class Kind { challenge, success, failure };
  Kind kind = Kind::failure;
  // challenge: the bytes to send. success: additional data with success
  // (RFC 4422 §3.6), meaningful when has_additional_data. failure: the
  // mechanism's own error message (SCRAM "e=...", RFC 5802 §7), possibly
  // empty, which a server may send as a last challenge before failing.
  std::string data;
  bool has_additional_data = false;
  Identity identity;  // success only
  FailureReason reason = FailureReason::malformed;  // failure only
  ParseError error;   // failure only: offset into the offending client message, and what was expected

  static ServerStep challenge(std::string bytes);
  static ServerStep success(Identity who, std::optional<std::string> additional_data = std::nullopt);
  static ServerStep failure(FailureReason why, ParseError where, std::string error_message = {});

  bool is_challenge() const { return kind == Kind::challenge; }
  bool is_success() const { return kind == Kind::success; }
  bool is_failure() const { return kind == Kind::failure; }
};

// The client's acceptance of the server's success (see ClientMechanism::complete).
struct Verified {
  friend bool operator==(const Verified&, const Verified&) = default;
};

class ClientMechanism {
 public:
  virtual ~ClientMechanism() = default;
  virtual Mechanism mechanism() const = 0;

  // Begins the exchange. When `initial_response_allowed` and the mechanism
  // speaks first, returns the initial response (possibly empty: send "=");
  // otherwise nullopt, and the first message goes in answer to the server's
  // first (for client-first mechanisms, empty) challenge.
  virtual std::optional<std::string> start(bool initial_response_allowed = true) = 0;

  // Answers one decoded challenge. An error means the client must abandon
  // the exchange (send "*"); it says where the challenge went wrong.
  virtual Result<std::string> respond(std::string_view challenge) = 0;

  // The server reported success, with its additional data if the protocol
  // carried any. Fails when success is not legitimate here, e.g. SCRAM
  // before the server proved it knows the password (RFC 5802 §5).
  virtual Result<Verified> complete(std::optional<std::string_view> additional_data = std::nullopt) = 0;
};

class ServerMechanism {
 public:
  virtual ~ServerMechanism() = default;
  virtual Mechanism mechanism() const = 0;

  // The client's AUTH command, with its decoded initial response if it sent one.
  virtual ServerStep start(std::optional<std::string_view> initial_response) = 0;
  // One decoded client response (the protocol layer handles "*" itself).
  virtual ServerStep step(std::string_view response) = 0;
};

// A server mechanism whose whole exchange is one client message, sent as
// the initial response or after an empty challenge (PLAIN, EXTERNAL).
class OneMessageServer : public ServerMechanism {
 public:
  ServerStep start(std::optional<std::string_view> initial_response) final;
  ServerStep step(std::string_view response) final;

 protected:
  // Judges the client's message; called at most once.
  virtual ServerStep verify(std::string_view message) = 0;

 private:
  enum class State { idle, awaiting_message, done };
  ServerStep finish(std::string_view message);
  State state_ = State::idle;
};

}  // namespace conformance::codec::sasl
