// Gathers the responses one `expect` step needs and judges them, without
// I/O: the session offers each response as it arrives and is told to read
// on, to stop, or to keep the response for a later step. Then verdict()
// checks the tagged replies, the continuation or greeting, and the untagged
// conditions (each met by a distinct response, in any order) and `absent`.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/protocols/imap/expectation.hpp"
#include "harness/protocols/imap/matcher.hpp"
#include "harness/protocols/imap/response_view.hpp"
#include "harness/scenario/variables.hpp"

namespace conformance::protocols::imap {

struct Verdict {
  bool ok = true;
  std::string reason;    // one line
  std::string expected;  // what the spec wanted
  std::string received;  // the responses, one per line
  std::map<std::string, std::string> captures;
};

class ExpectCollector {
 public:
  enum class Take {
    more,            // read on
    done,            // everything the step waits for has arrived: call verdict()
    keep_for_later,  // not for this step (a tagged reply to another pending command): keep it
    failed,          // a response that cannot be what the step waits for: call verdict()
  };

  ExpectCollector(const ImapExpect& spec, const scenario::Variables& variables);

  // A ${variable} in a tag is not set: the step fails before reading.
  const std::optional<std::string>& setup_error() const { return setup_error_; }
  // The tags awaited, expanded.
  const std::vector<std::string>& tags() const { return tags_; }

  Take offer(Received received);

  // After done or failed (or when reading stopped: then `stopped` says why).
  Verdict verdict(const scenario::Variables& variables, const std::string& stopped = {}) const;

  // Every response offered, one escaped line each, for reports.
  std::string received_text() const;

 private:
  bool untagged_conditions_met(const scenario::Variables& variables) const;
  // For each condition without `count`, the index of the response it is paired with (or -1).
  std::vector<int> assign(const std::vector<std::vector<bool>>& matches) const;
  std::vector<std::vector<bool>> match_table(const scenario::Variables& variables) const;
  Verdict judge_untagged(const scenario::Variables& variables, Verdict verdict) const;

  const ImapExpect& spec_;
  const scenario::Variables& variables_;
  std::vector<UntaggedCondition> conditions_;  // spec's untagged, plus BYE when `bye`
  std::vector<std::string> tags_;
  std::optional<std::string> setup_error_;

  std::vector<Received> all_;                                       // every response offered, in order
  std::vector<Received> untagged_;                                  // the untagged ones of this step
  std::vector<std::optional<codec::imap::StatusResponse>> tagged_;  // per tag, once it came
  std::optional<Received> continuation_;
  std::optional<Received> greeting_;
  std::string failure_;
};

}  // namespace conformance::protocols::imap
