#include "harness/codec/imap/reader.hpp"

#include <limits>

#include "harness/codec/imap/chars.hpp"

namespace conformance::codec::imap {

void Reader::fail(std::string expected) { fail_at(pos_, std::move(expected)); }

void Reader::fail_at(std::size_t at, std::string expected) {
  if (failed_) return;
  failed_ = true;
  error_ = ParseError{at, std::move(expected)};
}

bool Reader::try_consume(char c) {
  if (failed_ || peek() != c || at_end()) return false;
  ++pos_;
  return true;
}

void Reader::expect(char c) {
  if (failed_) return;
  if (!try_consume(c)) {
    switch (c) {
      case ' ': fail("SP"); break;
      case '(': fail("'('"); break;
      case ')': fail("')'"); break;
      default: fail(std::string("'") + c + "'");
    }
  }
}

void Reader::crlf() {
  if (failed_) return;
  if (peek() == '\r' && peek(1) == '\n') {
    pos_ += 2;
  } else if (options_.allow_bare_lf && peek() == '\n') {
    pos_ += 1;
  } else {
    fail("CRLF");
  }
}

bool Reader::try_prefix(std::string_view prefix) {
  if (failed_ || input_.size() - pos_ < prefix.size()) return false;
  if (!iequals(input_.substr(pos_, prefix.size()), prefix)) return false;
  pos_ += prefix.size();
  return true;
}

bool Reader::try_keyword(std::string_view keyword) {
  if (failed_ || input_.size() - pos_ < keyword.size()) return false;
  if (!iequals(input_.substr(pos_, keyword.size()), keyword)) return false;
  const std::size_t after = pos_ + keyword.size();
  if (after < input_.size() && is_atom_char(static_cast<unsigned char>(input_[after]))) return false;
  pos_ = after;
  return true;
}

void Reader::keyword(std::string_view keyword) {
  if (!failed_ && !try_keyword(keyword)) fail(std::string(keyword));
}

void Reader::open() {
  if (failed_) return;
  if (depth_ >= options_.max_depth) return fail("list nested at most " + std::to_string(options_.max_depth) + " deep");
  expect('(');
  if (!failed_) ++depth_;
}

void Reader::close() {
  expect(')');
  if (!failed_ && depth_ > 0) --depth_;
}

bool Reader::try_open() {
  if (failed_ || peek() != '(' || at_end()) return false;
  open();
  return !failed_;
}

bool Reader::try_close() {
  if (!try_consume(')')) return false;
  if (depth_ > 0) --depth_;
  return true;
}

std::string_view Reader::take_while(bool (*pred)(unsigned char)) {
  const std::size_t begin = pos_;
  while (pos_ < input_.size() && pred(static_cast<unsigned char>(input_[pos_]))) ++pos_;
  return input_.substr(begin, pos_ - begin);
}

std::string_view Reader::atom() {
  if (failed_) return {};
  auto value = take_while([](unsigned char c) { return is_atom_char(c); });
  if (value.empty()) fail("atom");
  return value;
}

std::string_view Reader::astring_atom() {
  if (failed_) return {};
  auto value = take_while([](unsigned char c) { return is_astring_char(c); });
  if (value.empty()) fail("astring");
  return value;
}

std::string_view Reader::tag() {
  if (failed_) return {};
  auto value = take_while([](unsigned char c) { return is_tag_char(c); });
  if (value.empty()) fail("tag");
  return value;
}

std::string_view Reader::text(bool allow_empty) {
  if (failed_) return {};
  auto value = take_while([](unsigned char c) { return is_text_char(c); });
  if (value.empty() && !allow_empty) fail("text");
  return value;
}

std::uint64_t Reader::digits(std::uint64_t max, const char* what) {
  if (failed_) return 0;
  const std::size_t begin = pos_;
  std::uint64_t value = 0;
  while (pos_ < input_.size() && is_digit(static_cast<unsigned char>(input_[pos_]))) {
    const auto digit = static_cast<std::uint64_t>(input_[pos_] - '0');
    if (value > (max - digit) / 10) {
      fail_at(begin, std::string(what) + " of at most " + std::to_string(max));
      return 0;
    }
    value = value * 10 + digit;
    ++pos_;
  }
  if (pos_ == begin) fail(what);
  return value;
}

std::uint32_t Reader::number() {
  return static_cast<std::uint32_t>(digits(std::numeric_limits<std::uint32_t>::max(), "number"));
}

std::uint32_t Reader::nz_number() {
  const std::size_t begin = pos_;
  const auto value = number();
  if (!failed_ && value == 0) fail_at(begin, "non-zero number");
  return value;
}

std::uint64_t Reader::number64() {
  return digits(static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()), "number");
}

