// Content-Transfer-Encodings of bodies (RFC 2045 §6): quoted-printable
// (§6.7) and base64 (§6.8) decoders and encoders, and decoding a body by
// the name of its encoding, as IMAP's BINARY fetch needs (RFC 9051 §6.4.5).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::mime {

enum class TransferEncoding { seven_bit, eight_bit, binary, quoted_printable, base64, unknown };

// By token, case-insensitive; "" (no header field) is 7bit (RFC 2045 §6.1).
TransferEncoding identify_transfer_encoding(std::string_view token);
// 7bit, 8bit and binary: the body is the content, no decoding needed.
bool is_identity_encoding(TransferEncoding encoding);

// Robust decoding (§6.7 "robustness"): trailing white space on lines is
// dropped, "=" CRLF is a soft line break, "=XX" (hex, either case) is an
// octet, and an "=" not starting a valid sequence is kept as it is. Hard line
// breaks are kept as written (CRLF, or a bare LF). Never fails.
std::string decode_quoted_printable(std::string_view text);

// Strict decoding: as above, but an "=" that starts neither a soft line break
// nor "=" with two upper-case hex digits (§6.7 (1)), a control character
// other than TAB, an 8-bit octet, or an encoded line over 76 characters
// (§6.7 (5)) is an error at its offset.
Result<std::string> decode_quoted_printable_strict(std::string_view text);

// Encodes `bytes` so that decode_quoted_printable gives them back exactly:
// CRLF pairs become hard line breaks, a lone CR or LF is encoded, white space
// before a line break or at the end is encoded, lines are at most 76
// characters (soft breaks "=" CRLF).
std::string encode_quoted_printable(std::string_view bytes);

// Base64 in lines of 76 characters, each ended by CRLF (§6.8).
std::string encode_base64_lines(std::string_view bytes);

// The content of a body in `encoding` (its Content-Transfer-Encoding token):
// nullopt when the encoding is not one of RFC 2045's (the UNKNOWN-CTE case of
// RFC 9051 §7.5.2).
std::optional<std::string> decode_body(std::string_view body, std::string_view encoding);

}  // namespace conformance::codec::mime
