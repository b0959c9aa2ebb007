#include "harness/codec/imap/command/parse_command.hpp"

#include <type_traits>

#include "harness/codec/imap/chars.hpp"
#include "harness/codec/imap/command/command_grammar.hpp"
#include "harness/codec/imap/framer.hpp"

namespace conformance::codec::imap::command {
namespace {

using ParseFunction = void (*)(Reader&, const grammar::Context&, CommandBody&, bool uid);

template <class T>
void parse_as(Reader& reader, const grammar::Context& context, CommandBody& body, bool uid) {
  T command;
  if constexpr (requires(T& t) { t.uid; }) command.uid = uid;
  if constexpr (!std::is_empty_v<T>) grammar::read_arguments(reader, context, command);
  body = std::move(command);
}

struct CommandSpec {
  std::string_view name;
  ParseFunction parse;
};

// command-any, command-nonauth, command-auth and command-select of
// RFC 9051 §9, with RFC 3501's CHECK and LSUB and the extensions' commands.
constexpr CommandSpec kCommands[] = {
    {Capability::kName, &parse_as<Capability>},   {Noop::kName, &parse_as<Noop>},
    {Logout::kName, &parse_as<Logout>},           {Id::kName, &parse_as<Id>},
    {StartTls::kName, &parse_as<StartTls>},       {Authenticate::kName, &parse_as<Authenticate>},
    {Login::kName, &parse_as<Login>},             {Enable::kName, &parse_as<Enable>},
    {Select::kName, &parse_as<Select>},           {Examine::kName, &parse_as<Examine>},
    {Create::kName, &parse_as<Create>},           {Delete::kName, &parse_as<Delete>},
    {Rename::kName, &parse_as<Rename>},           {Subscribe::kName, &parse_as<Subscribe>},
    {Unsubscribe::kName, &parse_as<Unsubscribe>}, {List::kName, &parse_as<List>},
    {Lsub::kName, &parse_as<Lsub>},               {Namespace::kName, &parse_as<Namespace>},
    {Status::kName, &parse_as<Status>},           {Append::kName, &parse_as<Append>},
    {Idle::kName, &parse_as<Idle>},               {Check::kName, &parse_as<Check>},
    {Close::kName, &parse_as<Close>},             {Unselect::kName, &parse_as<Unselect>},
    {Expunge::kName, &parse_as<Expunge>},         {Search::kName, &parse_as<Search>},
    {Fetch::kName, &parse_as<Fetch>},             {Store::kName, &parse_as<Store>},
    {Copy::kName, &parse_as<Copy>},               {Move::kName, &parse_as<Move>},
};

// uid = "UID" SP (copy / move / fetch / search / store / uid-expunge)
constexpr CommandSpec kUidCommands[] = {
    {"COPY", &parse_as<Copy>},     {"MOVE", &parse_as<Move>},   {"FETCH", &parse_as<Fetch>},
    {"SEARCH", &parse_as<Search>}, {"STORE", &parse_as<Store>}, {"EXPUNGE", &parse_as<UidExpunge>},
};

template <std::size_t N>
const CommandSpec* find(const CommandSpec (&table)[N], std::string_view name) {
  for (const auto& spec : table)
    if (iequals(spec.name, name)) return &spec;
  return nullptr;
}

// Everything after the name, up to the end of the frame, kept raw.
void parse_unknown(Reader& reader, UnknownCommand& command, bool allow_bare_lf) {
  if (reader.at_line_end()) {
    reader.crlf();
    return;
  }
  reader.sp();
  if (!reader.ok()) return;
  const std::size_t begin = reader.offset();
  const auto frame = grammar::walk_raw_frame(reader.input(), begin, allow_bare_lf);
  if (!frame.complete) return reader.fail_at(reader.input().size(), "CRLF");
  command.arguments = std::string(reader.input().substr(begin, frame.content_end - begin));
  while (reader.offset() < frame.frame_end) reader.try_consume(reader.peek());
}

}  // namespace

namespace grammar {

RawFrame walk_raw_frame(std::string_view text, std::size_t from, bool allow_bare_lf) {
  RawFrame frame;
  std::size_t pos = from;
  while (pos <= text.size()) {
    std::size_t content_end = 0;
    std::size_t line_end = 0;
    if (allow_bare_lf) {
      const std::size_t lf = text.find('\n', pos);
      if (lf == std::string_view::npos) return frame;
      content_end = lf > pos && text[lf - 1] == '\r' ? lf - 1 : lf;
      line_end = lf + 1;
    } else {
      const std::size_t crlf = text.find("\r\n", pos);
      if (crlf == std::string_view::npos) return frame;
      content_end = crlf;
      line_end = crlf + 2;
    }
    const auto marker = literal_marker_at_end(text.substr(pos, content_end - pos));
    if (!marker) {
      frame.complete = true;
      frame.content_end = content_end;
      frame.frame_end = line_end;
      return frame;
    }
    if (marker->length > text.size() - line_end) return frame;
    if (marker->synchronizing) frame.synchronizing_data_offsets.push_back(line_end);
    pos = line_end + marker->length;
  }
  return frame;
}

}  // namespace grammar

CommandResult parse_command(std::string_view frame, const ParseOptions& options) {
  Reader reader(frame, options.reader);
  std::string tag(reader.tag());
  if (!reader.ok()) return CommandError{{}, reader.error()};
  reader.sp();
  if (reader.ok() && (reader.at_end() || !is_atom_char(static_cast<unsigned char>(reader.peek()))))
    reader.fail("command name");
  std::string_view name = reader.atom();
  bool uid = false;
  if (reader.ok() && iequals(name, "UID")) {
    uid = true;
    reader.sp();
    if (reader.ok() && (reader.at_end() || !is_atom_char(static_cast<unsigned char>(reader.peek()))))
      reader.fail("command name after UID");
    name = reader.atom();
  }
  if (!reader.ok()) return CommandError{std::move(tag), reader.error()};

  Command command;
  command.tag = std::move(tag);
  const CommandSpec* spec = uid ? find(kUidCommands, name) : find(kCommands, name);
  if (spec == nullptr) {
    UnknownCommand unknown;
    unknown.uid = uid;
    unknown.name = std::string(name);
    parse_unknown(reader, unknown, options.reader.allow_bare_lf);
    command.body = std::move(unknown);
  } else {
    const grammar::Context context{options.max_search_depth};
    spec->parse(reader, context, command.body, uid);
    reader.crlf();
  }
  if (reader.ok() && !reader.at_end()) reader.fail("end of the command after its CRLF");
  if (!reader.ok()) return CommandError{std::move(command.tag), reader.error()};
  return command;
}

}  // namespace conformance::codec::imap::command
