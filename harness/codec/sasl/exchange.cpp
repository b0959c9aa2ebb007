#include "harness/codec/sasl/exchange.hpp"

#include <string>

#include "harness/codec/sasl/mechanism.hpp"

namespace conformance::codec::sasl {

std::string_view to_string(FailureReason reason) {
  switch (reason) {
    case FailureReason::malformed:
      return "malformed";
    case FailureReason::unsupported:
      return "unsupported";
    case FailureReason::unknown_user:
      return "unknown user";
    case FailureReason::invalid_credentials:
      return "invalid credentials";
    case FailureReason::authorization_denied:
      return "authorization denied";
    case FailureReason::channel_binding_mismatch:
      return "channel binding mismatch";
    case FailureReason::nonce_mismatch:
      return "nonce mismatch";
    case FailureReason::out_of_sequence:
      return "out of sequence";
  }
  return "";
}

ServerStep ServerStep::challenge(std::string bytes) {
  ServerStep s;
  s.kind = Kind::challenge;
  s.data = std::move(bytes);
  return s;
}

ServerStep ServerStep::success(Identity who, std::optional<std::string> additional_data) {
  ServerStep s;
  s.kind = Kind::success;
  s.identity = std::move(who);
  if (additional_data) {
    s.data = std::move(*additional_data);
    s.has_additional_data = true;
  }
  return s;
}

ServerStep ServerStep::failure(FailureReason why, ParseError where, std::string error_message) {
  ServerStep s;
  s.kind = Kind::failure;
  s.reason = why;
  s.error = std::move(where);
  s.data = std::move(error_message);
  return s;
}

}  // namespace conformance::codec::sasl

namespace conformance::codec::sasl {

ServerStep OneMessageServer::start(std::optional<std::string_view> initial_response) {
  if (state_ != State::idle) return ServerStep::failure(FailureReason::out_of_sequence, {0, "one start"});
  if (initial_response) return finish(*initial_response);
  state_ = State::awaiting_message;
  return ServerStep::challenge({});
}

ServerStep OneMessageServer::step(std::string_view response) {
  if (state_ != State::awaiting_message)
    return ServerStep::failure(FailureReason::out_of_sequence,
                               {0, "no further " + std::string(mechanism_name(mechanism())) + " message"});
  return finish(response);
}

ServerStep OneMessageServer::finish(std::string_view message) {
  state_ = State::done;
  return verify(message);
}

}  // namespace conformance::codec::sasl
