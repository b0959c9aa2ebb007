// The IMAP client side of one connection for the engine: reads responses
// with the codec under the run's caps and deadlines, hands them to the
// sans-I/O collector (expect steps) and conversation (state, violations),
// logs in (LOGIN or AUTHENTICATE, secrets redacted), STARTTLS, CAPABILITY
// and fixtures (CREATE/APPEND/DELETE). docs/protocols/imap.md describes it.
#pragma once

#include <chrono>
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "harness/codec/imap/command/command.hpp"
#include "harness/engine/protocol.hpp"
#include "harness/protocols/imap/conversation.hpp"
#include "harness/protocols/imap/expectation.hpp"
#include "harness/protocols/imap/response_view.hpp"

namespace conformance::protocols::imap {

class ImapSession final : public engine::Session {
 public:
  net::awaitable<engine::StepOutcome> read_greeting(engine::StepContext& context) override;
  void sent(std::string_view bytes) override;
  std::optional<std::string> redact(std::string_view bytes) const override;
  net::awaitable<engine::StepOutcome> expect(const scenario::ExpectSpec& spec, engine::StepContext& context) override;
  net::awaitable<engine::StepOutcome> await_continuation(engine::StepContext& context) override;
  net::awaitable<engine::StepOutcome> request_starttls(engine::StepContext& context) override;
  void tls_started() override;
  net::awaitable<engine::StepOutcome> login(const engine::Credentials& credentials, std::string_view mechanism,
                                            bool expect_success, engine::StepContext& context) override;
  net::awaitable<net::Outcome<std::set<std::string>>> capabilities(engine::StepContext& context) override;
  net::awaitable<engine::StepOutcome> set_up_fixtures(const scenario::Fixtures& fixtures,
                                                      engine::StepContext& context) override;
  net::awaitable<engine::StepOutcome> tear_down_fixtures(const scenario::Fixtures& fixtures,
                                                         engine::StepContext& context) override;
  // The tag of the last command the scenario sent (not the session's own
  // C1, C2...); the engine keeps ${tag} set to it.
  std::optional<std::string> last_tag() const override { return scenario_tag_; }
  std::string state() const override { return std::string(to_string(conversation_.state())); }
  void closed() override { conversation_.closed(); }

 private:
  using Clock = std::chrono::steady_clock;

  // A command this session sent itself, and what came back.
  struct Reply {
    codec::imap::StatusResponse tagged;
    std::vector<Received> untagged;
  };
  using ReplyOutcome = Expected<Reply, std::string>;

  // The next response: one kept from an earlier step, else one read from
  // the stream (checked by the conversation; violations become findings).
  net::awaitable<net::Outcome<Received>> next_response(engine::StepContext& context, Clock::time_point deadline);
  net::awaitable<engine::StepOutcome> run_expect(const ImapExpect& spec, engine::StepContext& context);
  // Writes `bytes` (stopping at each synchronizing literal for the "+"),
  // recording `renderings` (one per piece) when given, and reads to the
  // tagged reply of `tag`.
  net::awaitable<ReplyOutcome> command(std::string tag, std::string bytes, std::vector<std::size_t> continuation_points,
                                       std::optional<std::vector<std::string>> renderings,
                                       engine::StepContext& context);
  net::awaitable<ReplyOutcome> simple_command(std::string_view text, engine::StepContext& context);
  // A command built as a structure and serialized by the codec (mailbox
  // names quoted or sent as literals as they need).
  net::awaitable<ReplyOutcome> codec_command(codec::imap::command::CommandBody body, engine::StepContext& context);
  net::awaitable<net::Status> write(std::string bytes, std::optional<std::string> rendering,
                                    engine::StepContext& context, Clock::time_point deadline);
  net::awaitable<ReplyOutcome> login_command(const engine::Credentials& credentials, engine::StepContext& context);
  net::awaitable<ReplyOutcome> authenticate(const engine::Credentials& credentials, std::string_view mechanism,
                                            engine::StepContext& context);

  // Fixture helpers (fixtures.cpp).
  net::awaitable<std::string> append_message(const scenario::FixtureMessage& message, engine::StepContext& context);
  net::awaitable<std::string> empty_mailbox(const std::string& mailbox, engine::StepContext& context);
  net::awaitable<std::string> remove_appended(const std::string& mailbox,
                                              const std::vector<const scenario::FixtureMessage*>& messages,
                                              engine::StepContext& context);

  void learn_capabilities(const codec::imap::Response& response);
  bool advertises(std::string_view capability) const;

  Conversation conversation_;
  std::deque<Received> backlog_;  // responses read but not yet claimed by a step
  std::optional<std::set<std::string>> capabilities_;
  std::optional<std::string> scenario_tag_;  // the session's own C1, C2... never count
};

const engine::Protocol& imap_protocol();

}  // namespace conformance::protocols::imap
