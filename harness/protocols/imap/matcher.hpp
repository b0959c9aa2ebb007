// Checks one decoded response against one compiled condition: pure
// functions of (condition, response, variables) that say whether it
// matched, what differed when it did not, and what it captured.
#pragma once

#include <map>
#include <string>

#include "harness/protocols/imap/expectation.hpp"
#include "harness/protocols/imap/response_view.hpp"
#include "harness/scenario/variables.hpp"

namespace conformance::protocols::imap {

struct MatchResult {
  bool ok = true;
  std::string why;  // when !ok: the first difference, e.g. "flags lack \Seen (have: \Recent)"
  std::map<std::string, std::string> captures;

  static MatchResult fail(std::string why) { return MatchResult{false, std::move(why), {}}; }
};

// An untagged response against an `untagged:` / `absent:` condition.
MatchResult match_condition(const UntaggedCondition& condition, const Received& received,
                            const scenario::Variables& variables);

// A tagged status response against a `tagged:` check (status, code, text;
// the caller has already paired it by tag).
MatchResult match_tagged(const TaggedCheck& check, const codec::imap::StatusResponse& response,
                         const scenario::Variables& variables);

MatchResult match_continuation(const ContinuationCheck& check, const codec::imap::ContinuationRequest& request,
                               const scenario::Variables& variables);

// The first response of the connection against `greeting:`.
MatchResult match_greeting(const GreetingCheck& check, const codec::imap::Response& response,
                           const scenario::Variables& variables);

// Response codes and numbers are checked the same way wherever they occur.
MatchResult match_code(const CodeCheck& check, const std::optional<codec::imap::ResponseCode>& code,
                       const scenario::Variables& variables);
MatchResult match_number(const NumberCheck& check, std::uint64_t value, std::string_view what,
                         const scenario::Variables& variables);
MatchResult match_items(const ItemsCheck& check, const std::vector<std::string>& items, std::string_view what,
                        const scenario::Variables& variables);

}  // namespace conformance::protocols::imap
