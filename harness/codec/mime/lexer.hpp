// Lexical tokens of structured header fields (RFC 5322 §3.2, with the
// obsolete forms of §4.1 and the UTF-8 extension of RFC 6532 §3.2), and the
// MIME token of RFC 2045 §5.1. The parsers of addresses, dates, message
// identifiers and media types are built on this cursor.
//
// Folding white space may be given folded (CRLF WSP) or already unfolded:
// CR and LF count as white space here, because the header parser has
// already made sure they only occur inside folds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::mime {

// atext (RFC 5322 §3.2.3), plus any octet >= 0x80 (RFC 6532 §3.2).
bool is_atext(char c);
// token character of RFC 2045 §5.1: CHAR except SPACE, CTLs and tspecials;
// octets >= 0x80 are let through as real mail has them in unquoted values.
bool is_token_char(char c);
// dot-atom-text: 1*atext *("." 1*atext)
bool is_dot_atom_text(std::string_view text);
// 1*token-char
bool is_token(std::string_view text);

class Lexer {
 public:
  Lexer(std::string_view text, std::size_t max_comment_depth) : text_(text), max_comment_depth_(max_comment_depth) {}

  std::size_t pos() const { return pos_; }
  void set_pos(std::size_t pos) { pos_ = pos; }
  bool at_end() const { return pos_ >= text_.size(); }
  char current() const { return text_[pos_]; }  // only when !at_end()
  bool peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool consume(char c) {
    if (!peek(c)) return false;
    ++pos_;
    return true;
  }
  std::string_view text() const { return text_; }

  // Skips white space and comments (CFWS). Returns false, with error() set,
  // on an unterminated comment or one nested deeper than allowed.
  bool skip_cfws();
  // Skips white space only (FWS).
  void skip_fws();

  // 1*atext; empty when the next octet is not atext.
  std::string_view atom();
  // 1*token-char; empty when the next octet is not one.
  std::string_view token();
  // 1*DIGIT, at most `max_digits` of them; empty when none.
  std::string_view digits(std::size_t max_digits);
  // 1*ALPHA; empty when none.
  std::string_view letters();

  // At '"': reads a quoted-string and appends its content to `out`, with
  // quoted-pairs resolved and the line breaks of folds removed (§3.2.4).
  bool quoted_string(std::string& out);
  // At '[': reads a domain-literal and appends it to `out` with its
  // brackets, white space removed and quoted-pairs (obsolete) resolved.
  bool domain_literal(std::string& out);

  const ParseError& error() const { return error_; }
  // Records what was expected at the current position; returns false.
  bool fail(std::string expected) { return fail_at(pos_, std::move(expected)); }
  bool fail_at(std::size_t offset, std::string expected) {
    error_ = ParseError{offset, std::move(expected)};
    return false;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t max_comment_depth_;
  ParseError error_;
};

}  // namespace conformance::codec::mime

namespace conformance::codec::mime {

// Writes `content` as a quoted-string: '"' and '\\' (and NUL) escaped as
// quoted-pairs. CR and LF are dropped: they cannot be written back inside
// a header field, and Lexer::quoted_string drops them on reading too.
std::string quote_string(std::string_view content);

}  // namespace conformance::codec::mime
