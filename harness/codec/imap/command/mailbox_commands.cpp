// Arguments of the commands on mailboxes: SELECT and EXAMINE (with the
// CONDSTORE and QRESYNC parameters of RFC 7162), CREATE (with USE of
// RFC 6154), DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE, STATUS and LSUB.
#include "harness/codec/imap/chars.hpp"
#include "harness/codec/imap/command/command_grammar.hpp"

namespace conformance::codec::imap::command::grammar {
namespace {

// qresync-param = "QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")"
// seq-match-data = "(" known-sequence-set SP known-uid-set ")"   (RFC 7162 §7)
QresyncParameters read_qresync(Reader& reader) {
  QresyncParameters qresync;
  reader.sp();
  reader.open();
  qresync.uid_validity = reader.nz_number();
  reader.sp();
  qresync.modseq = reader.nz_number64();
  if (reader.ok() && reader.try_consume(' ')) {
    if (reader.peek() != '(') {
      // known-uids: "*" is not allowed (RFC 7162 §7).
      qresync.known_uids = read_sequence_set(reader, SequenceSyntax::uid_set);
      if (reader.ok() && reader.peek() == ' ' && reader.peek(1) == '(') reader.sp();
    }
    if (reader.ok() && reader.peek() == '(') {
      QresyncParameters::SequenceMatch match;
      reader.open();
      match.sequence_numbers = read_sequence_set(reader);
      reader.sp();
      match.uids = read_sequence_set(reader);
      reader.close();
      qresync.sequence_match = std::move(match);
    }
  }
  reader.close();
  return qresync;
}

void write_qresync(Writer& writer, const QresyncParameters& qresync) {
  writer.raw("QRESYNC (").number(qresync.uid_validity).sp().number(qresync.modseq);
  if (qresync.known_uids) {
    writer.sp();
    write_sequence_set(writer, *qresync.known_uids);
  }
  if (qresync.sequence_match) {
    writer.sp().open();
    write_sequence_set(writer, qresync.sequence_match->sequence_numbers);
    writer.sp();
    write_sequence_set(writer, qresync.sequence_match->uids);
    writer.close();
  }
  writer.close();
}

// select-params = SP "(" select-param *(SP select-param) ")"   (RFC 4466 §2.1)
SelectParameters read_select_parameters(Reader& reader) {
  SelectParameters parameters;
  if (!reader.ok() || reader.peek() != ' ') return parameters;
  reader.sp();
  reader.open();
  do {
    Parameter parameter;
    parameter.name = read_tagged_label(reader);
    if (!reader.ok()) break;
    if (iequals(parameter.name, "CONDSTORE")) {
      parameters.condstore = true;
    } else if (iequals(parameter.name, "QRESYNC")) {
      parameters.qresync = read_qresync(reader);
    } else {
      read_parameter_value(reader, parameter);
      parameters.extensions.push_back(std::move(parameter));
    }
  } while (reader.ok() && reader.try_consume(' '));
  reader.close();
  return parameters;
}

void write_select_parameters(Writer& writer, const SelectParameters& parameters) {
  if (parameters.empty()) return;
  writer.sp().open();
  bool first = true;
  auto separate = [&] {
    if (!first) writer.sp();
    first = false;
  };
  if (parameters.condstore) {
    separate();
    writer.raw("CONDSTORE");
  }
  if (parameters.qresync) {
    separate();
    write_qresync(writer, *parameters.qresync);
  }
  for (const auto& parameter : parameters.extensions) {
    separate();
    write_parameter(writer, parameter);
  }
  writer.close();
}

// use-attr = "\All" / "\Archive" / "\Drafts" / "\Flagged" / "\Junk" / "\Sent" / "\Trash" / use-attr-ext
// use-attr-ext = "\" atom   (RFC 6154 §6)
std::string read_use_attribute(Reader& reader) {
  if (reader.ok() && reader.peek() != '\\') {
    reader.fail("special-use attribute (\"\\\" atom)");
    return {};
  }
  return read_client_flag(reader);
}

}  // namespace

// select = "SELECT" SP mailbox [select-params]
void read_arguments(Reader& reader, const Context&, Select& command) {
  reader.sp();
  command.mailbox = read_mailbox(reader);
  command.parameters = read_select_parameters(reader);
}

void write_arguments(Writer& writer, const Select& command) {
  writer.sp();
  write_mailbox(writer, command.mailbox);
  write_select_parameters(writer, command.parameters);
}

void read_arguments(Reader& reader, const Context&, Examine& command) {
  reader.sp();
  command.mailbox = read_mailbox(reader);
  command.parameters = read_select_parameters(reader);
}

void write_arguments(Writer& writer, const Examine& command) {
  writer.sp();
  write_mailbox(writer, command.mailbox);
  write_select_parameters(writer, command.parameters);
}

// create = "CREATE" SP mailbox [create-params]
// create-param =/ "USE" SP "(" [use-attr *(SP use-attr)] ")"   (RFC 6154 §6)
void read_arguments(Reader& reader, const Context&, Create& command) {
  reader.sp();
  command.mailbox = read_mailbox(reader);
  if (!reader.ok() || !reader.try_consume(' ')) return;
  reader.open();
  do {
    Parameter parameter;
    parameter.name = read_tagged_label(reader);
    if (!reader.ok()) break;
    if (iequals(parameter.name, "USE")) {
      std::vector<std::string> uses;
      reader.sp();
      reader.open();
      if (!reader.try_close()) {
        do {
          uses.push_back(read_use_attribute(reader));
        } while (reader.ok() && reader.try_consume(' '));
        reader.close();
      }
      if (!command.special_use) command.special_use.emplace();
      command.special_use->insert(command.special_use->end(), uses.begin(), uses.end());
    } else {
      read_parameter_value(reader, parameter);
      command.extensions.push_back(std::move(parameter));
    }
  } while (reader.ok() && reader.try_consume(' '));
  reader.close();
}

void write_arguments(Writer& writer, const Create& command) {
  writer.sp();
  write_mailbox(writer, command.mailbox);
  if (!command.special_use && command.extensions.empty()) return;
  writer.sp().open();
  bool first = true;
  if (command.special_use) {
    writer.raw("USE ");
    write_flags(writer, *command.special_use);
    first = false;
  }
  for (const auto& parameter : command.extensions) {
    if (!first) writer.sp();
    first = false;
    write_parameter(writer, parameter);
  }
  writer.close();
}

void read_arguments(Reader& reader, const Context&, Delete& command) {
  reader.sp();
  command.mailbox = read_mailbox(reader);
}

void write_arguments(Writer& writer, const Delete& command) {
  writer.sp();
  write_mailbox(writer, command.mailbox);
}

// rename = "RENAME" SP mailbox SP mailbox [rename-params]   (RFC 4466 §2.2)
void read_arguments(Reader& reader, const Context&, Rename& command) {
  reader.sp();
  command.from = read_mailbox(reader);
  reader.sp();
  command.to = read_mailbox(reader);
  if (reader.ok() && reader.peek() == ' ') command.parameters = read_parameter_list(reader);
}

void write_arguments(Writer& writer, const Rename& command) {
  writer.sp();
  write_mailbox(writer, command.from);
  writer.sp();
  write_mailbox(writer, command.to);
  if (!command.parameters.empty()) write_parameter_list(writer, command.parameters);
}

void read_arguments(Reader& reader, const Context&, Subscribe& command) {
  reader.sp();
  command.mailbox = read_mailbox(reader);
}

void write_arguments(Writer& writer, const Subscribe& command) {
  writer.sp();
  write_mailbox(writer, command.mailbox);
}

void read_arguments(Reader& reader, const Context&, Unsubscribe& command) {
  reader.sp();
  command.mailbox = read_mailbox(reader);
}

void write_arguments(Writer& writer, const Unsubscribe& command) {
  writer.sp();
  write_mailbox(writer, command.mailbox);
}

// status = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"
void read_arguments(Reader& reader, const Context&, Status& command) {
  reader.sp();
  command.mailbox = read_mailbox(reader);
  reader.sp();
  command.items = read_status_items(reader);
}

void write_arguments(Writer& writer, const Status& command) {
  writer.sp();
  write_mailbox(writer, command.mailbox);
  writer.sp();
  write_status_items(writer, command.items);
}

// lsub = "LSUB" SP mailbox SP list-mailbox   (RFC 3501 §9)
void read_arguments(Reader& reader, const Context&, Lsub& command) {
  reader.sp();
  command.reference = read_mailbox(reader);
  reader.sp();
  command.pattern = read_list_mailbox(reader);
}

void write_arguments(Writer& writer, const Lsub& command) {
  writer.sp();
  write_mailbox(writer, command.reference);
  writer.sp();
  write_list_mailbox(writer, command.pattern);
}

}  // namespace conformance::codec::imap::command::grammar
