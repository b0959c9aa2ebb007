// The readers and writers of each command's arguments, which parse_command
// and serialize_command dispatch to by command name. Internal to the
// command codec: use parse_command.hpp and serialize_command.hpp.
//
// A reader starts just after the command name and stops before the final
// CRLF; a writer writes what follows the name. Commands without arguments
// have neither.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/imap/command/command.hpp"
#include "harness/codec/imap/reader.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap::command::grammar {

struct Context {
  std::size_t max_search_depth = 32;
};

// The name a command is sent with: "FETCH", or "UID FETCH" for the UID form.
template <class T>
std::string_view name_of(const T& command) {
  if constexpr (requires { T::kUidName; })
    return command.uid ? T::kUidName : T::kName;
  else
    return T::kName;
}

// How the raw bytes of an unknown command's arguments are framed: where
// they end (the CRLF that is not followed by literal data), and where the
// data of each synchronizing literal starts. Walks as FrameScanner does;
// `allow_bare_lf` as LineEnding::crlf_or_bare_lf.
struct RawFrame {
  bool complete = false;        // false: the text ends before the frame does
  std::size_t content_end = 0;  // offset of the final line terminator
  std::size_t frame_end = 0;    // offset just past it
  std::vector<std::size_t> synchronizing_data_offsets;
};
RawFrame walk_raw_frame(std::string_view text, std::size_t from, bool allow_bare_lf);

// ---- terminals the commands share

// astring, refusing literal8, which RFC 3516 allows only in APPEND data.
std::string read_astring(Reader& reader);
// mailbox = "INBOX" / astring
inline std::string read_mailbox(Reader& reader) { return read_astring(reader); }
inline void write_mailbox(Writer& writer, std::string_view mailbox) { writer.astring(mailbox); }
// list-mailbox = 1*list-char / string
std::string read_list_mailbox(Reader& reader);
void write_list_mailbox(Writer& writer, std::string_view pattern);
// A flag a client may set: flag-list / flag of RFC 9051 §9, not "\*".
std::string read_client_flag(Reader& reader);
std::vector<std::string> read_client_flags(Reader& reader);
void write_flags(Writer& writer, const std::vector<std::string>& flags);  // "(" flags ")"
// status-att
StatusItem read_status_item(Reader& reader);
// "(" status-att *(SP status-att) ")"
std::vector<StatusItem> read_status_items(Reader& reader);
void write_status_items(Writer& writer, const std::vector<StatusItem>& items);
// SP "(" parameter *(SP parameter) ")" of RFC 4466, for commands whose
// parameters this codec keeps only generically.
std::vector<Parameter> read_parameter_list(Reader& reader);
void write_parameter_list(Writer& writer, const std::vector<Parameter>& parameters);

// ---- per command (session_commands.cpp)
void read_arguments(Reader& reader, const Context& context, Id& command);
void write_arguments(Writer& writer, const Id& command);
void read_arguments(Reader& reader, const Context& context, Authenticate& command);
void write_arguments(Writer& writer, const Authenticate& command);
void read_arguments(Reader& reader, const Context& context, Login& command);
void write_arguments(Writer& writer, const Login& command);
void read_arguments(Reader& reader, const Context& context, Enable& command);
void write_arguments(Writer& writer, const Enable& command);

// ---- mailbox_commands.cpp
void read_arguments(Reader& reader, const Context& context, Select& command);
void write_arguments(Writer& writer, const Select& command);
void read_arguments(Reader& reader, const Context& context, Examine& command);
void write_arguments(Writer& writer, const Examine& command);
void read_arguments(Reader& reader, const Context& context, Create& command);
void write_arguments(Writer& writer, const Create& command);
void read_arguments(Reader& reader, const Context& context, Delete& command);
void write_arguments(Writer& writer, const Delete& command);
void read_arguments(Reader& reader, const Context& context, Rename& command);
void write_arguments(Writer& writer, const Rename& command);
void read_arguments(Reader& reader, const Context& context, Subscribe& command);
void write_arguments(Writer& writer, const Subscribe& command);
void read_arguments(Reader& reader, const Context& context, Unsubscribe& command);
void write_arguments(Writer& writer, const Unsubscribe& command);
void read_arguments(Reader& reader, const Context& context, Status& command);
void write_arguments(Writer& writer, const Status& command);
void read_arguments(Reader& reader, const Context& context, Lsub& command);
void write_arguments(Writer& writer, const Lsub& command);

// ---- list_command.cpp
void read_arguments(Reader& reader, const Context& context, List& command);
void write_arguments(Writer& writer, const List& command);

// ---- append_command.cpp
void read_arguments(Reader& reader, const Context& context, Append& command);
void write_arguments(Writer& writer, const Append& command);

// ---- message_commands.cpp
void read_arguments(Reader& reader, const Context& context, UidExpunge& command);
void write_arguments(Writer& writer, const UidExpunge& command);
void read_arguments(Reader& reader, const Context& context, Fetch& command);
void write_arguments(Writer& writer, const Fetch& command);
void read_arguments(Reader& reader, const Context& context, Store& command);
void write_arguments(Writer& writer, const Store& command);
void read_arguments(Reader& reader, const Context& context, Copy& command);
void write_arguments(Writer& writer, const Copy& command);
void read_arguments(Reader& reader, const Context& context, Move& command);
void write_arguments(Writer& writer, const Move& command);

// ---- search_command.cpp
void read_arguments(Reader& reader, const Context& context, Search& command);
void write_arguments(Writer& writer, const Search& command);

}  // namespace conformance::codec::imap::command::grammar
