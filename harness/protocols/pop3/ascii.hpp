// ASCII case folding for protocol words: POP3 keywords, capability tags
// and SASL mechanism names compare case-insensitively (RFC 1939 §3,
// RFC 2449 §5, RFC 4422 §3.1).
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace conformance::protocols::pop3 {

inline std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

}  // namespace conformance::protocols::pop3
