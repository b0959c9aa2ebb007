// Arguments of LIST, basic (RFC 3501 §6.3.8) and extended (RFC 5258,
// RFC 9051 §6.3.9): selection options, several patterns, return options
// with STATUS (RFC 5819) and SPECIAL-USE (RFC 6154).
//
// list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]
#include "harness/codec/imap/chars.hpp"
#include "harness/codec/imap/command/command_grammar.hpp"

namespace conformance::codec::imap::command::grammar {
namespace {

// option-extension = (option-standard-tag / option-vendor-tag) [SP option-value]
// option-value = "(" option-val-comp ")"
Parameter read_option_extension(Reader& reader, std::string_view name) {
  Parameter option;
  option.name = std::string(name);
  if (reader.ok() && reader.peek() == ' ' && reader.peek(1) == '(') {
    reader.sp();
    option.value = read_extension_value(reader);
  }
  return option;
}

// list-select-opts = "(" [list-select-opt *(SP list-select-opt)] ")"; RFC 5258 §3 and
// its ABNF: RECURSIVEMATCH needs a base option (SUBSCRIBED or an extension).
ListSelection read_selection(Reader& reader) {
  ListSelection selection;
  reader.open();
  if (reader.try_close()) return selection;
  std::size_t recursive_at = 0;
  do {
    const std::size_t at = reader.offset();
    const auto name = reader.atom();
    if (!reader.ok()) break;
    if (iequals(name, "SUBSCRIBED")) {
      selection.subscribed = true;
    } else if (iequals(name, "REMOTE")) {
      selection.remote = true;
    } else if (iequals(name, "RECURSIVEMATCH")) {
      selection.recursive_match = true;
      recursive_at = at;
    } else if (iequals(name, "SPECIAL-USE")) {
      selection.special_use = true;
    } else {
      selection.extensions.push_back(read_option_extension(reader, name));
    }
  } while (reader.ok() && reader.try_consume(' '));
  reader.close();
  if (reader.ok() && selection.recursive_match && !selection.subscribed && selection.extensions.empty())
    reader.fail_at(recursive_at, "RECURSIVEMATCH together with a base selection option such as SUBSCRIBED");
  return selection;
}

void write_selection(Writer& writer, const ListSelection& selection) {
  writer.open();
  bool first = true;
  auto option = [&](std::string_view name) {
    if (!first) writer.sp();
    first = false;
    writer.raw(name);
  };
  if (selection.subscribed) option("SUBSCRIBED");
  if (selection.remote) option("REMOTE");
  if (selection.recursive_match) option("RECURSIVEMATCH");
  if (selection.special_use) option("SPECIAL-USE");
  for (const auto& extension : selection.extensions) {
    if (!first) writer.sp();
    first = false;
    write_parameter(writer, extension);
  }
  writer.close();
}

// list-return-opts = "RETURN" SP "(" [return-option *(SP return-option)] ")"
// return-option = "SUBSCRIBED" / "CHILDREN" / status-option / option-extension
ListReturn read_return(Reader& reader) {
  ListReturn options;
  reader.keyword("RETURN");
  reader.sp();
  reader.open();
  if (reader.try_close()) return options;
  do {
    const auto name = reader.atom();
    if (!reader.ok()) break;
    if (iequals(name, "SUBSCRIBED")) {
      options.subscribed = true;
    } else if (iequals(name, "CHILDREN")) {
      options.children = true;
    } else if (iequals(name, "SPECIAL-USE")) {
      options.special_use = true;
    } else if (iequals(name, "STATUS")) {
      // status-option = "STATUS" SP "(" status-att *(SP status-att) ")"
      reader.sp();
      auto items = read_status_items(reader);
      if (!options.status) options.status.emplace();
      options.status->insert(options.status->end(), items.begin(), items.end());
    } else {
      options.extensions.push_back(read_option_extension(reader, name));
    }
  } while (reader.ok() && reader.try_consume(' '));
  reader.close();
  return options;
}

void write_return(Writer& writer, const ListReturn& options) {
  writer.raw("RETURN (");
  bool first = true;
  auto option = [&](std::string_view name) {
    if (!first) writer.sp();
    first = false;
    writer.raw(name);
  };
  if (options.subscribed) option("SUBSCRIBED");
  if (options.children) option("CHILDREN");
  if (options.special_use) option("SPECIAL-USE");
  if (options.status) {
    option("STATUS ");
    write_status_items(writer, *options.status);
  }
  for (const auto& extension : options.extensions) {
    if (!first) writer.sp();
    first = false;
    write_parameter(writer, extension);
  }
  writer.close();
}

}  // namespace

void read_arguments(Reader& reader, const Context&, List& command) {
  reader.sp();
  if (reader.ok() && reader.peek() == '(') {
    command.selection = read_selection(reader);
    reader.sp();
  }
  command.reference = read_mailbox(reader);
  reader.sp();
  // mbox-or-pat = list-mailbox / patterns; patterns = "(" list-mailbox *(SP list-mailbox) ")"
  if (reader.ok() && reader.peek() == '(') {
    reader.open();
    do {
      command.patterns.push_back(read_list_mailbox(reader));
    } while (reader.ok() && reader.try_consume(' '));
    reader.close();
  } else {
    command.patterns.push_back(read_list_mailbox(reader));
  }
  if (reader.ok() && reader.try_consume(' ')) command.return_options = read_return(reader);
}

void write_arguments(Writer& writer, const List& command) {
  writer.sp();
  if (command.selection) {
    write_selection(writer, *command.selection);
    writer.sp();
  }
  write_mailbox(writer, command.reference);
  writer.sp();
  if (command.patterns.size() == 1) {
    write_list_mailbox(writer, command.patterns.front());
  } else {
    writer.open();
    for (std::size_t i = 0; i < command.patterns.size(); ++i) {
      if (i > 0) writer.sp();
      write_list_mailbox(writer, command.patterns[i]);
    }
    writer.close();
  }
  if (command.return_options) {
    writer.sp();
    write_return(writer, *command.return_options);
  }
}

}  // namespace conformance::codec::imap::command::grammar
