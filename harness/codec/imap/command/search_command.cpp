// Arguments of SEARCH (RFC 9051 §6.4.4): result options of ESEARCH
// (RFC 4731) and SEARCHRES (RFC 5182), CHARSET, and the search keys
// (search_key.hpp).
//
// search = "SEARCH" [search-return-opts] [SP "CHARSET" SP charset] 1*(SP search-key)
// search-return-opts = SP "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")"
#include "harness/codec/imap/chars.hpp"
#include "harness/codec/imap/command/command_grammar.hpp"

namespace conformance::codec::imap::command::grammar {
namespace {

SearchReturn read_return_options(Reader& reader) {
  SearchReturn options;
  reader.sp();
  reader.open();
  if (reader.try_close()) return options;
  do {
    Parameter option;
    option.name = read_tagged_label(reader);
    if (!reader.ok()) break;
    if (iequals(option.name, "MIN")) {
      options.min = true;
    } else if (iequals(option.name, "MAX")) {
      options.max = true;
    } else if (iequals(option.name, "ALL")) {
      options.all = true;
    } else if (iequals(option.name, "COUNT")) {
      options.count = true;
    } else if (iequals(option.name, "SAVE")) {
      options.save = true;
    } else {
      // search-ret-opt-ext = search-modifier-name [SP search-mod-params]   (RFC 4466 §2.6)
      read_parameter_value(reader, option);
      options.extensions.push_back(std::move(option));
    }
  } while (reader.ok() && reader.try_consume(' '));
  reader.close();
  return options;
}

void write_return_options(Writer& writer, const SearchReturn& options) {
  writer.raw(" RETURN (");
  bool first = true;
  auto option = [&](bool present, std::string_view name) {
    if (!present) return;
    if (!first) writer.sp();
    first = false;
    writer.raw(name);
  };
  option(options.min, "MIN");
  option(options.max, "MAX");
  option(options.all, "ALL");
  option(options.count, "COUNT");
  option(options.save, "SAVE");
  for (const auto& extension : options.extensions) {
    if (!first) writer.sp();
    first = false;
    write_parameter(writer, extension);
  }
  writer.close();
}

// charset = atom / quoted
std::string read_charset(Reader& reader) {
  if (reader.ok() && reader.peek() == '"') return reader.quoted();
  return std::string(reader.atom());
}

void write_charset(Writer& writer, std::string_view charset) {
  if (is_atom(charset))
    writer.atom(charset);
  else
    writer.quoted(charset);
}

}  // namespace

void read_arguments(Reader& reader, const Context& context, Search& command) {
  reader.sp();
  if (reader.try_keyword("RETURN")) {
    command.return_options = read_return_options(reader);
    reader.sp();
  }
  if (reader.try_keyword("CHARSET")) {
    reader.sp();
    command.charset = read_charset(reader);
    reader.sp();
  }
  do {
    command.keys.push_back(read_search_key(reader, context.max_search_depth));
  } while (reader.ok() && reader.try_consume(' '));
}

void write_arguments(Writer& writer, const Search& command) {
  if (command.return_options) write_return_options(writer, *command.return_options);
  if (command.charset) {
    writer.raw(" CHARSET ");
    write_charset(writer, *command.charset);
  }
  for (const auto& key : command.keys) {
    writer.sp();
    write_search_key(writer, key);
  }
}

}  // namespace conformance::codec::imap::command::grammar
