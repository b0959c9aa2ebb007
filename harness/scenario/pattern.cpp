#include "harness/scenario/pattern.hpp"

#include <re2/re2.h>

namespace conformance::scenario {

Expected<Pattern, std::string> Pattern::compile(std::string_view source, bool case_insensitive) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(!case_insensitive);
  // Generous for a reply line, small enough that one pattern cannot eat the run's memory.
  options.set_max_mem(8 << 20);
  auto re = std::make_shared<const re2::RE2>(re2::StringPiece(source.data(), source.size()), options);
  if (!re->ok()) return re->error();
  Pattern pattern;
  pattern.source_ = std::string(source);
  pattern.case_insensitive_ = case_insensitive;
  pattern.re_ = std::move(re);
  return pattern;
}

bool Pattern::matches(std::string_view text) const {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

std::optional<std::map<std::string, std::string>> Pattern::search(std::string_view text) const {
  const int groups = re_->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> pieces(static_cast<std::size_t>(groups) + 1);
  if (!re_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::UNANCHORED, pieces.data(),
                  groups + 1)) {
    return std::nullopt;
  }
  std::map<std::string, std::string> captured;
  captured["0"] = std::string(pieces[0].data() ? pieces[0].data() : "", pieces[0].size());
  for (const auto& [name, index] : re_->NamedCapturingGroups()) {
    const auto& piece = pieces[static_cast<std::size_t>(index)];
    captured[name] = piece.data() ? std::string(piece.data(), piece.size()) : std::string();
  }
  return captured;
}

std::vector<std::string> Pattern::group_names() const {
  std::vector<std::string> names;
  for (const auto& [name, index] : re_->NamedCapturingGroups()) names.push_back(name);
  return names;
}

}  // namespace conformance::scenario
