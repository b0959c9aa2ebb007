// A loaded, validated scenario (format version 1: docs/scenario-format.md).
// Protocol-neutral: what an `expect` step checks is compiled by the
// protocol's plug-in (harness/engine/protocol.hpp) into an ExpectSpec the
// engine hands back to it; everything else here means the same for SMTP,
// POP3 and IMAP.
#pragma once

#include "harness/scenario/duration.hpp"
#include "harness/scenario/source.hpp"

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace conformance::scenario {

// Which protocol a scenario speaks; names match the plug-ins' names.
enum class Protocol { smtp, pop3, imap };
std::string_view to_string(Protocol protocol);
std::optional<Protocol> protocol_from_string(std::string_view name);

// RFC 2119 strength of the requirement checked: a failed MUST fails the
// scenario, a failed SHOULD warns, a failed MAY is informational.
enum class Level { must, should, may };
std::string_view to_string(Level level);  // "MUST", "SHOULD", "MAY"

// How a connection is secured.
enum class TlsMode {
  target_default,  // as the target URL says (imaps:// implicit, ?starttls=required STARTTLS, else plain)
  plain,
  implicit,
  starttls,  // connect plain, read the greeting, STARTTLS/STLS, handshake
};
std::string_view to_string(TlsMode mode);

// Which service of the target a connection goes to. Only SMTP has two:
// relay (port 25) and submission (587 / 465).
enum class Service { main, submission };

// Protocol-specific compiled expectation; only its plug-in looks inside.
class ExpectSpec {
 public:
  virtual ~ExpectSpec() = default;
  // One or a few lines saying what is expected, for reports ("250 reply, text ~ /OK/").
  virtual std::string describe() const = 0;
};

// --- Steps. Each step may name its connection and its own deadline. ---

struct ConnectStep {
  TlsMode tls = TlsMode::target_default;
  Service service = Service::main;
  // Read and check the greeting as part of connecting (the protocol's
  // positive greeting). False: the next expect step reads it.
  bool read_greeting = true;
};

struct SendPart {
  enum class Kind {
    line,     // text + CRLF
    raw,      // text with escapes already decoded (\r \n \t \0 \\ \xHH); nothing added
    literal,  // IMAP: "{N}" / "{N+}" appended to the preceding line, then the bytes
    message,  // SMTP DATA content: dot-stuffed, CRLF-normalised, ended with CRLF.CRLF
  };
  Kind kind = Kind::line;
  std::string text;           // before ${variable} expansion
  bool synchronizing = true;  // literal: wait for the server's "+" (false: LITERAL+ "{N+}")
};

struct SendStep {
  // Everything goes out in one write (pipelining) except that a
  // synchronizing literal splits it at the continuation request.
  std::vector<SendPart> parts;
  bool secret = false;  // render the whole write as "<redacted>" in transcripts
};

struct ExpectStep {
  std::shared_ptr<const ExpectSpec> spec;
};

struct StartTlsStep {
  // The go-ahead must come and the handshake succeed; false: the server
  // must refuse (e.g. STARTTLS after TLS is already on).
  bool expect_success = true;
};

struct TlsAssertStep {
  std::vector<std::string> versions;      // any of these ("TLSv1.2", "TLSv1.3"); empty: not checked
  std::optional<std::string> min_version;  // "TLSv1.2"
  std::optional<bool> verified;           // chain verification result
  std::optional<bool> hostname_matched;
  std::optional<std::string> subject;     // regex over the leaf's subject
  std::optional<std::string> cipher;      // regex over the cipher name
};

struct StateAssertStep {
  std::string state;  // one of the protocol plug-in's state names
};

struct LoginStep {
  // Empty: the plug-in's default (IMAP LOGIN, POP3 USER/PASS, SMTP AUTH PLAIN).
  std::string mechanism;
  bool expect_success = true;
};

struct ExpectCloseStep {};  // the server closes the connection (FIN or RST) within the deadline

struct CloseStep {
  bool abort = false;  // RST instead of a graceful close
};

struct WaitStep {
  Milliseconds duration{0};
};

using StepAction = std::variant<ConnectStep, SendStep, ExpectStep, StartTlsStep, TlsAssertStep, StateAssertStep,
                                LoginStep, ExpectCloseStep, CloseStep, WaitStep>;

struct Step {
  StepAction action;
  std::string connection;                // "" = the scenario's default connection
  std::optional<Milliseconds> timeout;   // overrides the run's per-step deadline
  std::string kind;                      // as written: "connect", "send", ...
  SourceLocation where;
};

// --- Fixtures: state created through the protocol itself before the steps
// run (IMAP APPEND and CREATE), removed after. ---

struct FixtureMessage {
  std::string mailbox = "INBOX";  // may use ${mailbox}
  std::string content;            // the message (from `text:` or `file:`), CRLF line ends
  std::vector<std::string> flags;
  SourceLocation where;
};

struct Fixtures {
  std::vector<std::string> mailboxes;  // created before, deleted after; may use ${mailbox}
  std::vector<FixtureMessage> messages;
  bool empty_inbox = false;            // expunge the INBOX first

  bool empty() const { return mailboxes.empty() && messages.empty() && !empty_inbox; }
  bool touches_inbox() const;
};

struct ClientScenario;  // client_scenario.hpp

struct Scenario {
  std::string id;     // unique in a run: "imap.select.read-write"
  std::string title;
  Protocol protocol = Protocol::imap;
  // `role: client`: the harness plays the servers (fakes) and runs a client
  // program; this says how, and steps, fixtures and connections are unused.
  // Null for the usual `role: server` scenario.
  std::shared_ptr<const ClientScenario> client;
  std::vector<std::string> rfc;  // "RFC 9051 §6.3.2"
  Level level = Level::must;
  std::vector<std::string> tags;
  std::vector<std::string> requires_capabilities;  // as advertised (case-insensitive): "IDLE", "AUTH=PLAIN"
  Fixtures fixtures;
  std::vector<std::string> connections;  // names; the first is the default; at least one
  std::vector<Step> steps;
  // The scenario must have a user to itself while it runs (POP3 maildrops,
  // INBOX fixtures). Set by the loader from the above, or by `isolation: exclusive`.
  bool exclusive_user = false;

  std::string file;  // where it was loaded from
  SourceLocation where;
};

}  // namespace conformance::scenario
