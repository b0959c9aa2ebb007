// The seam between the protocol-neutral engine and each protocol's client
// side. The engine runs steps (connect, send, TLS, waits) and owns the
// stream; a plug-in knows its protocol: how to read a reply with the codecs,
// how to check it against an `expect`, what state the conversation is in,
// which replies are impossible there, how to log in and what to redact.
//
// One Protocol object per protocol (stateless, shared by all scenarios); one
// Session per connection (state of that conversation).
#pragma once

#include "harness/common/expected.hpp"
#include "harness/scenario/variables.hpp"
#include "harness/net/asio.hpp"
#include "harness/net/error.hpp"
#include "harness/net/stream.hpp"
#include "harness/scenario/protocol_rules.hpp"
#include "harness/scenario/scenario.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::engine {

// Caps that keep a hostile server from growing our memory.
struct Limits {
  std::size_t max_line = 64 * 1024;           // one reply line, terminator included
  std::size_t max_literal = 16u << 20;        // one IMAP literal / one multi-line body
  std::size_t max_reply_lines = 100'000;      // lines of one multi-line reply
  std::size_t max_untagged = 100'000;         // IMAP untagged responses before one tagged
};

struct Credentials {
  std::string user;
  std::string password;  // never rendered: sessions send it with Stream::write_secret
};

// A protocol violation noticed on the way, even when the step passed: a
// reply impossible in the current state, a malformed line the codec had to
// tolerate. Reported with the scenario; `rfc` cites the clause broken.
struct Finding {
  std::string rfc;      // "RFC 5321 §4.2"
  std::string message;  // "354 reply to RCPT TO"
};

// What a step came to. `expected`/`received` are for the report's
// "expected versus received" (received: the reply as text, escaped).
struct StepOutcome {
  bool ok = true;
  std::string reason;    // one line: "expected 250, got 550 5.1.1 ..."
  std::string expected;
  std::string received;

  static StepOutcome pass(std::string received = {}) { return StepOutcome{true, {}, {}, std::move(received)}; }
  static StepOutcome fail(std::string reason, std::string expected = {}, std::string received = {}) {
    return StepOutcome{false, std::move(reason), std::move(expected), std::move(received)};
  }
};

// Everything a session may touch while running one step.
struct StepContext {
  net::Stream& stream;
  net::Duration timeout;
  const Limits& limits;
  scenario::Variables& variables;            // captures are stored here
  std::vector<Finding>& findings;  // violations noticed along the way
};

class Session {
 public:
  virtual ~Session() = default;

  // The greeting (SMTP 220, POP3 +OK, IMAP * OK / PREAUTH): read and
  // require a positive one.
  virtual net::awaitable<StepOutcome> read_greeting(StepContext& context) = 0;

  // The engine wrote `bytes` (already expanded; may hold several pipelined
  // commands): update the conversation state (pending commands, tags).
  virtual void sent(std::string_view bytes) = 0;
  // The rendering to keep in the transcript when `bytes` carry a credential
  // (LOGIN, PASS, AUTH and SASL continuation lines), else nullopt.
  virtual std::optional<std::string> redact(std::string_view bytes) const = 0;

  // Reads what `spec` needs and checks it. Captures go into context.variables.
  virtual net::awaitable<StepOutcome> expect(const scenario::ExpectSpec& spec, StepContext& context) = 0;

  // IMAP synchronizing literal: wait for "+" after "{N}". Others: not supported.
  virtual net::awaitable<StepOutcome> await_continuation(StepContext& context);

  // Sends the protocol's STARTTLS command and reads the reply. ok: the
  // server agreed (the engine then runs the handshake and calls tls_started).
  virtual net::awaitable<StepOutcome> request_starttls(StepContext& context) = 0;
  // The handshake succeeded: forget what the protocol says TLS resets
  // (RFC 3207 §4.2 EHLO state, RFC 9051 §6.2.1 capabilities).
  virtual void tls_started() = 0;

  // Authenticates with the target user, redacting the secret parts.
  virtual net::awaitable<StepOutcome> login(const Credentials& credentials, std::string_view mechanism,
                                            bool expect_success, StepContext& context) = 0;

  // What the server advertises now (IMAP CAPABILITY, SMTP EHLO keywords,
  // POP3 CAPA), upper-cased; "AUTH=PLAIN" style for SASL mechanisms.
  virtual net::awaitable<net::Outcome<std::set<std::string>>> capabilities(StepContext& context) = 0;

  // SMTP DATA content, dot-stuffed and terminated. Others: the text as is.
  virtual std::string encode_message(std::string_view text) const { return std::string(text); }

  // Fixtures (IMAP only: Protocol::provides_fixtures()): on a connection
  // this session has greeted and logged in, create the mailboxes and APPEND
  // the messages (names and contents already expanded); tear_down deletes
  // the mailboxes and expunges what was appended to existing ones.
  virtual net::awaitable<StepOutcome> set_up_fixtures(const scenario::Fixtures& fixtures, StepContext& context);
  virtual net::awaitable<StepOutcome> tear_down_fixtures(const scenario::Fixtures& fixtures, StepContext& context);

  // IMAP: the tag of the last command the scenario sent (the engine keeps
  // ${tag} set to it). Others: nothing.
  virtual std::optional<std::string> last_tag() const { return std::nullopt; }

  // The conversation state, one of Protocol::state_names().
  virtual std::string state() const = 0;
  // The peer closed the connection (or we did).
  virtual void closed() = 0;
};

class Protocol {
 public:
  virtual ~Protocol() = default;

  virtual const scenario::ProtocolRules& rules() const = 0;  // expect compiler, state names
  virtual std::string_view name() const = 0;                 // "smtp", "pop3", "imap"
  virtual Limits default_limits() const { return Limits{}; }
  virtual bool provides_fixtures() const { return false; }

  virtual std::unique_ptr<Session> new_session() const = 0;
};

// The built-in plug-ins.
const Protocol& smtp_protocol();
const Protocol& pop3_protocol();
const Protocol& imap_protocol();
const Protocol& protocol_for(scenario::Protocol id);
// For the scenario loader.
const scenario::ProtocolRules* rules_for(scenario::Protocol id);

}  // namespace conformance::engine
