// APOP (RFC 1939 §7): the server puts a timestamp in the form of an RFC 822
// msg-id, "<process-ID.clock@hostname>", in its greeting; the client proves
// it knows the shared secret by sending MD5(timestamp + secret) as 32
// lowercase hex digits. RFC 2449 §3 writes the greeting as
//   greeting = "+OK" [resp-code] *gchar [timestamp] *gchar CRLF
//   gchar = printable ASCII except "<";  timestamp = "<" *VCHAR ">"
// so the first "<" of the greeting starts the timestamp.
#pragma once

#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::pop3 {

// The timestamp in a greeting's text (Response::text), angle brackets
// included, as the digest needs it. Fails when there is none ("<" absent: the
// server does not offer APOP) or when it is not msg-id shaped: VCHARs between
// "<" and ">", with a non-empty part on each side of one "@". Offsets are
// relative to `greeting_text`.
Result<std::string> apop_timestamp(std::string_view greeting_text);

// MD5 of timestamp followed by secret, as 32 lowercase hex digits.
std::string apop_digest(std::string_view timestamp, std::string_view secret);

}  // namespace conformance::codec::pop3
