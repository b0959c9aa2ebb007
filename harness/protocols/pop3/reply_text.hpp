// POP3 replies as one-line or few-line text for reports ("expected versus
// received", failure reasons, findings): control bytes escaped, long bodies
// cut, so a hostile reply cannot flood a report or break its layout.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "harness/codec/pop3/response.hpp"

namespace conformance::protocols::pop3 {

// Printable ASCII kept; CR, LF, TAB as \r \n \t; other bytes as \xHH; cut
// to `max_bytes` with "..." appended.
std::string escape_text(std::string_view bytes, std::size_t max_bytes = 300);

// "+OK [CODE] text" as it was on the wire (escaped).
std::string status_line_text(const codec::pop3::Response& response);

// The status line, then up to `max_lines` body lines and "." (or a count of
// the lines left out), separated by "\n".
std::string reply_text(const codec::pop3::Response& response, std::size_t max_lines = 20);

}  // namespace conformance::protocols::pop3
