// Reads the lexical elements of one IMAP frame (see framer.hpp): atoms,
// numbers, quoted strings, literals, lists. Both the response parser (client
// side) and the command parser (server side) are written on top of it, so
// the IMAP grammar's terminals exist once.
//
// The reader latches the first error: after a failure every read returns an
// empty value and leaves the position alone, so a parser can read several
// elements and check ok() once, e.g.
//
//   auto tag = r.tag(); r.sp(); auto name = r.atom();
//   if (!r.ok()) return r.error();
//
// Loops must test ok() so they end once the reader has failed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"
#include "harness/codec/imap/message_structure.hpp"

namespace conformance::codec::imap {

struct ReaderOptions {
  std::size_t max_depth = 64;     // nesting of parenthesized lists
  bool allow_bare_lf = false;     // accept LF alone where CRLF is due
  bool allow_8bit_quoted = true;  // UTF-8 in quoted strings (IMAP4rev2, UTF8=ACCEPT)
  bool allow_literal8 = true;     // ~{N} (RFC 3516 BINARY)
};

// How a string was written on the wire; kept by parsers that need to
// serialize exactly what they read, or to check what a peer chose.
enum class StringForm { atom, quoted, literal, literal_non_synchronizing, literal8 };

class Reader {
 public:
  explicit Reader(std::string_view frame, ReaderOptions options = {}) : input_(frame), options_(options) {}

  // --- state
  bool ok() const { return !failed_; }
  const ParseError& error() const { return error_; }
  std::size_t offset() const { return pos_; }
  bool at_end() const { return pos_ >= input_.size(); }
  std::string_view input() const { return input_; }
  std::string_view rest() const { return input_.substr(pos_); }
  // The byte `ahead` places after the current one, or '\0' past the end.
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < input_.size() ? input_[pos_ + ahead] : '\0'; }
  // Does a quoted string or a literal begin here? ("~" alone is an atom char.)
  bool starts_string() const { return peek() == '"' || peek() == '{' || (peek() == '~' && peek(1) == '{'); }
  bool at_line_end() const { return peek() == '\r' || peek() == '\n' || at_end(); }

  // Records a failure at the current offset (or `at`); the first one wins.
  void fail(std::string expected);
  void fail_at(std::size_t at, std::string expected);

  // --- punctuation
  bool try_consume(char c);
  void expect(char c);
  void sp() { expect(' '); }
  void crlf();
  // Case-insensitive keyword that is not followed by another atom char
  // (so "NIL" does not match the start of "NILS").
  bool try_keyword(std::string_view keyword);
  void keyword(std::string_view keyword);
  // Like try_keyword but the keyword may be followed by anything (for
  // prefixes such as "BODY[" or "UID ").
  bool try_prefix(std::string_view prefix);

  // --- lists, with a depth limit
  void open();   // "("
  void close();  // ")"
  bool try_open();
  bool try_close();
  std::size_t depth() const { return depth_; }

  // --- terminals
  std::string_view atom();           // 1*ATOM-CHAR
  std::string_view astring_atom();   // 1*ASTRING-CHAR
  std::string_view tag();            // 1*<ASTRING-CHAR except "+">
  std::string_view text(bool allow_empty = false);  // 1*TEXT-CHAR up to CRLF
  std::uint32_t number();            // 0..4294967295
  std::uint32_t nz_number();         // 1..4294967295
  std::uint64_t number64();          // 0..9223372036854775807
  std::uint64_t nz_number64();

  std::string quoted();
  std::string literal(StringForm* form = nullptr);  // {N}, {N+}, ~{N} (if allowed)
  std::string string(StringForm* form = nullptr);   // quoted / literal
  std::string astring(StringForm* form = nullptr);  // 1*ASTRING-CHAR / string
  NString nstring(StringForm* form = nullptr);      // string / NIL
  std::string list_mailbox();                       // 1*list-char / string
  std::string flag();                               // "\" atom / atom / "\*"

 private:
  std::string_view take_while(bool (*pred)(unsigned char));
  std::uint64_t digits(std::uint64_t max, const char* what);

  std::string_view input_;
  ReaderOptions options_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  bool failed_ = false;
  ParseError error_;
};

}  // namespace conformance::codec::imap
