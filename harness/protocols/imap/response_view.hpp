// How an expectation sees a server response: its kind by name, its text on
// one line for reports, and the pieces conditions compare (a response
// code's value, an address list) rendered as text. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "harness/codec/imap/message_structure.hpp"
#include "harness/codec/imap/response/response.hpp"

namespace conformance::protocols::imap {

// A response as decoded, with the bytes it came in (lines, literals, CRLF).
struct Received {
  codec::imap::Response response;
  std::string raw;
};

// "OK", "NO", "BAD", "BYE", "PREAUTH" for untagged status responses,
// "TAGGED" for tagged ones, "+" for continuation requests, the keyword
// for data ("FETCH", "EXISTS", "LIST"; an unknown response's own keyword).
std::string response_type(const codec::imap::Response& response);

const codec::imap::StatusResponse* as_status(const codec::imap::Response& response);
bool is_tagged(const codec::imap::Response& response);
bool is_continuation(const codec::imap::Response& response);

// The frame with CR, LF and other control bytes escaped ("\r\n"), cut at
// `max`. Backslashes stay as they are: IMAP flags are full of them.
std::string one_line(std::string_view raw, std::size_t max = 300);

// The text of a code after its name: "[APPENDUID 38505 3955]" gives "38505 3955", "[READ-ONLY]" "".
std::string code_value_text(const codec::imap::ResponseCode& code);
// The code's name, upper case ("READ-WRITE"; an unknown code's atom).
std::string code_name_text(const codec::imap::ResponseCode& code);

// "Name <mailbox@host>, other@host"; groups as "group: ...;". NIL: "".
std::string render_addresses(const codec::imap::AddressList& addresses);

// Case-insensitive ASCII comparison.
bool equals_ignoring_case(std::string_view a, std::string_view b);

}  // namespace conformance::protocols::imap
