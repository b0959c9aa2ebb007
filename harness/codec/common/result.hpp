// Results of parsing: a typed value or a precise error (byte offset and what
// the grammar expected there), and, for parsers fed a stream piece by piece,
// a third outcome: "not enough bytes yet".
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

#include "harness/common/expected.hpp"

namespace conformance::codec {

struct ParseError {
  std::size_t offset = 0;  // byte offset into the input given to the parser
  std::string expected;    // what the grammar wanted at that offset, e.g. "SP" or "reply code"

  std::string message() const { return "at byte " + std::to_string(offset) + ": expected " + expected; }
  friend bool operator==(const ParseError&, const ParseError&) = default;
};

// A parsed value or the error that stopped parsing.
template <class T>
using Result = Expected<T, ParseError>;

// Outcome of decoding one unit (a reply, a response, a message) from the
// front of a buffer that may hold only part of it.
template <class T>
class [[nodiscard]] Step {
 public:
  // More input is needed; `at_least` is how many more bytes are known to be
  // required (1 when only "some" is known, N when waiting for a literal).
  static Step need_more(std::size_t at_least = 1) { return Step(NeedMore{at_least}); }
  // A complete unit that took the first `consumed` bytes of the buffer.
  static Step done(T value, std::size_t consumed) { return Step(Done{std::move(value), consumed}); }
  static Step fail(ParseError error) { return Step(std::move(error)); }

  bool complete() const { return state_.index() == 1; }
  bool needs_more() const { return state_.index() == 0; }
  bool failed() const { return state_.index() == 2; }

  std::size_t more_needed() const { return std::get<0>(state_).at_least; }
  T& value() { return std::get<1>(state_).value; }
  const T& value() const { return std::get<1>(state_).value; }
  std::size_t consumed() const { return std::get<1>(state_).consumed; }
  const ParseError& error() const { return std::get<2>(state_); }

 private:
  struct NeedMore {
    std::size_t at_least;
  };
  struct Done {
    T value;
    std::size_t consumed;
  };
  template <class V>
  explicit Step(V v) : state_(std::move(v)) {}
  std::variant<NeedMore, Done, ParseError> state_;
};

}  // namespace conformance::codec
