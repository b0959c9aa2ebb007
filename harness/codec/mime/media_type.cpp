#include "harness/codec/mime/media_type.hpp"

#include "harness/codec/mime/ascii.hpp"
#include "harness/codec/mime/lexer.hpp"

namespace conformance::codec::mime {

const std::string* find_parameter(const Parameters& params, std::string_view name) {
  for (const auto& param : params)
    if (iequals(param.name, name)) return &param.value;
  return nullptr;
}

bool MediaType::is(std::string_view type_name, std::string_view subtype_name) const {
  return iequals(type, type_name) && iequals(subtype, subtype_name);
}

bool MediaType::is_type(std::string_view type_name) const { return iequals(type, type_name); }

namespace {

// *(";" parameter) up to the end of the value.
bool read_parameters(Lexer& lx, Parameters& out, const FieldLimits& limits) {
  for (;;) {
    if (!lx.skip_cfws()) return false;
    if (lx.at_end()) return true;
    if (lx.consume(';')) continue;  // separator, or an empty parameter
    // A parameter; the ';' before it may be missing (tolerated), but not
    // directly after the type: "text/plain charset=x" is still accepted.
    const std::size_t name_at = lx.pos();
    const std::string_view name = lx.token();
    if (name.empty()) return lx.fail("';' or parameter");
    if (!lx.skip_cfws()) return false;
    if (!lx.consume('=')) return lx.fail("'=' after parameter name");
    if (!lx.skip_cfws()) return false;
    Parameter param;
    param.name = std::string(name);
    if (lx.peek('"')) {
      if (!lx.quoted_string(param.value)) return false;
    } else {
      param.value = std::string(lx.token());  // may be empty: "name=" is tolerated
    }
    if (out.size() >= limits.max_items) return lx.fail_at(name_at, "fewer parameters");
    out.push_back(std::move(param));
    if (!lx.skip_cfws()) return false;
    if (!lx.at_end() && !lx.peek(';') && !is_token_char(lx.current())) return lx.fail("';' or end of value");
  }
}

void write_value(std::string& out, std::string_view value) {
  // token, else quoted-string (RFC 2045 §5.1). Octets >= 0x80 are written
  // quoted, the form RFC 6532 allows them in.
  bool token = !value.empty();
  for (char c : value) token = token && is_token_char(c) && static_cast<unsigned char>(c) < 0x80;
  out += token ? std::string(value) : quote_string(value);
}

}  // namespace

Result<MediaType> parse_content_type(std::string_view value, const FieldLimits& limits) {
  Lexer lx(value, limits.max_comment_depth);
  MediaType type;
  if (!lx.skip_cfws()) return lx.error();
  type.type = std::string(lx.token());
  if (type.type.empty()) return ParseError{lx.pos(), "media type"};
  if (!lx.skip_cfws()) return lx.error();
  if (!lx.consume('/')) return ParseError{lx.pos(), "'/' after media type"};
  if (!lx.skip_cfws()) return lx.error();
  type.subtype = std::string(lx.token());
  if (type.subtype.empty()) return ParseError{lx.pos(), "media subtype"};
  if (!read_parameters(lx, type.params, limits)) return lx.error();
  return type;
}

Result<Disposition> parse_content_disposition(std::string_view value, const FieldLimits& limits) {
  Lexer lx(value, limits.max_comment_depth);
  Disposition disposition;
  if (!lx.skip_cfws()) return lx.error();
  disposition.type = std::string(lx.token());
  if (disposition.type.empty()) return ParseError{lx.pos(), "disposition type"};
  if (!read_parameters(lx, disposition.params, limits)) return lx.error();
  return disposition;
}

std::string serialize_parameters(const Parameters& params) {
  std::string out;
  for (const auto& param : params) {
    out += "; ";
    out += param.name;
    out += '=';
    write_value(out, param.value);
  }
  return out;
}

std::string serialize_content_type(const MediaType& type) {
  return type.type + "/" + type.subtype + serialize_parameters(type.params);
}

std::string serialize_content_disposition(const Disposition& disposition) {
  return disposition.type + serialize_parameters(disposition.params);
}

}  // namespace conformance::codec::mime
