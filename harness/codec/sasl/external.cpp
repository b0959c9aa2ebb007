#include "harness/codec/sasl/external.hpp"

#include "harness/codec/sasl/fields.hpp"

namespace conformance::codec::sasl {

Result<ExternalMessage> parse_external(std::string_view message, const Limits& limits) {
  // external-resp = *( UTF8-char-no-nul )  (RFC 4422 Appendix A.1)
  if (auto e = check_field(message, 0, {"authzid", limits.max_identity_length, true})) return *e;
  return ExternalMessage{std::string(message)};
}

std::string serialize_external(const ExternalMessage& message) { return message.authzid; }

std::optional<std::string> ExternalClient::start(bool initial_response_allowed) {
  if (!initial_response_allowed) {
    state_ = State::awaiting_empty_challenge;
    return std::nullopt;
  }
  state_ = State::sent;
  return authzid_;
}

Result<std::string> ExternalClient::respond(std::string_view challenge) {
  if (state_ != State::awaiting_empty_challenge) return ParseError{0, "no challenge: EXTERNAL has one client message"};
  if (!challenge.empty()) return ParseError{0, "empty challenge (EXTERNAL speaks first)"};
  state_ = State::sent;
  return authzid_;
}

Result<Verified> ExternalClient::complete(std::optional<std::string_view> additional_data) {
  if (state_ != State::sent) return ParseError{0, "success only after the EXTERNAL message was sent"};
  if (additional_data && !additional_data->empty()) return ParseError{0, "no additional data with success"};
  return Verified{};
}

ServerStep ExternalServer::verify(std::string_view message) {
  auto parsed = parse_external(message, limits_);
  if (!parsed) return ServerStep::failure(FailureReason::malformed, parsed.error());
  const auto identity = accounts_.external_identity();
  if (!identity)
    return ServerStep::failure(FailureReason::invalid_credentials, {0, "an identity established outside SASL"});
  if (!accounts_.may_act_as(*identity, parsed->authzid))
    return ServerStep::failure(FailureReason::authorization_denied, {0, "an authzid the external identity may act as"});
  return ServerStep::success(Identity{*identity, parsed->authzid});
}

}  // namespace conformance::codec::sasl
