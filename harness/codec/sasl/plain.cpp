#include "harness/codec/sasl/plain.hpp"

#include "harness/codec/sasl/fields.hpp"

namespace conformance::codec::sasl {

Result<PlainMessage> parse_plain(std::string_view message, const Limits& limits) {
  // message = [authzid] UTF8NUL authcid UTF8NUL passwd  (RFC 4616 §2)
  const std::size_t first = message.find('\0');
  if (first == std::string_view::npos) return ParseError{message.size(), "NUL after authzid"};
  const std::size_t second = message.find('\0', first + 1);
  if (second == std::string_view::npos) return ParseError{message.size(), "NUL after authcid"};

  const std::string_view authzid = message.substr(0, first);
  const std::string_view authcid = message.substr(first + 1, second - first - 1);
  const std::string_view password = message.substr(second + 1);
  if (auto e = check_field(authzid, 0, {"authzid", limits.max_identity_length, true})) return *e;
  if (auto e = check_field(authcid, first + 1, {"authcid", limits.max_identity_length})) return *e;
  if (auto e = check_field(password, second + 1, {"password", limits.max_password_length})) return *e;
  return PlainMessage{std::string(authzid), std::string(authcid), Secret(password)};
}

std::string serialize_plain(const PlainMessage& message) {
  std::string out;
  out.reserve(message.authzid.size() + message.authcid.size() + message.password.size() + 2);
  out += message.authzid;
  out.push_back('\0');
  out += message.authcid;
  out.push_back('\0');
  out += message.password.view();
  return out;
}

std::optional<std::string> PlainClient::start(bool initial_response_allowed) {
  if (!initial_response_allowed) {
    state_ = State::awaiting_empty_challenge;
    return std::nullopt;
  }
  state_ = State::sent;
  return serialize_plain(credentials_);
}

Result<std::string> PlainClient::respond(std::string_view challenge) {
  if (state_ != State::awaiting_empty_challenge)
    return ParseError{0, "no challenge: PLAIN has a single client message"};
  // RFC 4422 §5: a client-first mechanism's first challenge carries no data.
  if (!challenge.empty()) return ParseError{0, "empty challenge (PLAIN speaks first)"};
  state_ = State::sent;
  return serialize_plain(credentials_);
}

Result<Verified> PlainClient::complete(std::optional<std::string_view> additional_data) {
  if (state_ != State::sent) return ParseError{0, "success only after the PLAIN message was sent"};
  if (additional_data && !additional_data->empty()) return ParseError{0, "no additional data with success"};
  return Verified{};
}

ServerStep PlainServer::verify(std::string_view message) {
  auto parsed = parse_plain(message, limits_);
  if (!parsed) return ServerStep::failure(FailureReason::malformed, parsed.error());
  const std::size_t authcid_at = parsed->authzid.size() + 1;
  const std::size_t password_at = authcid_at + parsed->authcid.size() + 1;
  const auto expected = accounts_.password(parsed->authcid);
  if (!expected) return ServerStep::failure(FailureReason::unknown_user, {authcid_at, "a known authcid"});
  if (!(*expected == parsed->password))
    return ServerStep::failure(FailureReason::invalid_credentials, {password_at, "the user's password"});
  if (!accounts_.may_act_as(parsed->authcid, parsed->authzid))
    return ServerStep::failure(FailureReason::authorization_denied, {0, "an authzid the authcid may act as"});
  return ServerStep::success(Identity{parsed->authcid, parsed->authzid});
}

}  // namespace conformance::codec::sasl
