#include "reports/tally.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace conformance::reports {
namespace {

constexpr std::string_view kNoRfc = "(no RFC)";

std::optional<unsigned long> leading_number(std::string_view text) {
  unsigned long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  return value;
}

std::optional<unsigned long> rfc_number(std::string_view document) {
  if (!document.starts_with("RFC ")) return std::nullopt;
  return leading_number(document.substr(4));
}

// Compares dotted sections part by part, numerically where both parts are numbers.
bool section_less(std::string_view left, std::string_view right) {
  while (!left.empty() && !right.empty()) {
    const std::string_view left_part = left.substr(0, left.find('.'));
    const std::string_view right_part = right.substr(0, right.find('.'));
    const auto left_number = leading_number(left_part);
    const auto right_number = leading_number(right_part);
    if (left_number && right_number && *left_number != *right_number) return *left_number < *right_number;
    if (left_part != right_part) return left_part < right_part;
    left.remove_prefix(std::min(left.size(), left_part.size() + 1));
    right.remove_prefix(std::min(right.size(), right_part.size() + 1));
  }
  return left.empty() && !right.empty();
}

}  // namespace

void VerdictCounts::add(result::Verdict verdict) {
  ++counts_[static_cast<std::size_t>(verdict)];
  ++total_;
}

RfcReference parse_rfc_reference(std::string_view text) {
  const std::size_t mark = text.find("§");
  if (mark == std::string_view::npos) return {std::string(text), ""};
  std::string_view document = text.substr(0, mark);
  while (!document.empty() && document.back() == ' ') document.remove_suffix(1);
  std::string_view section = text.substr(mark + std::string_view("§").size());
  while (!section.empty() && section.front() == ' ') section.remove_prefix(1);
  return {std::string(document), std::string(section)};
}

bool rfc_order(const RfcReference& left, const RfcReference& right) {
  // Cited documents sort by number, then anything else by name, "(no RFC)" last.
  const auto left_number = rfc_number(left.document);
  const auto right_number = rfc_number(right.document);
  const auto rank = [](const RfcReference& reference, const std::optional<unsigned long>& number) {
    return number ? 0 : reference.document == kNoRfc ? 2 : 1;
  };
  const int left_rank = rank(left, left_number);
  const int right_rank = rank(right, right_number);
  if (left_rank != right_rank) return left_rank < right_rank;
  if (left_number && right_number && *left_number != *right_number) return *left_number < *right_number;
  if (left.document != right.document) return left.document < right.document;
  return section_less(left.section, right.section);
}

std::vector<RfcTally> tally_by_rfc(const result::RunResult& run) {
  std::map<std::pair<std::string, std::string>, VerdictCounts> by_section;
  for (const auto& scenario : run.scenarios) {
    if (scenario.rfc.empty()) by_section[{std::string(kNoRfc), ""}].add(scenario.verdict);
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& cited : scenario.rfc) {
      RfcReference reference = parse_rfc_reference(cited);
      std::pair key{std::move(reference.document), std::move(reference.section)};
      if (seen.insert(key).second) by_section[key].add(scenario.verdict);
    }
  }
  std::vector<RfcTally> rows;
  for (auto& [key, counts] : by_section) rows.push_back({{key.first, key.second}, counts});
  std::sort(rows.begin(), rows.end(),
            [](const RfcTally& left, const RfcTally& right) { return rfc_order(left.reference, right.reference); });
  return rows;
}

std::vector<ProtocolTally> tally_by_protocol(const result::RunResult& run) {
  std::map<std::string, VerdictCounts> by_protocol;
  for (const auto& scenario : run.scenarios) by_protocol[scenario.protocol].add(scenario.verdict);
  std::vector<ProtocolTally> rows;
  for (auto& [protocol, counts] : by_protocol) rows.push_back({protocol, counts});
  return rows;
}

}  // namespace conformance::reports
