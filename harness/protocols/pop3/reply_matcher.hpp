// Checks a decoded POP3 reply against a ReplyExpectation: pure, no I/O.
// On failure the reason says what was expected and what came, precisely
// enough to act on ("expected +OK, got -ERR [AUTH] bad password", "LIST has
// no listing for message 4"); on success the captures to store.
#pragma once

#include <map>
#include <string>

#include "harness/codec/pop3/response.hpp"
#include "harness/protocols/pop3/expectation.hpp"
#include "harness/scenario/variables.hpp"

namespace conformance::protocols::pop3 {

struct MatchResult {
  bool ok = true;
  std::string reason;                           // failure only
  std::map<std::string, std::string> captures;  // success only: variable name -> value
};

// Variables are read (for ${name} in conditions), never written: the caller
// stores the captures when the reply matched, so a failed step changes nothing.
MatchResult match_reply(const ReplyExpectation& expectation, const codec::pop3::Response& response,
                        const scenario::Variables& variables);

}  // namespace conformance::protocols::pop3
