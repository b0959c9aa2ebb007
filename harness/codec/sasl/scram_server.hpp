// The server side of SCRAM-SHA-1 and SCRAM-SHA-256 (RFC 5802, RFC 7677),
// with or without channel binding. Failures carry the RFC 5802 §7
// server-error-value as "e=..." in ServerStep::data, which a server may
// send as its final challenge.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "harness/codec/sasl/accounts.hpp"
#include "harness/codec/sasl/crypto.hpp"
#include "harness/codec/sasl/exchange.hpp"
#include "harness/codec/sasl/gs2.hpp"
#include "harness/codec/sasl/limits.hpp"
#include "harness/codec/sasl/scram_keys.hpp"

namespace conformance::codec::sasl {

struct ScramServerOptions {
  HashAlgorithm hash = HashAlgorithm::sha256;  // sha1 or sha256
  // This exchange is the -PLUS mechanism: the client must send "p=".
  bool plus = false;
  // Set when this server supports channel binding (it advertises -PLUS):
  // the type it binds with and the data its TLS layer produced. Then a
  // client's "y" is a downgrade and fails (RFC 5802 §6).
  std::optional<ChannelBinding> channel_binding;
  std::string nonce;  // set: the server's nonce part (to replay published exchanges)
  RandomSource random = system_random();
  // The protocol can carry data with its success reply (RFC 4422 §3.6).
  // SMTP, POP3 and IMAP cannot: the server-final message then goes as a
  // challenge and the client's empty response precedes success.
  bool additional_data_with_success = false;
  Limits limits;
};

class ScramServer final : public ServerMechanism {
 public:
  ScramServer(const Accounts& accounts, ScramServerOptions options)
      : accounts_(accounts), options_(std::move(options)) {}
  Mechanism mechanism() const override { return scram_mechanism(options_.hash, options_.plus); }
  ServerStep start(std::optional<std::string_view> initial_response) override;
  ServerStep step(std::string_view response) override;

 private:
  ServerStep take_client_first(std::string_view message);
  ServerStep take_client_final(std::string_view message);
  ServerStep fail(FailureReason reason, ParseError error, std::string_view server_error);

  enum class State { idle, awaiting_client_first, awaiting_client_final, awaiting_final_ack, done };
  const Accounts& accounts_;
  ScramServerOptions options_;
  State state_ = State::idle;
  std::string gs2_header_;
  std::string client_first_bare_;
  std::string server_first_;
  std::string nonce_;
  Identity identity_;
  ScramCredentials credentials_;
};

}  // namespace conformance::codec::sasl
