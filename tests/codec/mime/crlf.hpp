// Test helper: RFC examples are written with "\n" line ends for legibility
// and turned into the CRLF form they have on the wire.
#pragma once

#include <string>
#include <string_view>

namespace conformance::codec::mime::testing {

inline std::string crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace conformance::codec::mime::testing
