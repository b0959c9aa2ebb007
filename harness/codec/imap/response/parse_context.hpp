// The state one response parse carries: the Reader over the frame, the
// options, the leniencies reported so far and the allocation budget, with
// the helpers every part of the response grammar shares (lists that may
// carry a stray SP, strings that must not be literal8 or {N+}, flag lists).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/imap/reader.hpp"
#include "harness/codec/imap/response/parse_options.hpp"

namespace conformance::codec::imap {

class ParseContext {
 public:
  // `base` is added to every offset reported as a leniency, for a context
  // that reads a slice of a larger response (a response code).
  ParseContext(std::string_view input, const ParseOptions& options, std::vector<Leniency>* leniencies,
               std::size_t base = 0);

  Reader r;

  const ParseOptions& options() const { return options_; }
  bool lenient() const { return options_.lenient; }
  // For a context over a slice of this one's input.
  std::size_t base() const { return base_; }
  std::vector<Leniency>* leniency_sink() const { return leniencies_; }
  bool ok() const { return r.ok(); }

  // A known quirk at offset `at`: when lenient, records `what` and returns
  // true (the caller then accepts it); when strict, fails with `expected`
  // at `at` and returns false.
  bool tolerate(std::size_t at, std::string_view what, std::string expected);

  // Counts one list element against ResponseLimits::max_elements.
  bool count_element();

  // SP; leniently, a run of SPs (reported).
  void sp();
  // After a list element: does another follow? Consumes the separating SP.
  // An SP before ")" is left for close(), which reports it.
  bool more();
  // ")"; leniently after a stray SP (reported).
  void close();
  bool try_nil() { return r.try_keyword("NIL"); }
  // Is the next token NIL?
  bool at_nil() const;

  // string / nstring / astring as a server may send them: RFC 9051 §9
  // forbids {N+} from a server, and literal8 is only for BINARY and
  // METADATA values. Leniently, an atom is accepted where a string is due.
  std::string string(StringForm* form = nullptr, bool allow_literal8 = false);
  NString nstring(StringForm* form = nullptr, bool allow_literal8 = false);
  std::string astring(StringForm* form = nullptr);

  // flag-list (FLAGS response, FETCH FLAGS) or flag-perm list
  // (PERMANENTFLAGS, where "\*" is allowed). Leniently NIL stands for ().
  std::vector<std::string> flag_list(bool allow_star);

  std::size_t body_depth = 0;

 private:
  void check_string_form(std::size_t at, StringForm form, bool allow_literal8);

  const ParseOptions& options_;
  std::vector<Leniency>* leniencies_;
  std::size_t base_;
  std::size_t elements_ = 0;
};

// The reader options a response parse uses.
ReaderOptions response_reader_options(const ParseOptions& options);

}  // namespace conformance::codec::imap
