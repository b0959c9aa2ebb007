#include "harness/codec/sasl/xoauth2.hpp"

#include "harness/codec/sasl/fields.hpp"
#include "harness/codec/sasl/text.hpp"

namespace conformance::codec::sasl {

Result<Xoauth2Message> parse_xoauth2(std::string_view message, const Limits& limits) {
  if (message.size() > limits.max_message_length)
    return ParseError{limits.max_message_length,
                      "message of at most " + std::to_string(limits.max_message_length) + " octets"};
  constexpr std::string_view kUser = "user=";
  constexpr std::string_view kAuth = "auth=";
  if (message.substr(0, kUser.size()) != kUser) return ParseError{0, "\"user=\""};
  const std::size_t user_at = kUser.size();
  const std::size_t user_end = message.find('\x01', user_at);
  if (user_end == std::string_view::npos) return ParseError{message.size(), "^A after the user"};
  const std::string_view user = message.substr(user_at, user_end - user_at);
  if (auto e = check_field(user, user_at, {"user", limits.max_identity_length})) return *e;

  const std::size_t auth_at = user_end + 1;
  if (message.substr(auth_at, kAuth.size()) != kAuth) return ParseError{auth_at, "\"auth=\""};
  const std::size_t scheme_at = auth_at + kAuth.size();
  if (!ascii_iequal(message.substr(scheme_at, 6), "Bearer")) return ParseError{scheme_at, "\"Bearer\" scheme"};
  const std::size_t space_at = scheme_at + 6;
  if (space_at >= message.size() || message[space_at] != ' ') return ParseError{space_at, "SP after Bearer"};
  const std::size_t token_at = space_at + 1;
  std::size_t at = token_at;
  while (at < message.size() && is_vchar(message[at])) ++at;
  if (at == token_at) return ParseError{at, "bearer token"};
  const std::string_view token = message.substr(token_at, at - token_at);
  if (at >= message.size() || message[at] != '\x01') return ParseError{at, "^A after the token"};
  if (at + 1 >= message.size() || message[at + 1] != '\x01') return ParseError{at + 1, "final ^A"};
  if (at + 2 != message.size()) return ParseError{at + 2, "end of message"};
  return Xoauth2Message{std::string(user), Secret(token)};
}

std::string serialize_xoauth2(const Xoauth2Message& message) {
  std::string out = "user=" + message.user + "\x01" "auth=Bearer ";
  out += message.token.view();
  out += "\x01\x01";
  return out;
}

std::optional<std::string> Xoauth2Client::start(bool initial_response_allowed) {
  if (!initial_response_allowed) {
    state_ = State::awaiting_empty_challenge;
    return std::nullopt;
  }
  state_ = State::sent;
  return serialize_xoauth2(credentials_);
}

Result<std::string> Xoauth2Client::respond(std::string_view challenge) {
  switch (state_) {
    case State::awaiting_empty_challenge:
      if (!challenge.empty()) return ParseError{0, "empty challenge (XOAUTH2 speaks first)"};
      state_ = State::sent;
      return serialize_xoauth2(credentials_);
    case State::sent: {
      // Any challenge now is the server's error; the answer is empty.
      server_error_text_ = std::string(challenge);
      auto parsed = parse_oauth_error(challenge);
      if (parsed) server_error_ = std::move(*parsed);
      state_ = State::error_acknowledged;
      return std::string();
    }
    case State::idle:
      return ParseError{0, "no challenge before start"};
    case State::error_acknowledged:
      break;
  }
  return ParseError{0, "no challenge after the error challenge"};
}

Result<Verified> Xoauth2Client::complete(std::optional<std::string_view> additional_data) {
  if (state_ != State::sent) return ParseError{0, "success only after the token was sent and not refused"};
  if (additional_data && !additional_data->empty()) return ParseError{0, "no additional data with success"};
  return Verified{};
}

ServerStep Xoauth2Server::start(std::optional<std::string_view> initial_response) {
  if (state_ != State::idle) return ServerStep::failure(FailureReason::out_of_sequence, {0, "one start"});
  if (initial_response) return verify(*initial_response);
  state_ = State::awaiting_message;
  return ServerStep::challenge({});
}

ServerStep Xoauth2Server::step(std::string_view response) {
  switch (state_) {
    case State::awaiting_message:
      return verify(response);
    case State::awaiting_error_ack:
      state_ = State::done;
      if (!response.empty())
        return ServerStep::failure(FailureReason::malformed, {0, "empty response to the error challenge"});
      return ServerStep::failure(pending_reason_, pending_error_);
    case State::idle:
    case State::done:
      break;
  }
  return ServerStep::failure(FailureReason::out_of_sequence, {0, "no further XOAUTH2 message"});
}

ServerStep Xoauth2Server::verify(std::string_view message) {
  state_ = State::done;
  auto parsed = parse_xoauth2(message, options_.limits);
  if (!parsed) return ServerStep::failure(FailureReason::malformed, parsed.error());
  const std::size_t token_at = message.find('\x01') + 1 + 12;  // after "auth=Bearer "
  const auto owner = accounts_.bearer_token_owner(parsed->token.view());
  if (!owner || !accounts_.may_act_as(*owner, parsed->user)) {
    pending_reason_ = owner ? FailureReason::authorization_denied : FailureReason::invalid_credentials;
    pending_error_ = owner ? ParseError{5, "a user the token's owner may act as"}
                           : ParseError{token_at, "a valid bearer token"};
    state_ = State::awaiting_error_ack;
    return ServerStep::challenge(serialize_oauth_error(options_.error));
  }
  return ServerStep::success(Identity{*owner, *owner == parsed->user ? std::string() : parsed->user});
}

}  // namespace conformance::codec::sasl
