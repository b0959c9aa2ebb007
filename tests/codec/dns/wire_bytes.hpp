// Hand-assembled DNS wire data for the tests, written as hex with quoted
// ASCII runs: bytes("07 'example' 03 'com' 00"). Spaces are ignored.
#pragma once

#include <cstdlib>
#include <string>
#include <string_view>

namespace conformance::codec::dns::testing {

inline std::string bytes(std::string_view spec) {
  std::string out;
  auto nibble = [](char c) { return (c >= '0' && c <= '9') ? c - '0' : (c | 0x20) - 'a' + 10; };
  for (std::size_t i = 0; i < spec.size();) {
    const char c = spec[i];
    if (c == ' ' || c == '\n') {
      ++i;
    } else if (c == '\'') {
      const std::size_t close = spec.find('\'', i + 1);
      if (close == std::string_view::npos) std::abort();  // a typo in a test vector
      out.append(spec.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      if (i + 1 >= spec.size()) std::abort();
      out += static_cast<char>(nibble(spec[i]) * 16 + nibble(spec[i + 1]));
      i += 2;
    }
  }
  return out;
}

}  // namespace conformance::codec::dns::testing
