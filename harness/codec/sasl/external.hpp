// EXTERNAL (RFC 4422 Appendix A): the client is authenticated by a lower
// layer (a TLS client certificate, typically) and the one message carries
// only an optional authorization identity, UTF-8 without NUL. An empty
// message means "act as the authenticated identity".
#pragma once

#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"
#include "harness/codec/sasl/accounts.hpp"
#include "harness/codec/sasl/exchange.hpp"
#include "harness/codec/sasl/limits.hpp"

namespace conformance::codec::sasl {

struct ExternalMessage {
  std::string authzid;
  friend bool operator==(const ExternalMessage&, const ExternalMessage&) = default;
};

Result<ExternalMessage> parse_external(std::string_view message, const Limits& limits = {});
std::string serialize_external(const ExternalMessage& message);

class ExternalClient final : public ClientMechanism {
 public:
  explicit ExternalClient(std::string authzid = {}) : authzid_(std::move(authzid)) {}
  Mechanism mechanism() const override { return Mechanism::external; }
  std::optional<std::string> start(bool initial_response_allowed = true) override;
  Result<std::string> respond(std::string_view challenge) override;
  Result<Verified> complete(std::optional<std::string_view> additional_data = std::nullopt) override;

 private:
  enum class State { idle, awaiting_empty_challenge, sent };
  std::string authzid_;
  State state_ = State::idle;
};

class ExternalServer final : public OneMessageServer {
 public:
  explicit ExternalServer(const Accounts& accounts, Limits limits = {}) : accounts_(accounts), limits_(limits) {}
  Mechanism mechanism() const override { return Mechanism::external; }

 private:
  ServerStep verify(std::string_view message) override;
  const Accounts& accounts_;
  Limits limits_;
};

}  // namespace conformance::codec::sasl
