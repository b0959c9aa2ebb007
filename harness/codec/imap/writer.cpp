#include "harness/codec/imap/writer.hpp"

#include "harness/codec/imap/chars.hpp"

namespace conformance::codec::imap {

Writer& Writer::raw(std::string_view bytes) {
  out_.append(bytes);
  return *this;
}

Writer& Writer::number(std::uint64_t value) { return raw(std::to_string(value)); }

Writer& Writer::quoted(std::string_view value) {
  out_.push_back('"');
  for (char c : value) {
    if (is_quoted_special(static_cast<unsigned char>(c))) out_.push_back('\\');
    out_.push_back(c);
  }
  out_.push_back('"');
  return *this;
}

Writer& Writer::literal(std::string_view value, StringForm form) {
  if (form == StringForm::literal && options_.non_synchronizing_literals) form = StringForm::literal_non_synchronizing;
  if (form == StringForm::literal8) out_.push_back('~');
  out_.push_back('{');
  out_.append(std::to_string(value.size()));
  if (form == StringForm::literal_non_synchronizing) out_.push_back('+');
  out_.append("}\r\n");
  if (form != StringForm::literal_non_synchronizing) continuation_points_.push_back(out_.size());
  out_.append(value);
  return *this;
}

Writer& Writer::string(std::string_view value) {
  if (can_quote(value, options_.allow_8bit_quoted)) return quoted(value);
  return literal(value, value.find('\0') != std::string_view::npos ? StringForm::literal8 : StringForm::literal);
}

Writer& Writer::astring(std::string_view value) {
  if (is_astring_atom(value)) return atom(value);
  return string(value);
}

Writer& Writer::nstring(const NString& value) { return value ? string(*value) : raw("NIL"); }

Writer& Writer::string_as(std::string_view value, StringForm form) {
  switch (form) {
    case StringForm::atom:
      // NIL as an atom would read back as NIL, not as the string "NIL".
      if (is_astring_atom(value) && !iequals(value, "NIL")) return atom(value);
      return string(value);
    case StringForm::quoted:
      if (can_quote(value, true)) return quoted(value);
      return string(value);
    case StringForm::literal:
    case StringForm::literal_non_synchronizing:
      if (value.find('\0') != std::string_view::npos) return literal(value, StringForm::literal8);
      return literal(value, form);
    case StringForm::literal8:
      return literal(value, form);
  }
  return string(value);
}

}  // namespace conformance::codec::imap
