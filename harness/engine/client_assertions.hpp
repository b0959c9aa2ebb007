// Judging a client-under-test run: what the program did and what the fakes
// saw, checked against a scenario's `expect:` assertions. No sockets and no
// processes here: the run is gathered into a ClientObservation first, so
// every assertion can be tested on a made-up one.
#pragma once

#include "harness/net/transcript.hpp"
#include "harness/scenario/client_scenario.hpp"
#include "harness/scenario/variables.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::engine {

// One connection a fake accepted, as its transcript recorded it.
struct ObservedConnection {
  std::uint32_t number = 0;  // 1-based, per fake
  std::string service;       // "smtp", "submission", "imaps", ...
  std::vector<net::TranscriptEvent> events;
};

// A mail transaction the SMTP fake completed.
struct ObservedTransaction {
  std::uint32_t connection = 0;
  std::string mail_from;              // "" for <>
  std::vector<std::string> rcpt_to;
  std::string message;                // the DATA/BDAT content, unstuffed
};

struct ObservedFake {
  std::vector<ObservedConnection> connections;
  std::vector<ObservedTransaction> transactions;  // SMTP only
};

struct ObservedDnsQuery {
  std::string name;       // as asked, without a trailing dot
  std::string type;       // "MX", "A", "TYPE65", ...
  std::string transport;  // "udp" or "tcp"
};

struct ClientObservation {
  // The program.
  bool started = false;
  std::optional<int> exit_code;
  std::optional<int> signal;
  bool timed_out = false;
  std::string outcome;  // "exit 0", "killed by SIGKILL after timeout 5 s", "could not start: ..."
  std::string standard_output;
  std::string standard_error;
  // What the fakes saw, by protocol ("smtp", "pop3", "imap").
  std::map<std::string, ObservedFake> fakes;
  std::vector<ObservedDnsQuery> dns_queries;
  // Messages in a user's mailbox after the run; nullopt if there is no such mailbox.
  std::function<std::optional<std::size_t>(std::string_view user, std::string_view mailbox)> message_count;
};

struct AssertionOutcome {
  bool ok = false;
  std::string summary;   // what was checked, one line: "smtp: sent ~ /^QUIT/ last"
  std::string reason;    // why it failed
  std::string expected;
  std::string received;
};

// `variables` are those a text condition may use (${user}, ${host}, ...).
AssertionOutcome evaluate_assertion(const scenario::ClientAssertion& assertion, const ClientObservation& observed,
                                    const scenario::Variables& variables);

// --- Exposed for tests: how transcripts are read ---

// One line the client sent (its line end removed), and whether TLS was on.
struct ClientLine {
  std::string text;
  bool after_tls = false;
};
std::vector<ClientLine> client_lines(const std::vector<net::TranscriptEvent>& events);

// How TLS went on one connection, from the fake's side.
struct ConnectionTls {
  bool attempted = false;         // a handshake began (succeeded or failed)
  bool completed = false;         // the handshake succeeded
  bool used = false;              // ... and the client then sent something over it
};
ConnectionTls connection_tls(const std::vector<net::TranscriptEvent>& events);

}  // namespace conformance::engine
