// Arguments of the session commands: ID (RFC 2971), AUTHENTICATE (RFC 9051
// §6.2.2 with SASL-IR, RFC 4959), LOGIN (§6.2.3) and ENABLE (RFC 5161).
#include "harness/codec/common/base64.hpp"
#include "harness/codec/imap/chars.hpp"
#include "harness/codec/imap/command/command_grammar.hpp"

namespace conformance::codec::imap::command::grammar {
namespace {

constexpr bool is_base64_char(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '+' || c == '/' || c == '=';
}

std::string read_id_string(Reader& reader) {
  if (reader.ok() && reader.peek() == '~') {
    reader.fail("string (literal8 only in APPEND data)");
    return {};
  }
  return reader.string();
}

}  // namespace

// id = "ID" SP id-params-list
// id-params-list = "(" *(string SP nstring) ")" / nil   (RFC 2971 §4, pairs separated by SP)
void read_arguments(Reader& reader, const Context&, Id& command) {
  reader.sp();
  if (reader.try_keyword("NIL")) return;
  command.fields.emplace();
  reader.open();
  if (reader.try_close()) return;
  do {
    Id::Field field;
    field.first = read_id_string(reader);
    reader.sp();
    if (reader.ok() && reader.peek() == '~') reader.fail("nstring (literal8 only in APPEND data)");
    field.second = reader.nstring();
    command.fields->push_back(std::move(field));
  } while (reader.ok() && reader.try_consume(' '));
  reader.close();
}

void write_arguments(Writer& writer, const Id& command) {
  writer.sp();
  if (!command.fields) {
    writer.raw("NIL");
    return;
  }
  writer.open();
  for (std::size_t i = 0; i < command.fields->size(); ++i) {
    if (i > 0) writer.sp();
    writer.string((*command.fields)[i].first).sp().nstring((*command.fields)[i].second);
  }
  writer.close();
}

// authenticate = "AUTHENTICATE" SP auth-type [SP initial-resp]
// initial-resp = base64 / "="   ("=" is the empty response, RFC 4959 §3)
void read_arguments(Reader& reader, const Context&, Authenticate& command) {
  reader.sp();
  command.mechanism = std::string(reader.atom());
  if (!reader.ok() || !reader.try_consume(' ')) return;
  const std::size_t at = reader.offset();
  std::size_t end = at;
  while (end < reader.input().size() && is_base64_char(static_cast<unsigned char>(reader.input()[end]))) ++end;
  const std::string_view text = reader.input().substr(at, end - at);
  if (text.empty()) return reader.fail("base64 initial response or '='");
  if (text == "=") {
    command.initial_response = std::string();
  } else {
    auto decoded = base64_decode(text);
    if (!decoded) return reader.fail_at(at + decoded.error().offset, decoded.error().expected);
    // "=" alone means empty, so an encoding of nothing can only be "=".
    command.initial_response = std::move(decoded).value();
  }
  for (std::size_t i = at; i < end; ++i) reader.try_consume(reader.peek());
}

void write_arguments(Writer& writer, const Authenticate& command) {
  writer.sp().atom(command.mechanism);
  if (!command.initial_response) return;
  writer.sp();
  if (command.initial_response->empty())
    writer.raw("=");
  else
    writer.raw(base64_encode(*command.initial_response));
}

// login = "LOGIN" SP userid SP password
void read_arguments(Reader& reader, const Context&, Login& command) {
  reader.sp();
  command.username = read_astring(reader);
  reader.sp();
  command.password = read_astring(reader);
}

void write_arguments(Writer& writer, const Login& command) {
  writer.sp().astring(command.username).sp().astring(command.password);
}

// enable = "ENABLE" 1*(SP capability)
void read_arguments(Reader& reader, const Context&, Enable& command) {
  do {
    reader.sp();
    command.capabilities.emplace_back(reader.atom());
  } while (reader.ok() && reader.peek() == ' ');
}

void write_arguments(Writer& writer, const Enable& command) {
  for (const auto& capability : command.capabilities) writer.sp().atom(capability);
}

}  // namespace conformance::codec::imap::command::grammar
