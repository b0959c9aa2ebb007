// Which kind of response a command gets. POP3 framing depends on the command:
// the same "+OK" line ends the response to "LIST 1" but opens a multi-line
// body for "LIST" (RFC 1939 §5). A response parser cannot tell these apart,
// so the caller, who knows the command, names the shape.
#pragma once

#include "harness/codec/pop3/command.hpp"

namespace conformance::codec::pop3 {

enum class ResponseShape {
  single_line,         // one status line (the greeting, USER, STAT, LIST n, DELE, ...)
  multi_line_listing,  // +OK and short lines up to "." (LIST, UIDL, CAPA, LANG, AUTH without argument);
                       // -ERR is single-line
  multi_line_message,  // +OK and message content up to "." (RETR, TOP); -ERR is single-line
  sasl,                // during AUTH: a "+ " continuation or the final +OK / -ERR
};

// The shape of the server's answer to `command`:
//   LIST, UIDL (no argument), CAPA (RFC 2449 §5), LANG (no argument,
//   RFC 6856 §3.2) and AUTH (no argument: the list of mechanisms that
//   pre-RFC 5034 servers answer with) are multi-line listings; RETR and TOP
//   carry a message; AUTH with a mechanism starts a SASL exchange; the rest
//   are single-line.
ResponseShape expected_shape(const Command& command);

// What follows a client's SASL response line: another challenge or the outcome.
inline constexpr ResponseShape shape_after_sasl_response = ResponseShape::sasl;

// The greeting is a single line (RFC 1939 §4).
inline constexpr ResponseShape greeting_shape = ResponseShape::single_line;

}  // namespace conformance::codec::pop3