std::uint64_t Reader::nz_number64() {
  const std::size_t begin = pos_;
  const auto value = number64();
  if (!failed_ && value == 0) fail_at(begin, "non-zero number");
  return value;
}

std::string Reader::quoted() {
  if (failed_) return {};
  if (!try_consume('"')) {
    fail("quoted string");
    return {};
  }
  std::string value;
  for (;;) {
    // Ordinary characters are copied a run at a time; the checks below see
    // only the character that ends the run.
    std::size_t run_end = pos_;
    while (run_end < input_.size()) {
      const auto c = static_cast<unsigned char>(input_[run_end]);
      if (c == '"' || c == '\\' || c == '\r' || c == '\n' || c == 0 || (c >= 0x80 && !options_.allow_8bit_quoted))
        break;
      ++run_end;
    }
    value.append(input_.substr(pos_, run_end - pos_));
    pos_ = run_end;
    if (at_end()) {
      fail("closing '\"'");
      return {};
    }
    const auto c = static_cast<unsigned char>(input_[pos_]);
    if (c == '"') {
      ++pos_;
      return value;
    }
    if (c == '\\') {
      const auto next = static_cast<unsigned char>(peek(1));
      if (!is_quoted_special(next)) {
        fail_at(pos_ + 1, "'\"' or '\\' after '\\' in a quoted string");
        return {};
      }
      value.push_back(static_cast<char>(next));
      pos_ += 2;
      continue;
    }
    if (c == '\r' || c == '\n' || c == 0) {
      fail("closing '\"' before end of line");
      return {};
    }
    if (c >= 0x80 && !options_.allow_8bit_quoted) {
      fail("7-bit character in quoted string");
      return {};
    }
    value.push_back(static_cast<char>(c));
    ++pos_;
  }
}

std::string Reader::literal(StringForm* form) {
  if (failed_) return {};
  const std::size_t begin = pos_;
  bool binary = false;
  if (peek() == '~') {
    if (!options_.allow_literal8) {
      fail("literal");
      return {};
    }
    binary = true;
    ++pos_;
  }
  if (!try_consume('{')) {
    fail_at(begin, "literal");
    return {};
  }
  const auto length = digits(std::numeric_limits<std::uint64_t>::max() / 2, "literal length");
  const bool non_sync = try_consume('+');
  expect('}');
  crlf();
  if (failed_) return {};
  if (length > input_.size() - pos_) {
    fail_at(begin, std::to_string(length) + " octets of literal data");
    return {};
  }
  std::string value(input_.substr(pos_, static_cast<std::size_t>(length)));
  if (!binary && value.find('\0') != std::string::npos) {
    fail_at(pos_ + value.find('\0'), "no NUL in a literal (only in literal8)");
    return {};
  }
  pos_ += static_cast<std::size_t>(length);
  if (form) *form = binary ? StringForm::literal8 : non_sync ? StringForm::literal_non_synchronizing : StringForm::literal;
  return value;
}

std::string Reader::string(StringForm* form) {
  if (failed_) return {};
  if (peek() == '"') {
    if (form) *form = StringForm::quoted;
    return quoted();
  }
  if (peek() == '{' || (peek() == '~' && peek(1) == '{')) return literal(form);
  fail("string");
  return {};
}

std::string Reader::astring(StringForm* form) {
  if (failed_) return {};
  if (starts_string()) return string(form);
  if (form) *form = StringForm::atom;
  return std::string(astring_atom());
}

NString Reader::nstring(StringForm* form) {
  if (failed_) return std::nullopt;
  if (try_keyword("NIL")) {
    if (form) *form = StringForm::atom;
    return std::nullopt;
  }
  if (starts_string()) return string(form);
  fail("string or NIL");
  return std::nullopt;
}

std::string Reader::list_mailbox() {
  if (failed_) return {};
  if (starts_string()) return string();
  auto value = take_while([](unsigned char c) { return is_list_char(c); });
  if (value.empty()) fail("mailbox name or pattern");
  return std::string(value);
}

std::string Reader::flag() {
  if (failed_) return {};
  if (peek() == '\\') {
    ++pos_;
    if (try_consume('*')) return "\\*";
    auto name = atom();
    return failed_ ? std::string() : "\\" + std::string(name);
  }
  return std::string(atom());
}

}  // namespace conformance::codec::imap
