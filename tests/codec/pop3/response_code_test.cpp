#include "harness/codec/pop3/response_code.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conformance::codec::pop3 {
namespace {

TEST(Pop3ResponseCode, ParsesSingleLevelCode) {
  std::size_t consumed = 0;
  auto code = parse_response_code("[IN-USE] Do you have another POP session running?", &consumed);
  ASSERT_TRUE(code.ok()) << code.error().message();
  EXPECT_EQ(code->levels, (std::vector<std::string>{"IN-USE"}));
  EXPECT_EQ(consumed, 8u);
}

TEST(Pop3ResponseCode, ParsesHierarchicalCode) {
  auto code = parse_response_code("[SYS/TEMP]");
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(code->levels, (std::vector<std::string>{"SYS", "TEMP"}));
}

TEST(Pop3ResponseCode, AcceptsOpenBracketInsideLevel) {
  // rchar excludes only "/" and "]" from printable ASCII (RFC 2449 §3).
  auto code = parse_response_code("[A[B]");
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(code->levels, (std::vector<std::string>{"A[B"}));
}

TEST(Pop3ResponseCode, RejectsEmptyCode) {
  auto code = parse_response_code("[]");
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.error().offset, 1u);
}

TEST(Pop3ResponseCode, RejectsEmptyLevel) {
  auto code = parse_response_code("[SYS//TEMP]");
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.error().offset, 5u);
  auto trailing = parse_response_code("[SYS/]");
  ASSERT_FALSE(trailing.ok());
  EXPECT_EQ(trailing.error().offset, 5u);
}

TEST(Pop3ResponseCode, RejectsSpaceInsideCode) {
  auto code = parse_response_code("[IN USE]");
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.error().offset, 3u);
  EXPECT_EQ(code.error().expected, "'/' or ']' in response code");
}

TEST(Pop3ResponseCode, RejectsMissingCloseBracket) {
  auto code = parse_response_code("[IN-USE");
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.error().offset, 7u);
}

TEST(Pop3ResponseCode, RejectsTextNotStartingWithBracket) {
  auto code = parse_response_code("IN-USE]");
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.error().offset, 0u);
}

TEST(Pop3ResponseCode, SerializesWithBrackets) {
  EXPECT_EQ(serialize(response_code("SYS/PERM")), "[SYS/PERM]");
  EXPECT_EQ(to_string(response_code("SYS/PERM")), "SYS/PERM");
}

TEST(Pop3ResponseCode, RoundTrips) {
  for (const char* text : {"[IN-USE]", "[LOGIN-DELAY]", "[SYS/TEMP]", "[SYS/PERM]", "[AUTH]", "[UTF8]", "[A/B/C/D]"}) {
    auto code = parse_response_code(text);
    ASSERT_TRUE(code.ok()) << text;
    EXPECT_EQ(serialize(*code), text);
  }
}

TEST(Pop3ResponseCode, MatchesCaseInsensitively) {
  EXPECT_TRUE(is_code(response_code("sys/temp"), codes::sys_temp));
  EXPECT_TRUE(is_code(response_code("In-Use"), codes::in_use));
}

TEST(Pop3ResponseCode, IgnoresUnknownHierarchicalDetail) {
  // "Clients MUST ignore unknown hierarchical detail" (RFC 2449 §8).
  EXPECT_TRUE(is_code(response_code("SYS/TEMP/DISK-FULL"), codes::sys_temp));
  EXPECT_FALSE(is_code(response_code("SYS"), codes::sys_temp));
  EXPECT_FALSE(is_code(response_code("SYS/PERM"), codes::sys_temp));
}

}  // namespace
}  // namespace conformance::codec::pop3
