#include "harness/codec/mime/lexer.hpp"

#include <cstring>

#include "harness/codec/mime/ascii.hpp"

namespace conformance::codec::mime {

bool is_atext(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x80) return true;
  if (is_alpha(c) || is_digit(c)) return true;
  return c != '\0' && std::strchr("!#$%&'*+-/=?^_`{|}~", c) != nullptr;
}

bool is_token_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x80) return true;
  if (u <= 32 || u == 127) return false;
  return std::strchr("()<>@,;:\\\"/[]?=", c) == nullptr;
}

bool is_dot_atom_text(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.') {
      if (text[i - 1] == '.') return false;
    } else if (!is_atext(text[i])) {
      return false;
    }
  }
  return true;
}

bool is_token(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (!is_token_char(c)) return false;
  return true;
}

namespace {

// ctext (§3.2.2) with obs-ctext and UTF-8: everything but '(', ')', '\\',
// white space and NUL.
bool is_ctext(char c) { return c != '(' && c != ')' && c != '\\' && !is_folding_space(c) && c != '\0'; }

// qtext (§3.2.4) with obs-qtext and UTF-8: everything but '"', '\\',
// white space and NUL.
bool is_qtext(char c) { return c != '"' && c != '\\' && !is_folding_space(c) && c != '\0'; }

// dtext (§3.2.4) with obs-dtext and UTF-8: everything but '[', ']', '\\',
// white space and NUL.
bool is_dtext(char c) { return c != '[' && c != ']' && c != '\\' && !is_folding_space(c) && c != '\0'; }

}  // namespace

void Lexer::skip_fws() {
  while (pos_ < text_.size() && is_folding_space(text_[pos_])) ++pos_;
}

bool Lexer::skip_cfws() {
  for (;;) {
    skip_fws();
    if (!peek('(')) return true;
    // A comment; nesting is tracked with a counter rather than recursion.
    const std::size_t start = pos_;
    std::size_t depth = 0;
    do {
      if (pos_ >= text_.size()) return fail_at(start, "')' closing the comment");
      const char c = text_[pos_];
      if (c == '(') {
        if (++depth > max_comment_depth_)
          return fail("comments nested at most " + std::to_string(max_comment_depth_) + " deep");
        ++pos_;
      } else if (c == ')') {
        --depth;
        ++pos_;
      } else if (c == '\\') {
        if (pos_ + 1 >= text_.size()) return fail_at(pos_ + 1, "character after '\\'");
        pos_ += 2;  // quoted-pair, including obs-qp
      } else if (is_ctext(c) || is_folding_space(c)) {
        ++pos_;
      } else {
        return fail("comment text");
      }
    } while (depth > 0);
  }
}

std::string_view Lexer::atom() {
  const std::size_t start = pos_;
  while (pos_ < text_.size() && is_atext(text_[pos_])) ++pos_;
  return text_.substr(start, pos_ - start);
}

std::string_view Lexer::token() {
  const std::size_t start = pos_;
  while (pos_ < text_.size() && is_token_char(text_[pos_])) ++pos_;
  return text_.substr(start, pos_ - start);
}

std::string_view Lexer::digits(std::size_t max_digits) {
  const std::size_t start = pos_;
  while (pos_ < text_.size() && pos_ - start < max_digits && is_digit(text_[pos_])) ++pos_;
  return text_.substr(start, pos_ - start);
}

std::string_view Lexer::letters() {
  const std::size_t start = pos_;
  while (pos_ < text_.size() && is_alpha(text_[pos_])) ++pos_;
  return text_.substr(start, pos_ - start);
}

bool Lexer::quoted_string(std::string& out) {
  const std::size_t start = pos_;
  if (!consume('"')) return fail("'\"'");
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == '"') {
      ++pos_;
      return true;
    }
    if (c == '\\') {
      if (pos_ + 1 >= text_.size()) return fail_at(pos_ + 1, "character after '\\'");
      // obs-qp may quote CR or LF (§4.1); like the line breaks of folds,
      // they carry no content, and no serializer could write them back.
      const char quoted = text_[pos_ + 1];
      if (quoted != '\r' && quoted != '\n') out += quoted;
      pos_ += 2;
    } else if (c == '\r' || c == '\n') {
      ++pos_;  // the line break of a fold is not part of the content (§3.2.4)
    } else if (is_qtext(c) || is_wsp(c)) {
      out += c;
      ++pos_;
    } else {
      return fail("quoted-string text");
    }
  }
  return fail_at(start, "'\"' closing the quoted-string");
}

bool Lexer::domain_literal(std::string& out) {
  const std::size_t start = pos_;
  if (!consume('[')) return fail("'['");
  out += '[';
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == ']') {
      ++pos_;
      out += ']';
      return true;
    }
    if (c == '\\') {
      if (pos_ + 1 >= text_.size()) return fail_at(pos_ + 1, "character after '\\'");
      // Obsolete quoted-pair (§4.4): resolved when it quotes plain dtext,
      // kept quoted otherwise so that the literal still reads back the same.
      const char quoted = text_[pos_ + 1];
      if (quoted != '\r' && quoted != '\n') {
        if (!is_dtext(quoted)) out += '\\';
        out += quoted;
      }
      pos_ += 2;
    } else if (is_folding_space(c)) {
      ++pos_;
    } else if (is_dtext(c)) {
      out += c;
      ++pos_;
    } else {
      return fail("domain-literal text");
    }
  }
  return fail_at(start, "']' closing the domain-literal");
}

}  // namespace conformance::codec::mime

namespace conformance::codec::mime {

std::string quote_string(std::string_view content) {
  std::string out;
  out.reserve(content.size() + 2);
  out += '"';
  for (char c : content) {
    if (c == '\r' || c == '\n') continue;
    if (c == '"' || c == '\\' || c == '\0') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace conformance::codec::mime
