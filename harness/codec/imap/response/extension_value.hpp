// The generic extension data of RFC 4466 §2.1 (tagged-ext-val), as LIST
// extended data items (RFC 5258, RFC 9051 mbox-list-extended), ESEARCH
// return data and STATUS items of extensions carry it: a number, a
// sequence set, a string, or a parenthesized list of those.
#pragma once

#include <string>
#include <vector>

#include "harness/codec/imap/reader.hpp"
#include "harness/codec/imap/response/parse_context.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap {

struct ExtensionValue {
  enum class Kind {
    token,   // an atom, number or sequence set, sent bare
    string,  // a quoted string or literal
    list,    // "(" ... ")"
  };
  Kind kind = Kind::token;
  std::string text;                    // token or string
  StringForm form = StringForm::atom;  // string: how it was sent
  std::vector<ExtensionValue> items;   // list

  static ExtensionValue token(std::string value) { return {Kind::token, std::move(value), StringForm::atom, {}}; }
  static ExtensionValue quoted(std::string value) { return {Kind::string, std::move(value), StringForm::quoted, {}}; }
  static ExtensionValue list_of(std::vector<ExtensionValue> items) {
    return {Kind::list, {}, StringForm::atom, std::move(items)};
  }
  friend bool operator==(const ExtensionValue&, const ExtensionValue&) = default;
};

// tagged-ext-val, and (as RFC 9051's own LIST example does) a bare string.
ExtensionValue read_extension_value(ParseContext& ctx);
void write_extension_value(Writer& writer, const ExtensionValue& value);

}  // namespace conformance::codec::imap
