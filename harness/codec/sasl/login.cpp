#include "harness/codec/sasl/login.hpp"

#include "harness/codec/sasl/fields.hpp"

namespace conformance::codec::sasl {

Result<std::string> parse_login_username(std::string_view message, const Limits& limits) {
  if (auto e = check_field(message, 0, {"user name", limits.max_identity_length})) return *e;
  return std::string(message);
}

Result<Secret> parse_login_password(std::string_view message, const Limits& limits) {
  if (auto e = check_field(message, 0, {"password", limits.max_password_length})) return *e;
  return Secret(message);
}

std::optional<std::string> LoginClient::start(bool initial_response_allowed) {
  if (initial_response_allowed && options_.send_username_as_initial_response) {
    state_ = State::awaiting_password_prompt;
    return options_.username;
  }
  state_ = State::awaiting_username_prompt;
  return std::nullopt;
}

Result<std::string> LoginClient::respond(std::string_view) {
  switch (state_) {
    case State::awaiting_username_prompt:
      state_ = State::awaiting_password_prompt;
      return options_.username;
    case State::awaiting_password_prompt:
      state_ = State::sent_password;
      return std::string(options_.password.view());
    case State::idle:
      return ParseError{0, "no challenge before start"};
    case State::sent_password:
      break;
  }
  return ParseError{0, "no third LOGIN challenge"};
}

Result<Verified> LoginClient::complete(std::optional<std::string_view> additional_data) {
  if (state_ != State::sent_password) return ParseError{0, "success only after the password was sent"};
  if (additional_data && !additional_data->empty()) return ParseError{0, "no additional data with success"};
  return Verified{};
}

ServerStep LoginServer::start(std::optional<std::string_view> initial_response) {
  if (state_ != State::idle) return ServerStep::failure(FailureReason::out_of_sequence, {0, "one start"});
  if (initial_response) return take_username(*initial_response);
  state_ = State::awaiting_username;
  return ServerStep::challenge(options_.username_prompt);
}

ServerStep LoginServer::step(std::string_view response) {
  switch (state_) {
    case State::awaiting_username:
      return take_username(response);
    case State::awaiting_password:
      return take_password(response);
    case State::idle:
    case State::done:
      break;
  }
  return ServerStep::failure(FailureReason::out_of_sequence, {0, "no further LOGIN message"});
}

ServerStep LoginServer::take_username(std::string_view message) {
  auto username = parse_login_username(message, options_.limits);
  if (!username) {
    state_ = State::done;
    return ServerStep::failure(FailureReason::malformed, username.error());
  }
  username_ = std::move(*username);
  state_ = State::awaiting_password;
  return ServerStep::challenge(options_.password_prompt);
}

ServerStep LoginServer::take_password(std::string_view message) {
  state_ = State::done;
  auto password = parse_login_password(message, options_.limits);
  if (!password) return ServerStep::failure(FailureReason::malformed, password.error());
  const auto expected = accounts_.password(username_);
  if (!expected) return ServerStep::failure(FailureReason::unknown_user, {0, "a known user name"});
  if (!(*expected == *password)) return ServerStep::failure(FailureReason::invalid_credentials, {0, "the user's password"});
  return ServerStep::success(Identity{username_, {}});
}

}  // namespace conformance::codec::sasl
