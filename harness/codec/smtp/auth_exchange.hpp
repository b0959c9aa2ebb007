// The SASL exchange that follows AUTH (RFC 4954 §4): the server sends
// challenges as "334 " base64 replies, the client answers each with a line
// of base64, or "*" to cancel. (The AUTH command itself is in command.hpp.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"
#include "harness/codec/smtp/reply.hpp"

namespace conformance::codec::smtp {

// Lines of the exchange may be longer than a command line: RFC 4954 §4
// has servers accept 12288 octets.
inline constexpr std::size_t kAuthExchangeLineLength = 12288;

// 334 with the base64 challenge ("334 " alone for an empty challenge).
Reply make_auth_challenge(std::string_view challenge);
// The decoded challenge of a one-line 334 reply; errors count from the
// start of the line's text.
Result<std::string> decode_auth_challenge(const Reply& reply);

struct AuthResponse {
  bool cancelled = false;  // the client sent "*"
  std::string data;        // decoded
  friend bool operator==(const AuthResponse&, const AuthResponse&) = default;
};

// One client line, without its CRLF.
Result<AuthResponse> parse_auth_response_line(std::string_view line);
// The first line of `buffer`, incrementally.
Step<AuthResponse> parse_auth_response(std::string_view buffer, std::size_t max_line_length = kAuthExchangeLineLength);
// With CRLF.
std::string serialize_auth_response(const AuthResponse& response);

}  // namespace conformance::codec::smtp
