#include "harness/codec/sasl/scram_server.hpp"

#include "harness/codec/common/base64.hpp"
#include "harness/codec/sasl/scram_messages.hpp"

namespace conformance::codec::sasl {

ServerStep ScramServer::fail(FailureReason reason, ParseError error, std::string_view server_error) {
  state_ = State::done;
  return ServerStep::failure(reason, std::move(error), "e=" + std::string(server_error));
}

ServerStep ScramServer::start(std::optional<std::string_view> initial_response) {
  if (state_ != State::idle) return ServerStep::failure(FailureReason::out_of_sequence, {0, "one start"});
  if (initial_response) return take_client_first(*initial_response);
  state_ = State::awaiting_client_first;
  return ServerStep::challenge({});
}

ServerStep ScramServer::step(std::string_view response) {
  switch (state_) {
    case State::awaiting_client_first:
      return take_client_first(response);
    case State::awaiting_client_final:
      return take_client_final(response);
    case State::awaiting_final_ack:
      state_ = State::done;
      if (!response.empty())
        return ServerStep::failure(FailureReason::malformed, {0, "empty response to the server-final message"});
      return ServerStep::success(identity_);
    case State::idle:
    case State::done:
      break;
  }
  return ServerStep::failure(FailureReason::out_of_sequence, {0, "no further SCRAM message"});
}

ServerStep ScramServer::take_client_first(std::string_view message) {
  auto first = parse_scram_client_first(message, options_.limits);
  if (!first) return fail(FailureReason::malformed, first.error(), "invalid-encoding");
  // The raw bytes, not a re-serialization, are what enter AuthMessage and c=.
  const std::size_t bare_at = parse_gs2_header(message, options_.limits)->consumed;
  gs2_header_ = std::string(message.substr(0, bare_at));
  client_first_bare_ = std::string(message.substr(bare_at));
  if (first->mandatory_extension)
    return fail(FailureReason::unsupported, {bare_at, "no mandatory extension \"m=\" (RFC 5802 §5.1)"},
                "extensions-not-supported");

  // Channel binding negotiation, RFC 5802 §6.
  const Gs2Header& gs2 = first->gs2;
  if (options_.plus) {
    if (gs2.flag != Gs2Header::Flag::bound)
      return fail(FailureReason::unsupported, {0, "\"p=\" channel binding (the -PLUS mechanism)"},
                  "other-error");
  } else if (gs2.flag == Gs2Header::Flag::bound) {
    return fail(FailureReason::unsupported, {0, "'n' or 'y': channel binding needs the -PLUS mechanism"},
                "channel-binding-not-supported");
  }
  if (gs2.flag == Gs2Header::Flag::bound) {
    if (!options_.channel_binding)
      return fail(FailureReason::unsupported, {0, "no channel binding (this server has no channel binding data)"},
                  "channel-binding-not-supported");
    if (gs2.cb_name != options_.channel_binding->type)
      return fail(FailureReason::unsupported, {2, "channel binding type " + options_.channel_binding->type},
                  "unsupported-channel-binding-type");
  }
  if (gs2.flag == Gs2Header::Flag::client_supports && options_.channel_binding)
    return fail(FailureReason::channel_binding_mismatch,
                {0, "'p=': the server supports channel binding, so 'y' means a downgrade"},
                "server-does-support-channel-binding");

  auto credentials = accounts_.scram_credentials(options_.hash, first->username);
  if (!credentials) return fail(FailureReason::unknown_user, {bare_at + 2, "a known user name"}, "unknown-user");
  credentials_ = std::move(*credentials);
  identity_ = Identity{first->username, gs2.authzid};

  std::string server_nonce = options_.nonce;
  if (server_nonce.empty()) {
    auto made = make_scram_nonce(options_.random);
    if (!made) return fail(FailureReason::unsupported, {0, "a working random source"}, "no-resources");
    server_nonce = std::move(*made);
  }
  nonce_ = first->nonce + server_nonce;
  ScramServerFirst reply;
  reply.nonce = nonce_;
  reply.salt = credentials_.salt;
  reply.iterations = credentials_.iterations;
  server_first_ = serialize_scram_server_first(reply);
  state_ = State::awaiting_client_final;
  return ServerStep::challenge(server_first_);
}

ServerStep ScramServer::take_client_final(std::string_view message) {
  auto final_message = parse_scram_client_final(message, options_.limits);
  if (!final_message) return fail(FailureReason::malformed, final_message.error(), "invalid-encoding");

  // c= carries the GS2 header the client sent first, then the channel
  // binding data when it bound (RFC 5802 §7 cbind-input).
  std::string expected_binding = gs2_header_;
  if (options_.plus && options_.channel_binding) expected_binding += options_.channel_binding->data;
  if (final_message->channel_binding != expected_binding)
    return fail(FailureReason::channel_binding_mismatch,
                {2, "c= matching the GS2 header and the server's channel binding"}, "channel-bindings-dont-match");

  // Values cannot contain ',', so these finds land on the attributes.
  const std::size_t nonce_at = message.find(",r=") + 3;
  if (final_message->nonce != nonce_)
    return fail(FailureReason::nonce_mismatch, {nonce_at, "the nonce of the server-first message"}, "other-error");

  const std::size_t proof_attribute = message.rfind(",p=");
  const std::string auth_message =
      client_first_bare_ + "," + server_first_ + "," + std::string(message.substr(0, proof_attribute));
  const auto valid = verify_client_proof(credentials_, auth_message, final_message->proof);
  if (!valid) return fail(FailureReason::unsupported, {0, "parameters the hash can be computed with"}, "other-error");
  if (!*valid)
    return fail(FailureReason::invalid_credentials, {proof_attribute + 3, "ClientProof derived from the password"},
                "invalid-proof");
  if (!accounts_.may_act_as(identity_.authcid, identity_.authzid))
    return fail(FailureReason::authorization_denied, {0, "an authzid the user may act as"}, "other-error");

  const auto signature = compute_server_signature(credentials_, auth_message);
  if (!signature) return fail(FailureReason::unsupported, {0, "parameters the hash can be computed with"}, "other-error");
  ScramServerFinal reply;
  reply.verifier = *signature;
  std::string server_final = serialize_scram_server_final(reply);
  if (options_.additional_data_with_success) {
    state_ = State::done;
    return ServerStep::success(identity_, std::move(server_final));
  }
  state_ = State::awaiting_final_ack;
  return ServerStep::challenge(std::move(server_final));
}

}  // namespace conformance::codec::sasl
