#include "harness/codec/imap/command/extension_value.hpp"

#include "harness/codec/imap/chars.hpp"
#include "harness/codec/imap/sequence_set.hpp"

namespace conformance::codec::imap::command {
namespace {

constexpr bool is_alpha(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// tagged-label-fchar = ALPHA / "-" / "_" / "."
constexpr bool is_label_first_char(unsigned char c) { return is_alpha(c) || c == '-' || c == '_' || c == '.'; }
// tagged-label-char = tagged-label-fchar / DIGIT / ":"
constexpr bool is_label_char(unsigned char c) { return is_label_first_char(c) || is_digit(c) || c == ':'; }

// tagged-ext-simple = sequence-set / number / number64
constexpr bool is_simple_char(unsigned char c) { return is_digit(c) || c == ':' || c == ',' || c == '*' || c == '$'; }

// Inside a list an astring atom, or a sequence set, which may hold "*".
constexpr bool is_list_token_char(unsigned char c) { return is_astring_char(c) || c == '*'; }

bool is_simple_value(std::string_view token) {
  Reader number(token);
  number.number64();
  if (number.ok() && number.at_end()) return true;
  Reader set(token);
  read_sequence_set(set);
  return set.ok() && set.at_end();
}

bool is_list_token(std::string_view token) {
  return !token.empty() && all_of(token, [](unsigned char c) { return is_list_token_char(c); });
}

std::string_view take(Reader& reader, bool (*pred)(unsigned char)) {
  const std::size_t begin = reader.offset();
  while (!reader.at_end() && pred(static_cast<unsigned char>(reader.peek()))) reader.try_consume(reader.peek());
  return reader.input().substr(begin, reader.offset() - begin);
}

ExtensionValue read_list_item(Reader& reader);

ExtensionValue read_list(Reader& reader) {
  ExtensionValue value = ExtensionValue::list({});
  reader.open();
  if (reader.try_close()) return value;
  do {
    value.items.push_back(read_list_item(reader));
  } while (reader.ok() && reader.try_consume(' '));
  reader.close();
  return value;
}

ExtensionValue read_list_item(Reader& reader) {
  if (!reader.ok()) return {};
  if (reader.peek() == '(') return read_list(reader);
  if (reader.starts_string()) {
    StringForm form{};
    const std::size_t at = reader.offset();
    std::string value = reader.string(&form);
    if (reader.ok() && form == StringForm::literal8) reader.fail_at(at, "astring (literal8 only in APPEND data)");
    return ExtensionValue::string(std::move(value));
  }
  const auto token = take(reader, [](unsigned char c) { return is_list_token_char(c); });
  if (token.empty()) reader.fail("astring or '('");
  return ExtensionValue::atom(std::string(token));
}

}  // namespace

bool is_tagged_label(std::string_view name) {
  if (name.empty() || !is_label_first_char(static_cast<unsigned char>(name[0]))) return false;
  return all_of(name, [](unsigned char c) { return is_label_char(c); });
}

std::string read_tagged_label(Reader& reader) {
  if (!reader.ok()) return {};
  const std::size_t at = reader.offset();
  const auto name = take(reader, [](unsigned char c) { return is_label_char(c); });
  if (!is_tagged_label(name)) reader.fail_at(at, "parameter name");
  return std::string(name);
}

bool at_extension_value(const Reader& reader) {
  const auto c = static_cast<unsigned char>(reader.peek());
  return !reader.at_end() && (is_digit(c) || c == '*' || c == '$' || c == '(');
}

ExtensionValue read_extension_value(Reader& reader) {
  if (!reader.ok()) return {};
  if (reader.peek() == '(') return read_list(reader);
  const std::size_t at = reader.offset();
  const auto token = take(reader, [](unsigned char c) { return is_simple_char(c); });
  if (!is_simple_value(token)) reader.fail_at(at, "number, sequence set or '('");
  return ExtensionValue::atom(std::string(token));
}

void write_extension_value(Writer& writer, const ExtensionValue& value) {
  switch (value.kind) {
    case ExtensionValue::Kind::atom:
      // A token that is not one (a value built by hand) goes as a string.
      if (is_list_token(value.text))
        writer.raw(value.text);
      else
        writer.string(value.text);
      return;
    case ExtensionValue::Kind::string:
      writer.string(value.text);
      return;
    case ExtensionValue::Kind::list:
      writer.open();
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i > 0) writer.sp();
        write_extension_value(writer, value.items[i]);
      }
      writer.close();
      return;
  }
}

Parameter read_parameter(Reader& reader) {
  Parameter parameter;
  parameter.name = read_tagged_label(reader);
  read_parameter_value(reader, parameter);
  return parameter;
}

void read_parameter_value(Reader& reader, Parameter& parameter) {
  if (reader.ok() && reader.peek() == ' ') {
    // Peek past the SP: only a value-start makes it this parameter's value.
    Reader ahead = reader;
    ahead.sp();
    if (at_extension_value(ahead)) {
      reader.sp();
      parameter.value = read_extension_value(reader);
    }
  }
}

void write_parameter(Writer& writer, const Parameter& parameter) {
  writer.raw(parameter.name);
  if (parameter.value) {
    writer.sp();
    write_extension_value(writer, *parameter.value);
  }
}

}  // namespace conformance::codec::imap::command
