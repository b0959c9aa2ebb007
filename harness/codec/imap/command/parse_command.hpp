// Server side: one complete command frame (a line plus any literals and
// the lines continuing after them, as FrameScanner delimits it, final CRLF
// included) to a typed Command, or to an error that says where the grammar
// broke, what it expected there, and which tag to answer BAD with.
//
//   command = tag SP (command-any / command-auth / command-nonauth / command-select) CRLF
//
// A name the codec does not know gives an UnknownCommand (not an error), so
// a server can tell "unknown command" from "bad arguments".
#pragma once

#include <cstddef>
#include <string_view>

#include "harness/codec/imap/command/command.hpp"
#include "harness/codec/imap/reader.hpp"

namespace conformance::codec::imap::command {

struct ParseOptions {
  ReaderOptions reader;              // list nesting limit, bare LF, 8-bit quoted, literal8
  std::size_t max_search_depth = 32;  // NOT / OR / "(...)" nesting in SEARCH
};

CommandResult parse_command(std::string_view frame, const ParseOptions& options = {});

}  // namespace conformance::codec::imap::command
