// The generic extension syntax of RFC 4466 §2.1: parameters of SELECT,
// CREATE, RENAME, FETCH and STORE modifiers, SEARCH return options and LIST
// options that this codec has no typed field for. They are kept, not
// dropped, so that a fake server can see (and answer BAD or ignore) exactly
// what a client sent, and so that serializing gives the same bytes back.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/codec/imap/reader.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap::command {

// tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")"
// tagged-ext-comp = astring / tagged-ext-comp *(SP tagged-ext-comp) / "(" tagged-ext-comp ")"
struct ExtensionValue {
  enum class Kind {
    atom,    // a number, a sequence set ("1:*") or, inside a list, an atom; kept as sent
    string,  // a quoted string or a literal, kept as its value
    list,    // "(" ... ")", possibly empty
  };
  Kind kind = Kind::atom;
  std::string text;                   // atom: the token; string: the value
  std::vector<ExtensionValue> items;  // list

  static ExtensionValue atom(std::string token) { return {Kind::atom, std::move(token), {}}; }
  static ExtensionValue string(std::string value) { return {Kind::string, std::move(value), {}}; }
  static ExtensionValue list(std::vector<ExtensionValue> items) { return {Kind::list, {}, std::move(items)}; }
  friend bool operator==(const ExtensionValue&, const ExtensionValue&) = default;
};

// An extension parameter: a name (tagged-ext-label, or for LIST an
// option-extension atom) with an optional value.
struct Parameter {
  std::string name;  // as sent; compare case-insensitively
  std::optional<ExtensionValue> value;
  friend bool operator==(const Parameter&, const Parameter&) = default;
};

// tagged-ext-label = tagged-label-fchar *tagged-label-char (RFC 4466 §2.1)
std::string read_tagged_label(Reader& reader);
bool is_tagged_label(std::string_view name);

// Does a tagged-ext-val start at the reader's position? A value starts with
// a digit, "*", "$" or "("; a label never does, which is what tells a value
// from the name of the next parameter in "(NAME1 NAME2 (value))".
bool at_extension_value(const Reader& reader);

// tagged-ext-val. Nesting is bounded by the reader's list depth limit.
ExtensionValue read_extension_value(Reader& reader);
void write_extension_value(Writer& writer, const ExtensionValue& value);

// name [SP value], the value read only when one starts after the SP.
Parameter read_parameter(Reader& reader);
// [SP value] after a name the caller has read already.
void read_parameter_value(Reader& reader, Parameter& parameter);
void write_parameter(Writer& writer, const Parameter& parameter);

}  // namespace conformance::codec::imap::command
