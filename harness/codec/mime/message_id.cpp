#include "harness/codec/mime/message_id.hpp"

#include "harness/codec/mime/address.hpp"
#include "harness/codec/mime/ascii.hpp"
#include "harness/codec/mime/lexer.hpp"

namespace conformance::codec::mime {

namespace {

// After '<': id-left "@" id-right ">", accepting the obsolete local-part and
// domain forms with CFWS inside (§4.5.4), as Appendix A.6.3 shows.
bool read_message_id(Lexer& lx, MessageId& out) {
  if (!lx.consume('<')) return lx.fail("'<'");
  out.left.clear();
  bool want_word = true;
  for (;;) {
    if (!lx.skip_cfws()) return false;
    if (lx.at_end()) return lx.fail("'@'");
    const char c = lx.current();
    if (want_word && c == '"') {
      if (!lx.quoted_string(out.left)) return false;
    } else if (want_word && is_atext(c)) {
      out.left += lx.atom();
    } else if (!want_word && c == '.') {
      lx.consume('.');
      out.left += '.';
    } else if (!want_word && c == '@') {
      break;
    } else {
      return lx.fail(want_word ? "id-left" : "'@'");
    }
    want_word = !want_word;
  }
  lx.consume('@');
  if (!lx.skip_cfws()) return false;
  out.right.clear();
  if (lx.peek('[')) {
    if (!lx.domain_literal(out.right)) return false;
  } else {
    std::string_view atom = lx.atom();
    if (atom.empty()) return lx.fail("id-right");
    out.right += atom;
    for (;;) {
      if (!lx.skip_cfws()) return false;
      if (!lx.consume('.')) break;
      if (!lx.skip_cfws()) return false;
      atom = lx.atom();
      if (atom.empty()) return lx.fail("id-right label after '.'");
      out.right += '.';
      out.right += atom;
    }
  }
  if (!lx.skip_cfws()) return false;
  if (!lx.consume('>')) return lx.fail("'>'");
  return true;
}

}  // namespace

Result<MessageId> parse_message_id(std::string_view value, const FieldLimits& limits) {
  Lexer lx(value, limits.max_comment_depth);
  MessageId id;
  if (!lx.skip_cfws()) return lx.error();
  if (!read_message_id(lx, id)) return lx.error();
  if (!lx.skip_cfws()) return lx.error();
  if (!lx.at_end()) return ParseError{lx.pos(), "end of msg-id"};
  return id;
}

Result<std::vector<MessageId>> parse_message_id_list(std::string_view value, const FieldLimits& limits) {
  Lexer lx(value, limits.max_comment_depth);
  std::vector<MessageId> ids;
  for (;;) {
    if (!lx.skip_cfws()) return lx.error();
    if (lx.at_end()) return ids;
    const char c = lx.current();
    if (c == '<') {
      if (ids.size() >= limits.max_items) return ParseError{lx.pos(), "fewer message identifiers"};
      MessageId id;
      if (!read_message_id(lx, id)) return lx.error();
      ids.push_back(std::move(id));
    } else if (c == '"') {  // a phrase between identifiers (obsolete)
      std::string ignored;
      if (!lx.quoted_string(ignored)) return lx.error();
    } else if (c == '.' || is_atext(c)) {
      if (!lx.consume('.')) (void)lx.atom();
    } else {
      return ParseError{lx.pos(), "'<'"};
    }
  }
}

std::string serialize_message_id(const MessageId& id) {
  std::string out = "<";
  out += serialize_addr_spec(id.left, id.right);
  out += '>';
  return out;
}

std::string serialize_message_id_list(const std::vector<MessageId>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ' ';
    out += serialize_message_id(ids[i]);
  }
  return out;
}

}  // namespace conformance::codec::mime
