// A scenario's details as plain text, shared by the console (--verbose) and
// the JUnit bodies. Untrusted text is passed through visible_text, so the
// result holds no control characters other than newlines and tabs.
#pragma once

#include "harness/result/result.hpp"

#include <string>

namespace conformance::reports {

// The failing step with its location, reason, expected and received; empty
// when no step failed.
std::string failed_step_text(const result::ScenarioResult& scenario);

// One line per finding: "finding: RFC 5321 §4.1.1.1: bare LF (connection main)"; empty when none.
std::string findings_text(const result::ScenarioResult& scenario);

// Each connection's transcript under a header line naming it, its endpoint
// and TLS session, lines stamped with seconds since the connection began;
// empty when there are none.
std::string transcripts_text(const result::ScenarioResult& scenario);

// `text` with `indent` before each line.
std::string indented(const std::string& text, std::string_view indent);

}  // namespace conformance::reports
