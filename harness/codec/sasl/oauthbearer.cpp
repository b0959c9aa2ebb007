#include "harness/codec/sasl/oauthbearer.hpp"

#include "harness/codec/sasl/text.hpp"

namespace conformance::codec::sasl {
namespace {

constexpr char kKvsep = '\x01';

// value = *(VCHAR / SP / HTAB / CR / LF)
bool is_value_char(char c) { return is_vchar(c) || c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="  (RFC 6750 §2.1)
std::optional<ParseError> check_b64token(std::string_view token, std::size_t base) {
  std::size_t i = 0;
  while (i < token.size() && (is_alpha(token[i]) || is_digit(token[i]) || token[i] == '-' || token[i] == '.' ||
                              token[i] == '_' || token[i] == '~' || token[i] == '+' || token[i] == '/'))
    ++i;
  if (i == 0) return ParseError{base, "bearer token (b64token)"};
  while (i < token.size() && token[i] == '=') ++i;
  if (i != token.size()) return ParseError{base + i, "b64token character"};
  return std::nullopt;
}

// credentials = "Bearer" 1*SP b64token; the scheme is case-insensitive (RFC 7235 §2.1).
Result<std::string_view> read_bearer(std::string_view value, std::size_t base) {
  if (!ascii_iequal(value.substr(0, 6), "Bearer")) return ParseError{base, "\"Bearer\" scheme"};
  std::size_t at = 6;
  if (at >= value.size() || value[at] != ' ') return ParseError{base + at, "SP after Bearer"};
  while (at < value.size() && value[at] == ' ') ++at;
  const std::string_view token = value.substr(at);
  if (auto e = check_b64token(token, base + at)) return *e;
  return token;
}

// port: "a decimal positive integer string without leading zeros" (RFC 7628 §3.1).
Result<std::uint16_t> read_port(std::string_view value, std::size_t base) {
  if (value.empty() || value[0] < '1' || value[0] > '9') return ParseError{base, "port number (no leading zero)"};
  std::uint32_t port = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!is_digit(value[i])) return ParseError{base + i, "digit"};
    port = port * 10 + static_cast<std::uint32_t>(value[i] - '0');
    if (port > 65535) return ParseError{base + i, "port number up to 65535"};
  }
  return static_cast<std::uint16_t>(port);
}

}  // namespace

Result<OAuthBearerMessage> parse_oauthbearer(std::string_view message, const Limits& limits) {
  if (message.size() > limits.max_message_length)
    return ParseError{limits.max_message_length,
                      "message of at most " + std::to_string(limits.max_message_length) + " octets"};
  auto gs2 = parse_gs2_header(message, limits);
  if (!gs2) return gs2.error();
  OAuthBearerMessage out;
  out.gs2 = std::move(gs2->header);
  std::size_t at = gs2->consumed;
  if (at >= message.size() || message[at] != kKvsep) return ParseError{at, "kvsep (^A) after the GS2 header"};
  ++at;
  bool has_auth = false;
  while (true) {
    if (at >= message.size()) return ParseError{at, "key or the final kvsep"};
    if (message[at] == kKvsep) {
      ++at;
      break;
    }
    // key = 1*ALPHA
    const std::size_t key_at = at;
    while (at < message.size() && is_alpha(message[at])) ++at;
    if (at == key_at) return ParseError{at, "key (letters)"};
    const std::string_view key = message.substr(key_at, at - key_at);
    if (at >= message.size() || message[at] != '=') return ParseError{at, "'=' after the key"};
    const std::size_t value_at = ++at;
    while (at < message.size() && is_value_char(message[at])) ++at;
    if (at >= message.size() || message[at] != kKvsep) return ParseError{at, "value character or kvsep"};
    const std::string_view value = message.substr(value_at, at - value_at);
    ++at;
    if (key == "auth") {
      if (has_auth) return ParseError{key_at, "a single auth key"};
      auto token = read_bearer(value, value_at);
      if (!token) return token.error();
      out.token = Secret(*token);
      has_auth = true;
    } else if (key == "host") {
      if (out.host) return ParseError{key_at, "a single host key"};
      out.host = std::string(value);
    } else if (key == "port") {
      if (out.port) return ParseError{key_at, "a single port key"};
      auto port = read_port(value, value_at);
      if (!port) return port.error();
      out.port = *port;
    } else {
      out.extensions.emplace_back(std::string(key), std::string(value));
    }
  }
  if (at != message.size()) return ParseError{at, "end of message after the final kvsep"};
  if (!has_auth) return ParseError{at - 1, "an auth=Bearer key (RFC 7628 §3.1)"};
  return out;
}

