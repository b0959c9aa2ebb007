// The POP3 client side the engine drives: reads replies with the codec's
// incremental decoder in the shape the pending command implies (or the one
// an expectation forces), hands them to the sans-I/O Conversation (state,
// violations) and reply matcher, logs in with USER/PASS, APOP or SASL
// (RFC 1939 §7, RFC 5034) without ever recording a credential, and lists
// CAPA capabilities. Every read has the step's deadline and the run's caps.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "harness/engine/protocol.hpp"
#include "harness/protocols/pop3/conversation.hpp"

namespace conformance::protocols::pop3 {

class Pop3Session final : public engine::Session {
 public:
  Pop3Session() { conversation_.connected(); }

  net::awaitable<engine::StepOutcome> read_greeting(engine::StepContext& context) override;
  void sent(std::string_view bytes) override { conversation_.client_sent(bytes); }
  std::optional<std::string> redact(std::string_view bytes) const override;
  net::awaitable<engine::StepOutcome> expect(const scenario::ExpectSpec& spec, engine::StepContext& context) override;
  net::awaitable<engine::StepOutcome> request_starttls(engine::StepContext& context) override;
  void tls_started() override { conversation_.tls_started(); }
  net::awaitable<engine::StepOutcome> login(const engine::Credentials& credentials, std::string_view mechanism,
                                            bool expect_success, engine::StepContext& context) override;
  // CAPA tags upper-cased, SASL mechanisms also as "SASL=<MECH>" and
  // "AUTH=<MECH>". A server without CAPA (-ERR) advertises nothing.
  net::awaitable<net::Outcome<std::set<std::string>>> capabilities(engine::StepContext& context) override;
  std::string state() const override { return std::string(state_name(conversation_.state())); }
  void closed() override { conversation_.closed(); }

  const Conversation& conversation() const { return conversation_; }

 private:
  // A reply, or why there is none (already scrubbed of secrets).
  struct ReplyRead {
    std::optional<codec::pop3::Response> response;
    std::string failure;
  };

  net::awaitable<ReplyRead> read_reply(codec::pop3::ResponseShape shape, engine::StepContext& context);
  net::awaitable<ReplyRead> read_one(codec::pop3::ResponseShape shape, const std::string& label,
                                     engine::StepContext& context, bool& recovered);
  // Reads the lines of a body the last single-line reply should not have
  // had, up to its "."; false when no "." came within the caps.
  net::awaitable<bool> skip_stray_body(engine::StepContext& context);
  void report_unsolicited(engine::StepContext& context);
  // Writes one command line (rendered as `rendering` when given) and tells the conversation.
  net::awaitable<std::string> send_line(std::string bytes, std::optional<std::string> rendering,
                                        engine::StepContext& context);
  std::string pending_failure() const;

  net::awaitable<engine::StepOutcome> login_user_pass(const engine::Credentials& credentials, bool expect_success,
                                                      engine::StepContext& context);
  net::awaitable<engine::StepOutcome> login_apop(const engine::Credentials& credentials, bool expect_success,
                                                 engine::StepContext& context);
  net::awaitable<engine::StepOutcome> login_sasl(const engine::Credentials& credentials, std::string mechanism,
                                                 bool expect_success, engine::StepContext& context);

  Conversation conversation_;
};

const engine::Protocol& pop3_protocol();

}  // namespace conformance::protocols::pop3
