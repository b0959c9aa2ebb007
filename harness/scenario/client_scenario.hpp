// Client-under-test scenarios (`role: client`, docs/scenario-format.md,
// "Client under test"): the harness starts fakes, runs a real client
// program against them, and checks what the client sent and how it ended.
//
//   id: client.curl.imap-starttls-fetch
//   role: client
//   fakes: {imap: {}}
//   store: {default_dataset: true}
//   client:
//     command: curl --ssl-reqd --cacert {ca_file} -u {user}:{password} imap://{host}:{imap_port}/INBOX;UID=1
//   expect:
//     - exit: 0
//     - {not_sent_before_tls: ["LOGIN", "AUTHENTICATE"], rfc: "RFC 9051 §6.2.3"}
//
// What the fakes are (store, TLS, faults, DNS zone) is read by a plug-in,
// ClientSupport, because the loader must not depend on the fakes: it is
// also built without sockets for fuzzing. The engine provides the plug-in.
#pragma once

#include "harness/common/expected.hpp"
#include "harness/scenario/duration.hpp"
#include "harness/scenario/source.hpp"
#include "harness/scenario/text_match.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace conformance::scenario {

class Fields;

// The fakes' side of a client scenario, compiled by the ClientSupport
// plug-in; only the plug-in's engine side looks inside.
class FakeSetup {
 public:
  virtual ~FakeSetup() = default;
  // The fakes started: "smtp", "pop3", "imap", "dns".
  virtual std::vector<std::string> protocols() const = 0;
  // The store's users, in order (the first is the default client user).
  virtual std::vector<std::string> users() const = 0;
};

// What the loader needs from whoever knows the fakes and runs programs.
class ClientSupport {
 public:
  virtual ~ClientSupport() = default;
  // Reads the keys of the scenario's root mapping that describe the fakes
  // (store, tls, fakes, dns), reporting mistakes through `fields`. Null
  // when there were mistakes.
  virtual std::shared_ptr<const FakeSetup> read_fakes(Fields& fields) const = 0;
  // Checks a command template's syntax (quoting, placeholders) with every
  // placeholder in `names` known; the message says what is wrong and where.
  virtual std::optional<std::string> check_command(std::string_view command,
                                                   const std::vector<std::string>& names) const = 0;
};

// --- The client program ---

struct ClientProgram {
  // argv template, split like a shell does (quotes, backslashes; no $ or
  // globs): {host} {smtp_port} {submission_port} {submissions_port}
  // {pop3_port} {pop3s_port} {imap_port} {imaps_port} {dns_port} {ca_file}
  // {user} {password} {address} {tmp} {fixture:NAME}.
  std::string command;
  SourceLocation command_where;
  Milliseconds timeout{30'000};
  std::optional<std::string> standard_input;          // placeholders expanded
  std::vector<std::pair<std::string, std::string>> env;    // values: placeholders expanded
  // Files written into {tmp} before the run (name, content with placeholders),
  // mode 0600: configuration files such as a .fetchmailrc.
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::string> requires_programs;  // skipped when one is not on PATH
  std::string user;  // whose {user} {password} {address}; default: the store's first user
  std::map<std::string, std::string> fixtures;  // {fixture:NAME} -> absolute path of the file
};

// --- Assertions (`expect:`), each checked after the program ended ---

struct ExitCheck {
  enum class Kind { codes, nonzero, timeout };
  Kind kind = Kind::codes;
  std::vector<int> codes;  // any of these
};

struct OutputCheck {  // stdout / stderr
  bool standard_error = false;
  TextMatch match;
};

// A client line (one line of what it sent, line end removed) matching.
struct SentCheck {
  TextMatch line;
};
struct NotSentCheck {
  TextMatch line;
};
// On every connection where a line matching `later` was sent, one matching
// `earlier` was sent before it; and `later` was sent somewhere.
struct SentBeforeCheck {
  TextMatch earlier;
  TextMatch later;
};
// No line matching any of these before TLS was on (on a connection that never
// used TLS: at all).
struct NotSentBeforeTlsCheck {
  std::vector<TextMatch> lines;
};
// The last line of every connection where the client sent something.
struct SentLastCheck {
  TextMatch line;
};
struct ConnectionsCheck {
  std::uint32_t count = 0;
};
struct TlsCheck {
  enum class Outcome {
    established,        // a handshake completed and the client went on over TLS
    refused_by_client,  // the client started TLS and gave up: it refused the certificate
    none,               // no TLS at all
  };
  Outcome outcome = Outcome::established;
};
// SMTP: a transaction with this envelope was completed.
struct EnvelopeCheck {
  std::optional<std::string> mail_from;          // "" for the null path <>
  std::optional<std::vector<std::string>> rcpt_to;  // all of them, in order
};
// SMTP: a message, unstuffed, equal to the fixture (CRLF line ends).
struct DataEqualsCheck {
  std::string file;   // as written
  std::string bytes;
};
struct DataMatchesCheck {
  TextMatch match;
};
struct DnsQueriesCheck {
  struct Query {
    std::string name;       // compared case-insensitively, trailing dot ignored
    std::string type;       // "MX", "A", ...; "" any
    std::string transport;  // "udp", "tcp", "" any
  };
  // Present in the query log in this order (other queries may come between).
  std::vector<Query> queries;
};
// The number of messages in a user's mailbox after the run.
struct StoreCheck {
  std::string user;
  std::string mailbox = "INBOX";
  std::uint32_t count = 0;
};

using ClientCheck = std::variant<ExitCheck, OutputCheck, SentCheck, NotSentCheck, SentBeforeCheck,
                                 NotSentBeforeTlsCheck, SentLastCheck, ConnectionsCheck, TlsCheck, EnvelopeCheck,
                                 DataEqualsCheck, DataMatchesCheck, DnsQueriesCheck, StoreCheck>;

struct ClientAssertion {
  ClientCheck check;
  std::string kind;  // as written: "exit", "sent_before", ...
  // The fake whose transcripts or records are checked ("smtp", ...); empty
  // for exit, stdout, stderr, dns_queries and store.
  std::string fake;
  std::optional<std::uint32_t> connection;  // only the fake's Nth connection (1-based)
  std::vector<std::string> rfc;             // the assertion's own clauses; else the scenario's
  SourceLocation where;
};

struct ClientScenario {
  std::string protocol;  // what the client mainly speaks: "smtp", "pop3", "imap", "dns"
  std::shared_ptr<const FakeSetup> fakes;
  ClientProgram program;
  std::vector<ClientAssertion> expect;
};

// The placeholders a command may use, without braces ("host", "smtp_port",
// ...; "fixture:NAME" is separate).
const std::vector<std::string>& client_placeholder_names();

// Which fake a port placeholder needs ("smtp_port" -> "smtp"), or "".
std::string fake_of_placeholder(std::string_view name);

// `{name}` replaced in plain text (stdin, env values, files); `{{` and `}}`
// are literal braces. An unknown name or an unclosed `{` is an error whose
// text says which and where.
struct PlaceholderError {
  std::string message;  // "offset 4: unknown placeholder {usr}"
};
Expected<std::string, PlaceholderError> substitute_placeholders(
    std::string_view text, const std::map<std::string, std::string, std::less<>>& values);

// The names used in a text, in order ("fixture:x" included).
std::vector<std::string> placeholders_in(std::string_view text);

}  // namespace conformance::scenario
