#include "harness/codec/sasl/scram_client.hpp"

#include "harness/codec/common/base64.hpp"
#include "harness/codec/sasl/scram_messages.hpp"

namespace conformance::codec::sasl {

Mechanism ScramClient::mechanism() const {
  return scram_mechanism(options_.hash, options_.channel_binding.has_value());
}

std::optional<std::string> ScramClient::start(bool initial_response_allowed) {
  if (!options_.nonce.empty()) {
    client_nonce_ = options_.nonce;
  } else if (auto nonce = make_scram_nonce(options_.random)) {
    client_nonce_ = std::move(*nonce);
  } else {
    state_ = State::failed;
    return std::nullopt;
  }
  ScramClientFirst first;
  if (options_.channel_binding) {
    first.gs2.flag = Gs2Header::Flag::bound;
    first.gs2.cb_name = options_.channel_binding->type;
  } else if (options_.client_supports_channel_binding) {
    first.gs2.flag = Gs2Header::Flag::client_supports;
  }
  first.gs2.authzid = options_.authzid;
  first.username = options_.username;
  first.nonce = client_nonce_;
  gs2_header_ = serialize_gs2_header(first.gs2);
  client_first_bare_ = serialize_scram_client_first_bare(first);
  client_first_ = gs2_header_ + client_first_bare_;
  if (!initial_response_allowed) {
    state_ = State::awaiting_empty_challenge;
    return std::nullopt;
  }
  state_ = State::awaiting_server_first;
  return client_first_;
}

Result<std::string> ScramClient::respond(std::string_view challenge) {
  switch (state_) {
    case State::awaiting_empty_challenge:
      if (!challenge.empty()) return ParseError{0, "empty challenge (SCRAM speaks first)"};
      state_ = State::awaiting_server_first;
      return client_first_;
    case State::awaiting_server_first:
      return take_server_first(challenge);
    case State::awaiting_server_final:
      return take_server_final(challenge);
    case State::failed:
      return ParseError{0, "a working random source for the client nonce"};
    case State::idle:
      return ParseError{0, "no challenge before start"};
    case State::verified:
      break;
  }
  return ParseError{0, "no challenge after the server's signature"};
}

Result<std::string> ScramClient::take_server_first(std::string_view message) {
  state_ = State::failed;
  auto first = parse_scram_server_first(message, options_.limits);
  if (!first) return first.error();
  if (first->mandatory_extension) return ParseError{0, "no mandatory extension \"m=\" (RFC 5802 §5.1)"};
  // RFC 5802 §5.1: the server's nonce starts with the client's and adds its own.
  const std::size_t nonce_at = 2;
  if (first->nonce.compare(0, client_nonce_.size(), client_nonce_) != 0)
    return ParseError{nonce_at, "nonce beginning with the client nonce"};
  if (first->nonce.size() == client_nonce_.size())
    return ParseError{nonce_at + client_nonce_.size(), "server nonce after the client nonce"};
  // Values cannot contain ',', so the first ",i=" is the iteration count.
  const std::size_t iterations_at = message.find(",i=") + 3;
  if (first->iterations < options_.limits.min_iterations)
    return ParseError{iterations_at,
                      "iteration count of at least " + std::to_string(options_.limits.min_iterations)};
  if (first->iterations > options_.limits.max_iterations)
    return ParseError{iterations_at, "iteration count of at most " + std::to_string(options_.limits.max_iterations)};

  ScramClientFinal final_message;
  final_message.channel_binding = gs2_header_;
  if (options_.channel_binding) final_message.channel_binding += options_.channel_binding->data;
  final_message.nonce = first->nonce;
  const std::string without_proof = serialize_scram_client_final_without_proof(final_message);
  const std::string auth_message = client_first_bare_ + "," + std::string(message) + "," + without_proof;
  auto proof = compute_client_proof(options_.hash, options_.password.view(), first->salt, first->iterations,
                                    auth_message);
  if (!proof) return ParseError{0, "parameters the hash can be computed with"};
  expected_server_signature_ = std::move(proof->server_signature);
  state_ = State::awaiting_server_final;
  return without_proof + ",p=" + base64_encode(proof->proof);
}

Result<std::string> ScramClient::take_server_final(std::string_view message) {
  state_ = State::failed;
  auto final_message = parse_scram_server_final(message, options_.limits);
  if (!final_message) return final_message.error();
  if (final_message->error) {
    server_error_ = final_message->error;
    return ParseError{0, "server signature \"v=\" (the server sent e=" + *final_message->error + ")"};
  }
  if (!constant_time_equal(final_message->verifier, expected_server_signature_))
    return ParseError{2, "ServerSignature proving the server knows the password"};
  state_ = State::verified;
  // Where the protocol carried server-final as a challenge, the client's
  // answer is empty (RFC 4954 §4, RFC 9051 §6.2.2).
  return std::string();
}

Result<Verified> ScramClient::complete(std::optional<std::string_view> additional_data) {
  if (additional_data && state_ == State::awaiting_server_final) {
    auto verified = take_server_final(*additional_data);
    if (!verified) return verified.error();
    return Verified{};
  }
  if (state_ != State::verified)
    return ParseError{0, "the server-final message with its signature before success (RFC 5802 §5)"};
  if (additional_data && !additional_data->empty()) return ParseError{0, "no additional data after the signature"};
  return Verified{};
}

}  // namespace conformance::codec::sasl
