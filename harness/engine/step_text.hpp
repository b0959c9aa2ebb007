// Renderings of received bytes for step summaries, reasons and findings.
#pragma once

#include "harness/net/transcript_text.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace conformance::engine {

// A short, readable, single-line rendering: escaped, cut at `max`.
inline std::string one_line(std::string_view text, std::size_t max = 160) {
  std::string escaped = net::escape_bytes(text);
  if (escaped.size() > max) escaped = escaped.substr(0, max) + "...";
  return escaped;
}

}  // namespace conformance::engine
