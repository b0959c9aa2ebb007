// LOGIN (draft-murchison-sasl-login): the server prompts for the user name
// and then the password, and the client answers each prompt with the bare
// value. The prompts are informational ("Username:"/"Password:" in
// practice, "User Name"/"Password" in the draft), so the client answers
// by position and accepts any prompt text. Some clients send the user name
// as an initial response (RFC 4954 §4 permits it); the server accepts that.
// No SASLprep (RFC 4013); values are octets checked for UTF-8 and no NUL.
#pragma once

#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"
#include "harness/codec/sasl/accounts.hpp"
#include "harness/codec/sasl/exchange.hpp"
#include "harness/codec/sasl/limits.hpp"
#include "harness/codec/sasl/secret.hpp"

namespace conformance::codec::sasl {

inline constexpr std::string_view kLoginUsernamePrompt = "Username:";
inline constexpr std::string_view kLoginPasswordPrompt = "Password:";

// The two client messages, checked as a server would.
Result<std::string> parse_login_username(std::string_view message, const Limits& limits = {});
Result<Secret> parse_login_password(std::string_view message, const Limits& limits = {});

struct LoginClientOptions {
  std::string username;
  Secret password;
  bool send_username_as_initial_response = false;
};

class LoginClient final : public ClientMechanism {
 public:
  explicit LoginClient(LoginClientOptions options) : options_(std::move(options)) {}
  Mechanism mechanism() const override { return Mechanism::login; }
  std::optional<std::string> start(bool initial_response_allowed = true) override;
  Result<std::string> respond(std::string_view challenge) override;
  Result<Verified> complete(std::optional<std::string_view> additional_data = std::nullopt) override;

 private:
  enum class State { idle, awaiting_username_prompt, awaiting_password_prompt, sent_password };
  LoginClientOptions options_;
  State state_ = State::idle;
};

struct LoginServerOptions {
  std::string username_prompt{kLoginUsernamePrompt};
  std::string password_prompt{kLoginPasswordPrompt};
  Limits limits;
};

class LoginServer final : public ServerMechanism {
 public:
  explicit LoginServer(const Accounts& accounts, LoginServerOptions options = {})
      : accounts_(accounts), options_(std::move(options)) {}
  Mechanism mechanism() const override { return Mechanism::login; }
  ServerStep start(std::optional<std::string_view> initial_response) override;
  ServerStep step(std::string_view response) override;

 private:
  ServerStep take_username(std::string_view message);
  ServerStep take_password(std::string_view message);
  enum class State { idle, awaiting_username, awaiting_password, done };
  const Accounts& accounts_;
  LoginServerOptions options_;
  State state_ = State::idle;
  std::string username_;
};

}  // namespace conformance::codec::sasl
