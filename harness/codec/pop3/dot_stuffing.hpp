// Byte-stuffing of multi-line bodies (RFC 1939 §3): on the wire a line that
// begins with "." gets a second "." in front, and the body ends with a line
// holding a single "."; and the conversions between a message (bytes with
// CRLF line ends) and the list of lines a Response body holds.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace conformance::codec::pop3 {

// Appends `line` as it goes on the wire: stuffed when it starts with ".", then CRLF.
void append_stuffed_line(std::string& out, std::string_view line);

// Appends the stuffed lines and the terminating ".\r\n".
void append_stuffed_body(std::string& out, const std::vector<std::string>& lines);

// Splits a message into the lines of a RETR/TOP body. Lines end at CRLF; a
// final line without CRLF is kept (the server has to end it with CRLF before
// the terminator anyway, RFC 1939 §3).
std::vector<std::string> message_lines(std::string_view message);

// The inverse for a client: every line followed by CRLF.
std::string join_lines(const std::vector<std::string>& lines);

}  // namespace conformance::codec::pop3
