// The client's side of a SASL exchange after "AUTH mechanism" (RFC 5034 §4):
// each server challenge "+ base64" is answered by a line holding only base64
// (possibly empty), or by "*" to cancel. The server's side (continuations)
// is a Response with Status::continuation (response.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "harness/codec/common/line.hpp"
#include "harness/codec/common/result.hpp"

namespace conformance::codec::pop3 {

struct SaslResponse {
  bool cancel = false;  // the client sent "*"; `data` is then empty
  std::string data;     // the decoded response bytes

  friend bool operator==(const SaslResponse&, const SaslResponse&) = default;
};

struct SaslLimits {
  // "these BASE64 strings may be of arbitrary length" (RFC 5034 §4); a cap still applies.
  std::size_t max_line_length = 64 * 1024;  // including CRLF
  LineEnding ending = LineEnding::crlf_only;
};

// One client response line without its terminator: "*", or strict base64
// ("servers and clients MUST reject (and not ignore) any character not
// explicitly allowed by the Base64 alphabet", RFC 5034 §4). An empty line is
// an empty response.
Result<SaslResponse> parse_sasl_response(std::string_view line);

// Takes one client response line from the front of a stream.
Step<SaslResponse> decode_sasl_response(std::string_view buffer, const SaslLimits& limits = {});

// "*\r\n", or the base64 of `data` and CRLF.
std::string serialize(const SaslResponse& response);

}  // namespace conformance::codec::pop3
