#include "harness/codec/pop3/dot_stuffing.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conformance::codec::pop3 {
namespace {

using Lines = std::vector<std::string>;

TEST(Pop3DotStuffing, StuffsOnlyLinesStartingWithDot) {
  std::string out;
  append_stuffed_line(out, ".");
  append_stuffed_line(out, "a.b");
  append_stuffed_line(out, "");
  EXPECT_EQ(out, "..\r\na.b\r\n\r\n");
}

TEST(Pop3DotStuffing, AppendsTerminator) {
  std::string out;
  append_stuffed_body(out, {"x"});
  EXPECT_EQ(out, "x\r\n.\r\n");
}

TEST(Pop3DotStuffing, SplitsMessageIntoLines) {
  EXPECT_EQ(message_lines("Subject: hi\r\n\r\nbody\r\n"), (Lines{"Subject: hi", "", "body"}));
  EXPECT_EQ(message_lines("no final crlf"), (Lines{"no final crlf"}));
  EXPECT_EQ(message_lines(""), Lines{});
}

TEST(Pop3DotStuffing, JoinsLinesIntoMessage) {
  EXPECT_EQ(join_lines({"Subject: hi", "", "body"}), "Subject: hi\r\n\r\nbody\r\n");
  const std::string message = "a\r\n.b\r\n\r\n";
  EXPECT_EQ(join_lines(message_lines(message)), message);
}

}  // namespace
}  // namespace conformance::codec::pop3
