// Arguments of the commands on messages of the selected mailbox: FETCH
// (with the CHANGEDSINCE and VANISHED modifiers of RFC 7162), STORE (with
// UNCHANGEDSINCE), COPY, MOVE (RFC 6851) and UID EXPUNGE (RFC 4315).
#include "harness/codec/imap/chars.hpp"
#include "harness/codec/imap/command/command_grammar.hpp"

namespace conformance::codec::imap::command::grammar {
namespace {

void write_set(Writer& writer, const SequenceSet& set) {
  writer.sp();
  write_sequence_set(writer, set);
}

// fetch-modifiers = SP "(" fetch-modifier *(SP fetch-modifier) ")"   (RFC 4466 §2.4)
// fetch-modifier =/ "CHANGEDSINCE" SP mod-sequence-value / "VANISHED"   (RFC 7162 §7)
void read_fetch_modifiers(Reader& reader, Fetch& command) {
  reader.sp();
  reader.open();
  do {
    Parameter modifier;
    modifier.name = read_tagged_label(reader);
    if (!reader.ok()) break;
    if (iequals(modifier.name, "CHANGEDSINCE")) {
      reader.sp();
      command.changed_since = reader.nz_number64();
    } else if (iequals(modifier.name, "VANISHED")) {
      command.vanished = true;
    } else {
      read_parameter_value(reader, modifier);
      command.modifiers.push_back(std::move(modifier));
    }
  } while (reader.ok() && reader.try_consume(' '));
  reader.close();
}

// store-modifiers = SP "(" store-modifier *(SP store-modifier) ")"   (RFC 4466 §2.5)
// store-modifier =/ "UNCHANGEDSINCE" SP mod-sequence-valzer   (RFC 7162 §7)
void read_store_modifiers(Reader& reader, Store& command) {
  reader.open();
  do {
    Parameter modifier;
    modifier.name = read_tagged_label(reader);
    if (!reader.ok()) break;
    if (iequals(modifier.name, "UNCHANGEDSINCE")) {
      reader.sp();
      command.unchanged_since = reader.number64();
    } else {
      read_parameter_value(reader, modifier);
      command.modifiers.push_back(std::move(modifier));
    }
  } while (reader.ok() && reader.try_consume(' '));
  reader.close();
  reader.sp();
}

// Writes "(" items ")" from a list of already-formatted pieces and parameters.
class ModifierList {
 public:
  explicit ModifierList(Writer& writer) : writer_(writer) {}
  void raw(std::string_view text) { next().raw(text); }
  Writer& next() {
    writer_.raw(first_ ? "(" : " ");
    first_ = false;
    return writer_;
  }
  void finish() {
    if (!first_) writer_.close();
  }

 private:
  Writer& writer_;
  bool first_ = true;
};

}  // namespace

// uid-expunge = "UID" SP "EXPUNGE" SP sequence-set
void read_arguments(Reader& reader, const Context&, UidExpunge& command) {
  reader.sp();
  command.uids = read_sequence_set(reader);
}

void write_arguments(Writer& writer, const UidExpunge& command) { write_set(writer, command.uids); }

// fetch = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att /
//         "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]
void read_arguments(Reader& reader, const Context&, Fetch& command) {
  reader.sp();
  command.set = read_sequence_set(reader);
  reader.sp();
  if (reader.ok() && reader.peek() == '(') {
    reader.open();
    do {
      command.attributes.push_back(read_fetch_attribute(reader));
    } while (reader.ok() && reader.try_consume(' '));
    reader.close();
  } else if (auto macro = try_read_fetch_macro(reader)) {
    command.macro = macro;
  } else {
    command.attributes.push_back(read_fetch_attribute(reader));
  }
  if (reader.ok() && reader.peek() == ' ') read_fetch_modifiers(reader, command);
}

void write_arguments(Writer& writer, const Fetch& command) {
  write_set(writer, command.set);
  writer.sp();
  if (command.macro) {
    writer.raw(fetch_macro_name(*command.macro));
  } else if (command.attributes.size() == 1) {
    write_fetch_attribute(writer, command.attributes.front());
  } else {
    writer.open();
    for (std::size_t i = 0; i < command.attributes.size(); ++i) {
      if (i > 0) writer.sp();
      write_fetch_attribute(writer, command.attributes[i]);
    }
    writer.close();
  }
  if (!command.changed_since && !command.vanished && command.modifiers.empty()) return;
  writer.sp();
  ModifierList list(writer);
  if (command.changed_since) list.next().raw("CHANGEDSINCE ").number(*command.changed_since);
  if (command.vanished) list.raw("VANISHED");
  for (const auto& modifier : command.modifiers) write_parameter(list.next(), modifier);
  list.finish();
}

// store = "STORE" SP sequence-set [store-modifiers] SP store-att-flags
// store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))
void read_arguments(Reader& reader, const Context&, Store& command) {
  reader.sp();
  command.set = read_sequence_set(reader);
  reader.sp();
  if (reader.ok() && reader.peek() == '(') read_store_modifiers(reader, command);
  if (reader.try_consume('+'))
    command.mode = StoreMode::add;
  else if (reader.try_consume('-'))
    command.mode = StoreMode::remove;
  if (reader.try_keyword("FLAGS.SILENT"))
    command.silent = true;
  else if (!reader.try_keyword("FLAGS"))
    reader.fail("FLAGS, +FLAGS or -FLAGS");
  reader.sp();
  if (reader.ok() && reader.peek() == '(') {
    command.flags = read_client_flags(reader);
    return;
  }
  do {
    command.flags.push_back(read_client_flag(reader));
  } while (reader.ok() && reader.try_consume(' '));
}

void write_arguments(Writer& writer, const Store& command) {
  write_set(writer, command.set);
  if (command.unchanged_since || !command.modifiers.empty()) {
    writer.sp();
    ModifierList list(writer);
    if (command.unchanged_since) list.next().raw("UNCHANGEDSINCE ").number(*command.unchanged_since);
    for (const auto& modifier : command.modifiers) write_parameter(list.next(), modifier);
    list.finish();
  }
  writer.sp();
  if (command.mode == StoreMode::add) writer.raw("+");
  if (command.mode == StoreMode::remove) writer.raw("-");
  writer.raw(command.silent ? "FLAGS.SILENT " : "FLAGS ");
  write_flags(writer, command.flags);
}

// copy = "COPY" SP sequence-set SP mailbox
void read_arguments(Reader& reader, const Context&, Copy& command) {
  reader.sp();
  command.set = read_sequence_set(reader);
  reader.sp();
  command.mailbox = read_mailbox(reader);
}

void write_arguments(Writer& writer, const Copy& command) {
  write_set(writer, command.set);
  writer.sp();
  write_mailbox(writer, command.mailbox);
}

// move = "MOVE" SP sequence-set SP mailbox   (RFC 6851 §4)
void read_arguments(Reader& reader, const Context&, Move& command) {
  reader.sp();
  command.set = read_sequence_set(reader);
  reader.sp();
  command.mailbox = read_mailbox(reader);
}

void write_arguments(Writer& writer, const Move& command) {
  write_set(writer, command.set);
  writer.sp();
  write_mailbox(writer, command.mailbox);
}

}  // namespace conformance::codec::imap::command::grammar
