// The SMTP client session the engine drives (harness/engine/protocol.hpp):
// a thin I/O layer over the sans-I/O Conversation (state, pending commands,
// impossible replies) and the reply matcher. docs/protocols/smtp.md.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "harness/engine/protocol.hpp"
#include "harness/protocols/smtp/conversation.hpp"
#include "harness/protocols/smtp/reply_reader.hpp"

namespace conformance::protocols::smtp {

class SmtpSession final : public engine::Session {
 public:
  net::awaitable<engine::StepOutcome> read_greeting(engine::StepContext& context) override;
  void sent(std::string_view bytes) override;
  std::optional<std::string> redact(std::string_view bytes) const override;
  net::awaitable<engine::StepOutcome> expect(const scenario::ExpectSpec& spec, engine::StepContext& context) override;
  net::awaitable<engine::StepOutcome> request_starttls(engine::StepContext& context) override;
  void tls_started() override;
  net::awaitable<engine::StepOutcome> login(const engine::Credentials& credentials, std::string_view mechanism,
                                            bool expect_success, engine::StepContext& context) override;
  net::awaitable<net::Outcome<std::set<std::string>>> capabilities(engine::StepContext& context) override;
  std::string encode_message(std::string_view text) const override;
  std::string state() const override;
  void closed() override;

  const Conversation& conversation() const { return conversation_; }

 private:
  // Reads one reply and runs it through the conversation: findings for
  // impossible replies, the EHLO keyword cache.
  net::awaitable<ReplyRead> next_reply(engine::StepContext& context);
  net::awaitable<net::Status> send(std::string bytes, engine::StepContext& context);
  net::awaitable<net::Status> send_secret(std::string bytes, std::string rendering, engine::StepContext& context);
  // Sends a command and reads its reply; a failure is the step's outcome.
  net::awaitable<std::optional<codec::smtp::Reply>> command(std::string line, engine::StepContext& context,
                                                            engine::StepOutcome& failure);
  // EHLO, falling back to HELO when the server does not know EHLO.
  net::awaitable<engine::StepOutcome> say_ehlo(engine::StepContext& context);
  // say_ehlo when no EHLO/HELO has been accepted since the greeting (or TLS).
  net::awaitable<engine::StepOutcome> ensure_greeted_with_ehlo(engine::StepContext& context);
  net::awaitable<engine::StepOutcome> expect_silence(engine::StepContext& context);

  Conversation conversation_;
  std::optional<std::set<std::string>> keywords_;  // from the last accepted EHLO
};

const engine::Protocol& smtp_protocol();

}  // namespace conformance::protocols::smtp
