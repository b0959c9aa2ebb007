// PLAIN (RFC 4616): one client message, authzid NUL authcid NUL passwd.
// Fields are UTF-8 without NUL, authcid and passwd non-empty, each capped
// (RFC 4616 §2 requires accepting 255 octets; Limits sets the cap). No
// SASLprep (RFC 4013) is applied: names and passwords are compared as
// octets after the UTF-8 check.
#pragma once

#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"
#include "harness/codec/sasl/accounts.hpp"
#include "harness/codec/sasl/exchange.hpp"
#include "harness/codec/sasl/limits.hpp"
#include "harness/codec/sasl/secret.hpp"

namespace conformance::codec::sasl {

struct PlainMessage {
  std::string authzid;  // empty: act as authcid
  std::string authcid;
  Secret password;
  friend bool operator==(const PlainMessage&, const PlainMessage&) = default;
};

Result<PlainMessage> parse_plain(std::string_view message, const Limits& limits = {});
std::string serialize_plain(const PlainMessage& message);

class PlainClient final : public ClientMechanism {
 public:
  explicit PlainClient(PlainMessage credentials) : credentials_(std::move(credentials)) {}
  Mechanism mechanism() const override { return Mechanism::plain; }
  std::optional<std::string> start(bool initial_response_allowed = true) override;
  Result<std::string> respond(std::string_view challenge) override;
  Result<Verified> complete(std::optional<std::string_view> additional_data = std::nullopt) override;

 private:
  enum class State { idle, awaiting_empty_challenge, sent };
  PlainMessage credentials_;
  State state_ = State::idle;
};

class PlainServer final : public OneMessageServer {
 public:
  explicit PlainServer(const Accounts& accounts, Limits limits = {}) : accounts_(accounts), limits_(limits) {}
  Mechanism mechanism() const override { return Mechanism::plain; }

 private:
  ServerStep verify(std::string_view message) override;
  const Accounts& accounts_;
  Limits limits_;
};

}  // namespace conformance::codec::sasl
