// A POP3 server response as a structure: the status line ("+OK", "-ERR", or
// the "+ " continuation of a SASL exchange), its optional extended response
// code and text, and for multi-line responses the body lines, already
// unstuffed. Builders for a fake server, the serializer, and the parser of a
// single status line. The framing of whole responses (which needs to know
// whether a body follows) is in response_decoder.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/pop3/anomaly.hpp"
#include "harness/codec/pop3/response_code.hpp"

namespace conformance::codec::pop3 {

enum class Status {
  ok,            // "+OK"  (RFC 1939 §3)
  err,           // "-ERR" (RFC 1939 §3)
  continuation,  // "+ " base64 challenge during AUTH (RFC 5034 §4)
};

struct Response {
  Status status = Status::ok;
  // The bracketed code that may open the text (RFC 2449 §8). Never on a continuation.
  std::optional<ResponseCode> code;
  // The text after the status indicator and a single SP (and after the code
  // and one optional SP). For a continuation: the base64 challenge as sent.
  std::string text;
  // Present exactly when the response is multi-line (RFC 1939 §3): the lines
  // between the status line and the final ".", without CRLF, byte-stuffing
  // removed. An empty vector is a multi-line response with no lines.
  std::optional<std::vector<std::string>> body;

  friend bool operator==(const Response&, const Response&) = default;
};

Response ok(std::string text = {}, std::optional<ResponseCode> code = std::nullopt);
Response err(std::string text = {}, std::optional<ResponseCode> code = std::nullopt);
// "+OK text" followed by `body` and the terminating "." line.
Response ok_multi_line(std::string text, std::vector<std::string> body);
// "+ " followed by the base64 encoding of the challenge bytes.
Response continuation(std::string_view challenge);

// The decoded bytes of a continuation's challenge (strict base64, RFC 5034 §4).
Result<std::string> challenge_bytes(const Response& response);

// The response on the wire: status line, then (if `body`) the dot-stuffed
// lines and ".", each line ended by CRLF. parse(serialize(r)) == r holds as
// long as `text` and the body lines hold no CRLF, a continuation has no code
// or body, and a text without code does not itself start with a valid code.
std::string serialize(const Response& response);
void serialize_to(std::string& out, const Response& response);

struct StatusLineOptions {
  // Accept "+ challenge" (only while an AUTH exchange is under way).
  bool allow_continuation = false;
  // Leniencies, off by default; when on, what they let through is reported
  // as an anomaly.
  //
  // When "[" opens the text but no valid code follows: keep it all as text.
  // A server that did not announce RESP-CODES may start its text with "["
  // (RFC 2449 §6.4).
  bool malformed_code_is_text = false;
  // "+ok" / "-Err" ("Servers MUST send the +OK and -ERR in upper case", RFC 1939 §3).
  bool accept_lowercase_status = false;
  // A continuation "+" with no SP after it, read as an empty challenge (RFC 5034 §5 requires the SP).
  bool accept_continuation_without_space = false;
};

// Parses one status line, given without its line terminator:
//   single-line = status [SP text], status = "+OK" / "-ERR",
//   text = *schar / resp-code *CHAR          (RFC 2449 §3)
//   continue-req = "+" SP [base64]            (RFC 5034 §5)
// Deviations the parser can live with are appended to `anomalies` (offsets
// relative to `line`). The result never has a body.
Result<Response> parse_status_line(std::string_view line, const StatusLineOptions& options = {},
                                   std::vector<Anomaly>* anomalies = nullptr);

}  // namespace conformance::codec::pop3
