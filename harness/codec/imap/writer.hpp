// Writes the lexical elements of IMAP commands and responses, choosing the
// form a string can take (atom, quoted, literal) the way a careful peer
// would. The counterpart of reader.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/imap/message_structure.hpp"
#include "harness/codec/imap/reader.hpp"

namespace conformance::codec::imap {

struct WriterOptions {
  // How literals are announced: {N} (the sender waits for "+"), or {N+}
  // when the peer advertised LITERAL+ (RFC 7888).
  bool non_synchronizing_literals = false;
  bool allow_8bit_quoted = false;  // UTF-8 in quoted strings (IMAP4rev2, UTF8=ACCEPT)
};

class Writer {
 public:
  explicit Writer(WriterOptions options = {}) : options_(options) {}

  const std::string& bytes() const& { return out_; }
  std::string bytes() && { return std::move(out_); }

  // Offsets just after each "{N}\r\n" of a synchronizing literal: a client
  // must stop there and wait for the server's continuation request.
  const std::vector<std::size_t>& continuation_points() const { return continuation_points_; }

  Writer& raw(std::string_view bytes);
  Writer& sp() { return raw(" "); }
  Writer& crlf() { return raw("\r\n"); }
  Writer& open() { return raw("("); }
  Writer& close() { return raw(")"); }
  Writer& number(std::uint64_t value);
  Writer& atom(std::string_view value) { return raw(value); }
  Writer& quoted(std::string_view value);  // caller ensures can_quote()
  Writer& literal(std::string_view value, StringForm form = StringForm::literal);
  Writer& string(std::string_view value);   // quoted if possible, else literal
  Writer& astring(std::string_view value);  // atom if possible, else string
  Writer& nstring(const NString& value);    // string or NIL
  // Writes `value` in the form given, falling back to a form that can carry
  // it (an atom that is not one becomes a string), so serializing what a
  // parser read reproduces the input.
  Writer& string_as(std::string_view value, StringForm form);

 private:
  WriterOptions options_;
  std::string out_;
  std::vector<std::size_t> continuation_points_;
};

}  // namespace conformance::codec::imap
