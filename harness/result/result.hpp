// What a run produced, for the report writers (reports/) and the exit code.
// Plain data: no sockets, no YAML; transcripts are already redacted.
#pragma once

#include "harness/net/transcript.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace conformance::result {

enum class Verdict {
  passed,
  failed,             // a MUST scenario failed
  warned,             // a SHOULD (or MAY) scenario failed: reported, does not fail the run
  skipped,            // not run: capability not advertised, endpoint missing, filtered by the target...
  expected_failure,   // failed, and the target file lists it as a known deviation
  unexpected_pass,    // passed although listed as a known deviation: the list is stale
  error,              // could not be judged: the target was unreachable, a fixture could not be set up
};
std::string_view to_string(Verdict verdict);  // "passed", "failed", ...
// Verdicts that make `conformance run` exit 1.
bool fails_run(Verdict verdict);

// One step as it ran (only steps that ran are listed).
struct StepRecord {
  std::size_t index = 0;   // 0-based position in the scenario
  std::string kind;        // "connect", "send", "expect", ...
  std::string connection;  // name of the connection it used
  std::string location;    // "scenarios/imap/select.yaml:14:5"
  std::string summary;     // "send: A1 SELECT INBOX" (redacted)
  bool ok = true;
  std::string reason;
  std::string expected;
  std::string received;
  std::chrono::milliseconds duration{0};
};

struct Finding {
  std::string rfc;
  std::string message;
  std::string connection;
};

struct ConnectionTranscript {
  std::string name;
  std::string endpoint;  // "imaps://127.0.0.1:10993"
  std::vector<net::TranscriptEvent> events;
  std::size_t dropped_bytes = 0;
  // The negotiated TLS session if any: "TLSv1.3 TLS_AES_256_GCM_SHA384, subject CN=mail.test, verified"
  std::string tls_summary;
};

struct ScenarioResult {
  std::string id;
  std::string title;
  std::string protocol;  // "smtp", "pop3", "imap"
  std::vector<std::string> rfc;
  std::string level;     // "MUST", "SHOULD", "MAY"
  std::vector<std::string> tags;
  std::string file;      // scenario file path as given

  Verdict verdict = Verdict::passed;
  std::string reason;                   // skip reason, failure summary, deviation reason
  std::optional<StepRecord> failed_step;
  std::vector<StepRecord> steps;
  std::vector<Finding> findings;        // protocol violations flagged on the way
  std::vector<ConnectionTranscript> transcripts;
  std::string deviation_reason;         // from the target file, for expected_failure / unexpected_pass
  std::chrono::milliseconds duration{0};
  std::string user;                     // which target user ran it (never the password)
};

struct RunSummary {
  std::size_t total = 0, passed = 0, failed = 0, warned = 0, skipped = 0, expected_failures = 0,
              unexpected_passes = 0, errors = 0;
};

struct RunResult {
  std::string tool_version;            // "conformance 0.1.0"
  std::string target;                  // a description without secrets: "dovecot-test (imap://127.0.0.1:10143, ...)"
  bool insecure = false;               // --insecure: certificates were not verified
  std::string shard;                   // "2/4" or ""
  std::chrono::system_clock::time_point started_at{};
  std::chrono::milliseconds duration{0};
  std::vector<ScenarioResult> scenarios;  // in the order they were loaded

  RunSummary summary() const;
};

}  // namespace conformance::result
