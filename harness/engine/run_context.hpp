// What every scenario of one run shares: the target, the TLS client context,
// the per-step deadline, the user pool and the capability cache. Lives on
// the run's single-threaded io_context; nothing here needs a lock.
#pragma once

#include "harness/engine/protocol.hpp"
#include "harness/engine/target.hpp"
#include "harness/engine/user_pool.hpp"
#include "harness/tls/context.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace conformance::engine {

struct RunSettings {
  std::chrono::milliseconds step_timeout{10'000};
  std::string client_name = "client.conformance.test";  // ${client_name}, the EHLO argument
};

// What the server advertised, per (protocol, service): probed once per run
// for scenarios with `requires:`.
struct ProbedCapabilities {
  bool done = false;
  bool reached = false;      // a TCP connection was made
  std::string error;         // why probing failed, if it did
  std::set<std::string> capabilities;
};

// Which plug-in speaks a protocol: the built-ins, or a test's own.
using ProtocolLookup = std::function<const Protocol&(scenario::Protocol)>;

struct RunContext {
  RunContext(Target target_in, RunSettings settings_in, ProtocolLookup protocols_in = protocol_for);

  Target target;
  RunSettings settings;
  ProtocolLookup protocols;
  std::optional<tls::ClientContext> tls;  // empty when it could not be built: tls_error says why
  std::string tls_error;
  UserPool users;
  std::map<std::pair<scenario::Protocol, scenario::Service>, ProbedCapabilities> capabilities;
  std::string run_id;          // short random token, part of ${mailbox}
  unsigned next_unique = 0;    // for ${mailbox} / ${unique}
  bool any_connection_made = false;
  std::size_t connection_attempts = 0;

  std::string unique_token();
};

// "TLSv1.3 TLS_AES_256_GCM_SHA384, CN=mail.test, verified" for transcripts and reports.
std::string describe_tls(const tls::TlsInfo& info);

}  // namespace conformance::engine
