// Helpers for the IMAP command tests: parse a line and take the command
// body of the expected type, and check the round trip through the serializer.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <variant>

#include "harness/codec/imap/command/parse_command.hpp"
#include "harness/codec/imap/command/serialize_command.hpp"

namespace conformance::codec::imap::command::testing {

inline Command parse_ok(std::string_view frame, const ParseOptions& options = {}) {
  auto result = parse_command(frame, options);
  EXPECT_TRUE(result.ok()) << "parsing " << frame << ": "
                           << (result.ok() ? std::string() : result.error().error.message());
  return result.ok() ? result.value() : Command{};
}

// The body of `frame`'s command, which must be a T.
template <class T>
T body_of(std::string_view frame, const ParseOptions& options = {}) {
  const Command command = parse_ok(frame, options);
  const T* body = std::get_if<T>(&command.body);
  EXPECT_NE(body, nullptr) << "wrong command type for " << frame;
  return body ? *body : T{};
}

inline CommandError parse_error(std::string_view frame, const ParseOptions& options = {}) {
  auto result = parse_command(frame, options);
  EXPECT_FALSE(result.ok()) << "expected an error for " << frame;
  return result.ok() ? CommandError{} : result.error();
}

// parse(serialize(x)) == x
inline void expect_round_trip(const Command& command, const WriterOptions& options = {}) {
  const auto serialized = serialize_command(command, options);
  auto again = parse_command(serialized.bytes);
  ASSERT_TRUE(again.ok()) << serialized.bytes << ": " << again.error().error.message();
  EXPECT_EQ(again.value(), command) << serialized.bytes;
}

}  // namespace conformance::codec::imap::command::testing
