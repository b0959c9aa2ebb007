// Counting verdicts for the summaries every report shows: per protocol and per
// RFC section ("RFC 9051 §6.3.2").
#pragma once

#include "harness/result/result.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::reports {

// Every verdict, in the order reports list them.
inline constexpr std::array<result::Verdict, 7> kAllVerdicts = {
    result::Verdict::passed,  result::Verdict::failed,           result::Verdict::warned,
    result::Verdict::skipped, result::Verdict::expected_failure, result::Verdict::unexpected_pass,
    result::Verdict::error,
};

static_assert(static_cast<std::size_t>(result::Verdict::error) + 1 == kAllVerdicts.size(),
              "kAllVerdicts lists every verdict");

class VerdictCounts {
 public:
  void add(result::Verdict verdict);
  std::size_t count(result::Verdict verdict) const { return counts_[static_cast<std::size_t>(verdict)]; }
  std::size_t total() const { return total_; }

 private:
  std::array<std::size_t, kAllVerdicts.size()> counts_{};
  std::size_t total_ = 0;
};

// "RFC 9051 §6.3.2" -> {"RFC 9051", "6.3.2"}; "RFC 5321" -> {"RFC 5321", ""}.
struct RfcReference {
  std::string document;
  std::string section;
};
RfcReference parse_rfc_reference(std::string_view text);

// RFC number first, then section part by part ("2.9" before "2.10").
bool rfc_order(const RfcReference& left, const RfcReference& right);

struct RfcTally {
  RfcReference reference;
  VerdictCounts counts;
};
// One row per RFC section any scenario cites, in rfc_order; a scenario citing
// several sections counts under each. Scenarios citing none count under the
// document "(no RFC)".
std::vector<RfcTally> tally_by_rfc(const result::RunResult& run);

struct ProtocolTally {
  std::string protocol;
  VerdictCounts counts;
};
// In alphabetical order of protocol.
std::vector<ProtocolTally> tally_by_protocol(const result::RunResult& run);

}  // namespace conformance::reports