std::string serialize_oauthbearer(const OAuthBearerMessage& message) {
  std::string out = serialize_gs2_header(message.gs2);
  out.push_back(kKvsep);
  if (message.host) out += "host=" + *message.host + kKvsep;
  if (message.port) out += "port=" + std::to_string(*message.port) + kKvsep;
  out += "auth=Bearer ";
  out += message.token.view();
  out.push_back(kKvsep);
  for (const auto& [key, value] : message.extensions) out += key + "=" + value + kKvsep;
  out.push_back(kKvsep);
  return out;
}

std::optional<std::string> OAuthBearerClient::start(bool initial_response_allowed) {
  if (!initial_response_allowed) {
    state_ = State::awaiting_empty_challenge;
    return std::nullopt;
  }
  state_ = State::sent;
  return serialize_oauthbearer(credentials_);
}

Result<std::string> OAuthBearerClient::respond(std::string_view challenge) {
  switch (state_) {
    case State::awaiting_empty_challenge:
      if (!challenge.empty()) return ParseError{0, "empty challenge (OAUTHBEARER speaks first)"};
      state_ = State::sent;
      return serialize_oauthbearer(credentials_);
    case State::sent: {
      // RFC 7628 §3.2.3: a challenge here is the error; answer with a lone kvsep.
      auto parsed = parse_oauth_error(challenge);
      if (parsed) server_error_ = std::move(*parsed);
      state_ = State::error_acknowledged;
      return std::string(kOAuthBearerDummyResponse);
    }
    case State::idle:
      return ParseError{0, "no challenge before start"};
    case State::error_acknowledged:
      break;
  }
  return ParseError{0, "no challenge after the error challenge"};
}

Result<Verified> OAuthBearerClient::complete(std::optional<std::string_view> additional_data) {
  if (state_ != State::sent) return ParseError{0, "success only after the token was sent and not refused"};
  if (additional_data && !additional_data->empty()) return ParseError{0, "no additional data with success"};
  return Verified{};
}

ServerStep OAuthBearerServer::start(std::optional<std::string_view> initial_response) {
  if (state_ != State::idle) return ServerStep::failure(FailureReason::out_of_sequence, {0, "one start"});
  if (initial_response) return verify(*initial_response);
  state_ = State::awaiting_message;
  return ServerStep::challenge({});
}

ServerStep OAuthBearerServer::step(std::string_view response) {
  switch (state_) {
    case State::awaiting_message:
      return verify(response);
    case State::awaiting_dummy:
      state_ = State::done;
      if (response != kOAuthBearerDummyResponse)
        return ServerStep::failure(FailureReason::malformed, {0, "a lone kvsep (^A) after the error (RFC 7628 §3.2.3)"});
      return ServerStep::failure(pending_reason_, pending_error_);
    case State::idle:
    case State::done:
      break;
  }
  return ServerStep::failure(FailureReason::out_of_sequence, {0, "no further OAUTHBEARER message"});
}

ServerStep OAuthBearerServer::verify(std::string_view message) {
  state_ = State::done;
  auto parsed = parse_oauthbearer(message, options_.limits);
  if (!parsed) return ServerStep::failure(FailureReason::malformed, parsed.error());
  if (parsed->gs2.flag == Gs2Header::Flag::bound)
    return ServerStep::failure(FailureReason::unsupported, {0, "'n' or 'y': OAUTHBEARER has no channel binding"});
  const auto owner = accounts_.bearer_token_owner(parsed->token.view());
  if (!owner || !accounts_.may_act_as(*owner, parsed->gs2.authzid)) {
    pending_reason_ = owner ? FailureReason::authorization_denied : FailureReason::invalid_credentials;
    pending_error_ = owner ? ParseError{0, "an authzid the token's owner may act as"}
                           : ParseError{message.find("\x01" "auth=") + 6, "a valid bearer token"};
    state_ = State::awaiting_dummy;
    return ServerStep::challenge(serialize_oauth_error(options_.error));
  }
  return ServerStep::success(Identity{*owner, parsed->gs2.authzid});
}

}  // namespace conformance::codec::sasl
