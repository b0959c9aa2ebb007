#include "fakes/common/fault_plan.hpp"

#include <algorithm>
#include <cctype>

namespace conformance::fakes {

std::string_view to_string(FaultPoint point) {
  switch (point) {
    case FaultPoint::greeting:
      return "greeting";
    case FaultPoint::command:
      return "command";
    case FaultPoint::after_tls_ready:
      return "after_tls_ready";
  }
  return "?";
}

std::vector<std::size_t> random_cuts(const FaultAction::RandomSplit& split, std::size_t size) {
  std::vector<std::size_t> cuts;
  if (size < 2 || split.pieces < 2) return cuts;
  std::uint64_t state = split.seed;
  auto next = [&state] {  // SplitMix64 (Steele, Lea, Flood 2014)
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  for (std::uint32_t i = 1; i < split.pieces; ++i) cuts.push_back(1 + static_cast<std::size_t>(next() % (size - 1)));
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

std::string normalise_verb(std::string_view verb) {
  std::string out;
  bool pending_space = false;
  for (char c : verb) {
    if (c == ' ' || c == '\t') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

FaultTracker::FaultTracker(FaultPlan plan)
    : plan_(std::move(plan)), fired_(plan_.rules.size(), 0), seen_(plan_.rules.size(), 0) {
  for (FaultRule& rule : plan_.rules) rule.command = normalise_verb(rule.command);
}

std::uint32_t FaultTracker::connection_opened() { return ++connections_; }

const FaultRule* FaultTracker::at(FaultPoint point, std::uint32_t connection, std::string_view command) {
  const std::string verb = point == FaultPoint::command ? normalise_verb(command) : std::string();
  const FaultRule* chosen = nullptr;
  for (std::size_t i = 0; i < plan_.rules.size(); ++i) {
    const FaultRule& rule = plan_.rules[i];
    if (rule.point != point) continue;
    if (point == FaultPoint::command && rule.command != verb) continue;
    if (rule.connection && *rule.connection != connection) continue;
    // Every matching rule counts the event, so one rule's firing does not
    // shift another's "Nth occurrence".
    const std::uint32_t nth = ++seen_[i];
    if (chosen) continue;
    if (rule.occurrence && *rule.occurrence != nth) continue;
    if (rule.times != 0 && fired_[i] >= rule.times) continue;
    ++fired_[i];
    chosen = &rule;
  }
  return chosen;
}

}  // namespace conformance::fakes
