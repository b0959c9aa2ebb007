// Terminals and small lists several commands share (command_grammar.hpp).
#include "harness/codec/imap/chars.hpp"
#include "harness/codec/imap/command/command_grammar.hpp"

namespace conformance::codec::imap::command {
namespace {

struct StatusItemName {
  StatusItem item;
  std::string_view name;
};

constexpr StatusItemName kStatusItems[] = {
    {StatusItem::messages, "MESSAGES"},
    {StatusItem::uid_next, "UIDNEXT"},
    {StatusItem::uid_validity, "UIDVALIDITY"},
    {StatusItem::unseen, "UNSEEN"},
    {StatusItem::deleted, "DELETED"},
    {StatusItem::size, "SIZE"},
    {StatusItem::recent, "RECENT"},
    {StatusItem::highest_modseq, "HIGHESTMODSEQ"},
    {StatusItem::append_limit, "APPENDLIMIT"},
    {StatusItem::mailbox_id, "MAILBOXID"},
};

bool refuse_literal8(Reader& reader) {
  if (reader.ok() && reader.peek() == '~' && reader.peek(1) == '{') {
    reader.fail("astring (literal8 only in APPEND data)");
    return true;
  }
  return false;
}

}  // namespace

std::string_view status_item_name(StatusItem item) {
  for (const auto& entry : kStatusItems)
    if (entry.item == item) return entry.name;
  return "";
}

namespace grammar {

std::string read_astring(Reader& reader) {
  if (refuse_literal8(reader)) return {};
  return reader.astring();
}

std::string read_list_mailbox(Reader& reader) {
  if (refuse_literal8(reader)) return {};
  return reader.list_mailbox();
}

void write_list_mailbox(Writer& writer, std::string_view pattern) {
  if (!pattern.empty() && all_of(pattern, [](unsigned char c) { return is_list_char(c); }))
    writer.raw(pattern);
  else
    writer.string(pattern);
}

std::string read_client_flag(Reader& reader) {
  const std::size_t at = reader.offset();
  std::string flag = reader.flag();
  // "\*" is a flag-perm of PERMANENTFLAGS, never a flag a client sets.
  if (reader.ok() && flag == "\\*") reader.fail_at(at, "flag other than \\*");
  return flag;
}

std::vector<std::string> read_client_flags(Reader& reader) {
  std::vector<std::string> flags;
  reader.open();
  if (reader.try_close()) return flags;
  do {
    flags.push_back(read_client_flag(reader));
  } while (reader.ok() && reader.try_consume(' '));
  reader.close();
  return flags;
}

void write_flags(Writer& writer, const std::vector<std::string>& flags) {
  writer.open();
  for (std::size_t i = 0; i < flags.size(); ++i) {
    if (i > 0) writer.sp();
    writer.raw(flags[i]);
  }
  writer.close();
}

StatusItem read_status_item(Reader& reader) {
  if (!reader.ok()) return StatusItem::messages;
  const std::size_t at = reader.offset();
  const auto name = is_atom_char(static_cast<unsigned char>(reader.peek())) ? reader.atom() : std::string_view();
  for (const auto& entry : kStatusItems)
    if (iequals(entry.name, name)) return entry.item;
  reader.fail_at(at, "status item");
  return StatusItem::messages;
}

std::vector<StatusItem> read_status_items(Reader& reader) {
  std::vector<StatusItem> items;
  reader.open();
  do {
    items.push_back(read_status_item(reader));
  } while (reader.ok() && reader.try_consume(' '));
  reader.close();
  return items;
}

void write_status_items(Writer& writer, const std::vector<StatusItem>& items) {
  writer.open();
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) writer.sp();
    writer.raw(status_item_name(items[i]));
  }
  writer.close();
}

std::vector<Parameter> read_parameter_list(Reader& reader) {
  std::vector<Parameter> parameters;
  reader.sp();
  reader.open();
  do {
    parameters.push_back(read_parameter(reader));
  } while (reader.ok() && reader.try_consume(' '));
  reader.close();
  return parameters;
}

void write_parameter_list(Writer& writer, const std::vector<Parameter>& parameters) {
  writer.sp().open();
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    if (i > 0) writer.sp();
    write_parameter(writer, parameters[i]);
  }
  writer.close();
}

}  // namespace grammar
}  // namespace conformance::codec::imap::command
