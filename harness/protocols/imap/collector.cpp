#include "harness/protocols/imap/collector.hpp"

#include <algorithm>
#include <functional>

namespace conformance::protocols::imap {

namespace {

namespace ci = codec::imap;

constexpr std::size_t kReceivedLinesShown = 40;

// Kuhn's augmenting paths: pairs conditions with distinct responses.
bool augment(std::size_t condition, const std::vector<std::vector<bool>>& matches, std::vector<int>& owner,
             std::vector<bool>& visited) {
  for (std::size_t response = 0; response < owner.size(); ++response) {
    if (!matches[condition][response] || visited[response]) continue;
    visited[response] = true;
    if (owner[response] < 0 || augment(static_cast<std::size_t>(owner[response]), matches, owner, visited)) {
      owner[response] = static_cast<int>(condition);
      return true;
    }
  }
  return false;
}

}  // namespace

ExpectCollector::ExpectCollector(const ImapExpect& spec, const scenario::Variables& variables)
    : spec_(spec), variables_(variables), conditions_(spec.untagged) {
  if (spec.bye) {
    UntaggedCondition bye;
    bye.type = "BYE";
    conditions_.push_back(std::move(bye));
  }
  for (const auto& check : spec.tagged) {
    scenario::Expansion expansion;
    if (auto missing = variables.expand(check.tag, expansion)) {
      setup_error_ = "variable ${" + *missing + "} is not set" +
                     (*missing == "tag" ? " (no command has been sent on this connection)" : "");
      break;
    }
    tags_.push_back(expansion.bytes);
  }
  tagged_.resize(tags_.size());
}

ExpectCollector::Take ExpectCollector::offer(Received received) {
  all_.push_back(received);
  const ci::Response& response = received.response;
  const ImapExpect::Until until = spec_.until();

  if (until == ImapExpect::Until::greeting) {
    greeting_ = std::move(received);
    return Take::done;
  }
  if (is_tagged(response)) {
    const auto& status = std::get<ci::StatusResponse>(response);
    for (std::size_t i = 0; i < tags_.size(); ++i) {
      if (tags_[i] != *status.tag || tagged_[i]) continue;
      tagged_[i] = status;
      const bool all_in = std::all_of(tagged_.begin(), tagged_.end(), [](const auto& t) { return t.has_value(); });
      return all_in ? Take::done : Take::more;
    }
    all_.pop_back();
    if (until == ImapExpect::Until::continuation) {
      all_.push_back(std::move(received));
      failure_ = "a tagged reply where a continuation request (+) was expected: " + one_line(all_.back().raw);
      return Take::failed;
    }
    return Take::keep_for_later;
  }
  if (is_continuation(response)) {
    if (until == ImapExpect::Until::continuation) {
      continuation_ = std::move(received);
      return Take::done;
    }
    failure_ = "a continuation request where " +
               std::string(until == ImapExpect::Until::tagged ? "a tagged reply" : "untagged responses") +
               " was expected: " + one_line(received.raw);
    return Take::failed;
  }
  const bool is_bye = response_type(response) == "BYE";
  untagged_.push_back(std::move(received));
  if (until == ImapExpect::Until::bye && is_bye) return Take::done;
  if (until == ImapExpect::Until::untagged && untagged_conditions_met(variables_)) return Take::done;
  return Take::more;
}

std::vector<std::vector<bool>> ExpectCollector::match_table(const scenario::Variables& variables) const {
  std::vector<std::vector<bool>> matches(conditions_.size(), std::vector<bool>(untagged_.size(), false));
  for (std::size_t c = 0; c < conditions_.size(); ++c) {
    for (std::size_t r = 0; r < untagged_.size(); ++r) {
      matches[c][r] = match_condition(conditions_[c], untagged_[r], variables).ok;
    }
  }
  return matches;
}

std::vector<int> ExpectCollector::assign(const std::vector<std::vector<bool>>& matches) const {
  std::vector<int> owner(untagged_.size(), -1);
  for (std::size_t c = 0; c < conditions_.size(); ++c) {
    if (conditions_[c].count) continue;
    std::vector<bool> visited(untagged_.size(), false);
    augment(c, matches, owner, visited);
  }
  std::vector<int> paired(conditions_.size(), -1);
  for (std::size_t r = 0; r < owner.size(); ++r) {
    if (owner[r] >= 0) paired[static_cast<std::size_t>(owner[r])] = static_cast<int>(r);
  }
  return paired;
}

bool ExpectCollector::untagged_conditions_met(const scenario::Variables& variables) const {
  const auto matches = match_table(variables);
  const auto paired = assign(matches);
  for (std::size_t c = 0; c < conditions_.size(); ++c) {
    if (conditions_[c].count) {
      // Without a tagged reply to end the step, a count is a minimum.
      const auto hits = std::count(matches[c].begin(), matches[c].end(), true);
      if (hits < *conditions_[c].count) return false;
    } else if (paired[c] < 0) {
      return false;
    }
  }
  return true;
}

Verdict ExpectCollector::judge_untagged(const scenario::Variables& variables, Verdict verdict) const {
  const auto matches = match_table(variables);
  const auto paired = assign(matches);
  const bool exact_counts = spec_.until() != ImapExpect::Until::untagged;
  for (std::size_t c = 0; c < conditions_.size(); ++c) {
    const UntaggedCondition& condition = conditions_[c];
    const auto hits = std::count(matches[c].begin(), matches[c].end(), true);
    if (condition.count) {
      const bool ok = exact_counts ? hits == *condition.count : hits >= *condition.count;
      if (!ok) {
        verdict.ok = false;
        verdict.reason = std::to_string(hits) + " untagged responses matched " + condition.describe() + ", expected " +
                         (exact_counts ? "" : "at least ") + std::to_string(*condition.count);
        return verdict;
      }
      continue;
    }
    if (paired[c] >= 0) {
      auto result = match_condition(condition, untagged_[static_cast<std::size_t>(paired[c])], variables);
      verdict.captures.merge(result.captures);
      continue;
    }
    verdict.ok = false;
    if (hits > 0) {
      verdict.reason = "not enough distinct untagged responses: " + condition.describe() +
                       " matched only responses other conditions needed";
      return verdict;
    }
    std::string closest;
    for (const auto& received : untagged_) {
      if (response_type(received.response) != condition.type) continue;
      closest = match_condition(condition, received, variables).why + " in " + one_line(received.raw, 200);
      break;
    }
    verdict.reason = "no untagged response matched " + condition.describe() + ": " +
                     (closest.empty() ? "no " + condition.type + " response arrived" : closest);
    return verdict;
  }
  for (const auto& condition : spec_.absent) {
    for (const auto& received : untagged_) {
      if (match_condition(condition, received, variables).ok) {
        verdict.ok = false;
        verdict.reason =
            "received " + one_line(received.raw, 200) + ", which 'absent' forbids (" + condition.describe() + ")";
        return verdict;
      }
    }
  }
  return verdict;
}

Verdict ExpectCollector::verdict(const scenario::Variables& variables, const std::string& stopped) const {
  Verdict verdict;
  verdict.expected = spec_.describe();
  verdict.received = received_text();
  auto fail = [&](std::string reason) {
    verdict.ok = false;
    verdict.reason = std::move(reason);
    verdict.captures.clear();
    return verdict;
  };
  if (setup_error_) return fail(*setup_error_);
  if (!failure_.empty()) return fail(failure_);
  if (!stopped.empty()) {
    std::string waiting;
    switch (spec_.until()) {
      case ImapExpect::Until::greeting:
        waiting = "the greeting";
        break;
      case ImapExpect::Until::continuation:
        waiting = "a continuation request";
        break;
      case ImapExpect::Until::tagged:
        for (std::size_t i = 0; i < tags_.size(); ++i) {
          if (!tagged_[i]) waiting += (waiting.empty() ? "the tagged reply to " : ", ") + tags_[i];
        }
        break;
      case ImapExpect::Until::bye:
        waiting = "an untagged BYE";
        break;
      case ImapExpect::Until::untagged:
        waiting = "untagged responses";
        break;
    }
    return fail(stopped + " while waiting for " + waiting);
  }
  if (greeting_) {
    auto result = match_greeting(*spec_.greeting, greeting_->response, variables);
    if (!result.ok) return fail(result.why);
    verdict.captures.merge(result.captures);
    return verdict;
  }
  for (std::size_t i = 0; i < tags_.size(); ++i) {
    if (!tagged_[i]) return fail("no tagged reply to " + tags_[i]);
    auto result = match_tagged(spec_.tagged[i], *tagged_[i], variables);
    if (!result.ok) return fail(tags_[i] + ": " + result.why);
    verdict.captures.merge(result.captures);
  }
  if (continuation_) {
    auto result =
        match_continuation(*spec_.continuation, std::get<ci::ContinuationRequest>(continuation_->response), variables);
    if (!result.ok) return fail(result.why);
  }
  auto judged = judge_untagged(variables, std::move(verdict));
  if (!judged.ok) judged.captures.clear();
  return judged;
}

std::string ExpectCollector::received_text() const {
  std::string out;
  std::size_t shown = 0;
  for (const auto& received : all_) {
    if (shown == kReceivedLinesShown) {
      out += "\n... (" + std::to_string(all_.size() - shown) + " more)";
      break;
    }
    out += (out.empty() ? "" : "\n") + one_line(received.raw);
    ++shown;
  }
  return out;
}

}  // namespace conformance::protocols::imap
