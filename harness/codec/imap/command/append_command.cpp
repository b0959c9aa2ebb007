// Arguments of APPEND (RFC 9051 §6.3.12), with several messages
// (MULTIAPPEND, RFC 3502), literal8 data (BINARY, RFC 3516) and the UTF8
// data item of RFC 6855 §4. CATENATE (RFC 4469) and the generic
// append-ext of RFC 4466 §2.3 are not supported (they fail as syntax errors).
//
// append         = "APPEND" SP mailbox 1*append-message
// append-message = [SP flag-list] [SP date-time] SP append-data
// append-data    = literal / literal8 / "UTF8" SP "(" literal8 ")"
#include "harness/codec/imap/command/command_grammar.hpp"

namespace conformance::codec::imap::command::grammar {
namespace {

AppendMessage read_message(Reader& reader) {
  AppendMessage message;
  reader.sp();
  if (reader.ok() && reader.peek() == '(') {
    message.flags = read_client_flags(reader);
    reader.sp();
  }
  if (reader.ok() && reader.peek() == '"') {
    message.internal_date = read_date_time(reader);
    reader.sp();
  }
  StringForm form{};
  if (reader.try_keyword("UTF8")) {
    message.utf8 = true;
    reader.sp();
    reader.open();
    const std::size_t at = reader.offset();
    message.data = reader.literal(&form);
    if (reader.ok() && form != StringForm::literal8) reader.fail_at(at, "literal8 (~{N}) inside UTF8 (...)");
    reader.close();
    return message;
  }
  if (reader.ok() && reader.peek() != '{' && reader.peek() != '~') {
    reader.fail("message literal");
    return message;
  }
  message.data = reader.literal(&form);
  message.binary = form == StringForm::literal8;
  return message;
}

void write_message(Writer& writer, const AppendMessage& message) {
  if (message.flags) {
    writer.sp();
    write_flags(writer, *message.flags);
  }
  if (message.internal_date) {
    writer.sp();
    write_date_time(writer, *message.internal_date);
  }
  writer.sp();
  // A NUL can only travel in a literal8.
  const bool binary = message.utf8 || message.binary || message.data.find('\0') != std::string::npos;
  if (message.utf8) writer.raw("UTF8 (");
  writer.literal(message.data, binary ? StringForm::literal8 : StringForm::literal);
  if (message.utf8) writer.close();
}

}  // namespace

void read_arguments(Reader& reader, const Context&, Append& command) {
  reader.sp();
  command.mailbox = read_mailbox(reader);
  do {
    command.messages.push_back(read_message(reader));
  } while (reader.ok() && reader.peek() == ' ');
}

void write_arguments(Writer& writer, const Append& command) {
  writer.sp();
  write_mailbox(writer, command.mailbox);
  for (const auto& message : command.messages) write_message(writer, message);
}

}  // namespace conformance::codec::imap::command::grammar
