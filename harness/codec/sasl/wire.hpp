// The wire form of SASL data inside SMTP, IMAP and POP3: base64 text after
// "334 " / "+ " (challenges) and on the client's own lines (responses).
// Framing (the reply code, "+ ", CRLF) belongs to the protocol codecs; this
// is only the payload rule they share (RFC 4954 §4, RFC 9051 §6.2.2,
// RFC 5034 §4): strict base64, "=" for an empty initial response, "*" to
// cancel.
#pragma once

#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::sasl {

// What the client sends to abandon an exchange.
inline constexpr std::string_view kCancelLine = "*";
// An initial response of zero bytes: an empty argument would mean "no
// initial response", so RFC 4954 §4 spells it "=".
inline constexpr std::string_view kEmptyInitialResponse = "=";

// The argument of AUTH/AUTHENTICATE carrying an initial response.
std::string encode_initial_response(std::string_view bytes);
Result<std::string> decode_initial_response(std::string_view text);

// A client's response line: data, or the cancellation "*".
struct ClientLine {
  bool cancelled = false;
  std::string data;
  friend bool operator==(const ClientLine&, const ClientLine&) = default;
};
std::string encode_response(std::string_view bytes);  // an empty response is an empty line
std::string encode_client_line(const ClientLine& line);
Result<ClientLine> decode_client_line(std::string_view text);

// The text after "334 " or "+ ".
std::string encode_challenge(std::string_view bytes);
Result<std::string> decode_challenge(std::string_view text);

}  // namespace conformance::codec::sasl
