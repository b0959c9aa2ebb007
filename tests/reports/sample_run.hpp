// Hand-built results for the report tests: one scenario per verdict, with the
// hostile content a server under test can send (markup, "]]>", control bytes,
// bytes that are not UTF-8) and a redacted login.
#pragma once

#include "harness/result/result.hpp"

#include <string>
#include <vector>

namespace conformance::reports::testing {

// What the hostile server sends; every format must show it as text.
inline constexpr std::string_view kHostileReply =
    "* OK <script>alert(1)</script> ]]> a&b \x01\x1b[2J\xff caf\xc3\xa9\r\n";
// The rendering the transport stores instead of the login line.
inline constexpr std::string_view kRedactedLogin = "a1 LOGIN user1 <redacted>\r\n";

result::ScenarioResult passed_scenario();            // imap, RFC 9051 §6.3.2, redacted login in the transcript
result::ScenarioResult failed_scenario();            // imap, hostile reply, failing expect step, a finding
result::ScenarioResult warned_scenario();            // smtp, SHOULD
result::ScenarioResult skipped_scenario();           // smtp, capability missing
result::ScenarioResult expected_failure_scenario();  // pop3, known deviation
result::ScenarioResult unexpected_pass_scenario();   // pop3, stale deviation
result::ScenarioResult error_scenario();             // imap, fixture setup failed

// A run holding the scenarios given, target "test-target", started 2024-05-01T12:00:00Z.
result::RunResult run_of(std::vector<result::ScenarioResult> scenarios);
// One scenario of each verdict, in the order above.
result::RunResult sample_run();

}  // namespace conformance::reports::testing
