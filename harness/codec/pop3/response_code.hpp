// Extended response codes: the bracketed, hierarchical code that may open the
// text of a "+OK" or "-ERR" line, e.g. "-ERR [SYS/TEMP] try later"
// (RFC 2449 §8; codes registered by RFC 2449 §8.1, RFC 3206 and RFC 6856 §5).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::pop3 {

struct ResponseCode {
  // The levels between the brackets, split at "/": "[SYS/TEMP]" is {"SYS", "TEMP"}.
  std::vector<std::string> levels;

  friend bool operator==(const ResponseCode&, const ResponseCode&) = default;
};

// The codes registered with IANA, as "/"-joined paths for is_code().
namespace codes {
inline constexpr std::string_view in_use = "IN-USE";            // RFC 2449 §8.1.2
inline constexpr std::string_view login_delay = "LOGIN-DELAY";  // RFC 2449 §8.1.1
inline constexpr std::string_view sys_temp = "SYS/TEMP";        // RFC 3206 §4
inline constexpr std::string_view sys_perm = "SYS/PERM";        // RFC 3206 §4
inline constexpr std::string_view auth = "AUTH";                // RFC 3206 §5
inline constexpr std::string_view utf8 = "UTF8";                // RFC 6856 §5
}  // namespace codes

// Parses a response code at the start of `text`, which must begin with "[":
// resp-code = "[" resp-level *("/" resp-level) "]", resp-level = 1*rchar
// (RFC 2449 §3). On success `*consumed` (if given) is the length through "]".
// Error offsets are relative to `text`.
Result<ResponseCode> parse_response_code(std::string_view text, std::size_t* consumed = nullptr);

// "[SYS/TEMP]".
std::string serialize(const ResponseCode& code);

// "SYS/TEMP" (no brackets).
std::string to_string(const ResponseCode& code);

// Builds a code from a "/"-separated path, without validation: response_code("SYS/TEMP").
ResponseCode response_code(std::string_view path);

// True when `code` is `path` or a more detailed form of it: codes compare
// case-insensitively and "clients MUST ignore unknown hierarchical detail"
// (RFC 2449 §8), so "[SYS/TEMP/DISK]" is a SYS/TEMP code.
bool is_code(const ResponseCode& code, std::string_view path);

}  // namespace conformance::codec::pop3
