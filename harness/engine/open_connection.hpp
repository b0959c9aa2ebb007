// Opening a connection to the target, the one way the engine does it: TCP
// connect, implicit TLS, the greeting, STARTTLS, each under the same
// deadline. Scenario steps, fixture connections and the capability probe
// all open theirs here, so they count attempts, check certificates and catch
// plaintext injected before a TLS handshake alike.
#pragma once

#include "harness/engine/protocol.hpp"
#include "harness/engine/run_context.hpp"
#include "harness/engine/target.hpp"
#include "harness/net/asio.hpp"
#include "harness/net/stream.hpp"
#include "harness/net/transcript.hpp"
#include "harness/scenario/scenario.hpp"
#include "harness/scenario/variables.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace conformance::engine {

// One of a scenario's connections, or the probe's.
struct Connection {
  std::string name;
  std::shared_ptr<net::Transcript> transcript;  // null: nothing is recorded
  std::optional<net::Stream> stream;
  std::unique_ptr<Session> session;
  std::string endpoint_url;
  bool open = false;
};

// What to open and how. A constructor, not an aggregate: it is passed to a
// coroutine (GCC 12, docs/architecture.md).
struct OpenRequest {
  OpenRequest(const Endpoint& endpoint_in, net::Duration timeout_in) : endpoint(&endpoint_in), timeout(timeout_in) {}

  const Endpoint* endpoint;
  net::Duration timeout;  // for each of connect, handshake, greeting and STARTTLS
  bool implicit_tls = false;
  bool starttls = false;  // upgrade right after the greeting, which is then read whatever read_greeting says
  bool read_greeting = true;
};

// How opening ended. `outcome` words a failure for a step's report; the
// stage that failed and the bare `cause` are for callers with words of
// their own (the probe).
struct Opened {
  enum class Stage { none, connect, tls, greeting, starttls };
  Stage failed_at = Stage::none;
  StepOutcome outcome;
  std::string cause;
};

class ConnectionOpener {
 public:
  // `tls_host`: the name certificates are checked against and sent as SNI;
  // empty: the address connected to. `protocol` names the clause a
  // plaintext-injection finding cites. Steps on the connections this opens
  // read and write `limits`, `variables` and `findings`.
  ConnectionOpener(RunContext& run, scenario::Protocol protocol, std::string tls_host, const Limits& limits,
                   scenario::Variables& variables, std::vector<Finding>& findings);

  // Gives `conn` a new session of `proto` and, once connected, its stream.
  net::awaitable<Opened> open(Connection& conn, const Protocol& proto, const OpenRequest& request);

  // Asks the session for STARTTLS, then upgrades the stream.
  net::awaitable<StepOutcome> starttls(Connection& conn, net::Duration timeout);

  // A graceful close under the teardown deadline; the session is told.
  net::awaitable<void> close(Connection& conn);

  StepContext context_for(Connection& conn, net::Duration timeout);

 private:
  // The TLS handshake on the connected stream; `cause` gets a failure's
  // description without the step's words.
  net::awaitable<StepOutcome> handshake(Connection& conn, net::Duration timeout, std::string& cause);

  RunContext& run_;
  scenario::Protocol protocol_;
  std::string tls_host_;
  const Limits& limits_;
  scenario::Variables& variables_;
  std::vector<Finding>& findings_;
};

}  // namespace conformance::engine
