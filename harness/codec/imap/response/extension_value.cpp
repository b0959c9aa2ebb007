#include "harness/codec/imap/response/extension_value.hpp"

#include "harness/codec/imap/chars.hpp"

namespace conformance::codec::imap {
namespace {

// A bare token: astring characters plus the "*" of a sequence set.
bool is_token_char(unsigned char c) { return is_astring_char(c) || c == '*'; }

std::string read_token(Reader& r) {
  std::string token;
  while (r.ok() && is_token_char(static_cast<unsigned char>(r.peek())) && !r.at_end()) {
    token.push_back(r.peek());
    r.try_consume(r.peek());
  }
  if (token.empty()) r.fail("number, sequence set, string or '('");
  return token;
}

}  // namespace

ExtensionValue read_extension_value(ParseContext& ctx) {
  Reader& r = ctx.r;
  ExtensionValue value;
  if (!r.ok()) return value;
  if (r.peek() == '(') {
    value.kind = ExtensionValue::Kind::list;
    r.open();
    if (r.ok() && r.peek() != ')' && r.peek() != ' ') {
      do {
        ExtensionValue item = read_extension_value(ctx);
        if (!ctx.count_element()) break;
        value.items.push_back(std::move(item));
      } while (ctx.more());
    }
    ctx.close();
  } else if (r.starts_string()) {
    value.kind = ExtensionValue::Kind::string;
    value.text = ctx.string(&value.form);
  } else {
    value.kind = ExtensionValue::Kind::token;
    value.text = read_token(r);
  }
  if (!r.ok()) return {};
  return value;
}

void write_extension_value(Writer& writer, const ExtensionValue& value) {
  switch (value.kind) {
    case ExtensionValue::Kind::list:
      writer.open();
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i > 0) writer.sp();
        write_extension_value(writer, value.items[i]);
      }
      writer.close();
      return;
    case ExtensionValue::Kind::string:
      writer.string_as(value.text, value.form == StringForm::atom ? StringForm::quoted : value.form);
      return;
    case ExtensionValue::Kind::token:
      if (!value.text.empty() && all_of(value.text, [](unsigned char c) { return is_token_char(c); }))
        writer.atom(value.text);
      else
        writer.string(value.text);
      return;
  }
}

}  // namespace conformance::codec::imap
