// Client side: a Command to the bytes a client sends, and the lines a client
// sends inside an exchange (AUTHENTICATE responses, IDLE's DONE).
//
// Strings take the form a careful client would choose (atom, quoted string,
// or literal when nothing else can carry them); WriterOptions says whether
// literals are announced {N} or, when the server advertised LITERAL+ or
// LITERAL- (RFC 7888), {N+}. A synchronizing literal makes the client stop
// and wait for the server's "+": continuation_points says where.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/imap/command/command.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap::command {

struct SerializedCommand {
  std::string bytes;  // the whole command, final CRLF included
  // Offsets into `bytes` just after each synchronizing literal's "{N}\r\n":
  // send up to there, wait for a continuation request, then go on.
  std::vector<std::size_t> continuation_points;
  friend bool operator==(const SerializedCommand&, const SerializedCommand&) = default;
};

// The fields of `command` must be representable: a tag of tag characters,
// atoms that are atoms, no NUL outside APPEND data. Values a parser produced
// always are.
SerializedCommand serialize_command(const Command& command, const WriterOptions& options = {});

// The line that ends IDLE (RFC 2177 §3, RFC 9051 §6.3.13): "DONE" CRLF.
std::string serialize_idle_done();

// A client's response in an AUTHENTICATE exchange (RFC 9051 §6.2.2): the
// data in base64, CRLF. Empty data is an empty line.
std::string serialize_authenticate_response(std::string_view data);

// "*" CRLF: the client cancels the AUTHENTICATE exchange.
std::string serialize_authenticate_cancel();

}  // namespace conformance::codec::imap::command
