#include "harness/codec/common/line.hpp"

#include <gtest/gtest.h>

#include <string>

namespace conformance::codec {
namespace {

TEST(ScanLine, FindsCrlfTerminatedLine) {
  auto scan = scan_line("250 OK\r\nnext", 1000);
  ASSERT_TRUE(scan.complete());
  EXPECT_EQ(scan.content_length, 6u);
  EXPECT_EQ(scan.terminator_length, 2u);
  EXPECT_FALSE(scan.ended_by_bare_lf);
}

TEST(ScanLine, ReportsIncompleteLineWithoutTerminator) {
  EXPECT_EQ(scan_line("250 OK", 1000).status, LineScan::Status::incomplete);
  EXPECT_EQ(scan_line("250 OK\r", 1000).status, LineScan::Status::incomplete);
}

TEST(ScanLine, BareLfIsLineContentInStrictMode) {
  auto scan = scan_line("a\nb\r\n", 1000);
  ASSERT_TRUE(scan.complete());
  EXPECT_EQ(scan.content_length, 3u);
}

TEST(ScanLine, BareLfEndsLineInLenientModeAndIsReported) {
  auto scan = scan_line("a\nb\r\n", 1000, LineEnding::crlf_or_bare_lf);
  ASSERT_TRUE(scan.complete());
  EXPECT_EQ(scan.content_length, 1u);
  EXPECT_EQ(scan.terminator_length, 1u);
  EXPECT_TRUE(scan.ended_by_bare_lf);
}

TEST(ScanLine, CapCountsTheTerminator) {
  // RFC 5321 §4.5.3.1.4: 512 octets including CRLF for a command line.
  std::string exactly(510, 'x');
  exactly += "\r\n";
  EXPECT_TRUE(scan_line(exactly, 512).complete());
  std::string one_over(511, 'x');
  one_over += "\r\n";
  EXPECT_EQ(scan_line(one_over, 512).status, LineScan::Status::too_long);
}

TEST(ScanLine, EndlessLineIsTooLongOnceCapIsReached) {
  std::string flood(4096, 'x');
  EXPECT_EQ(scan_line(flood, 1000).status, LineScan::Status::too_long);
  EXPECT_EQ(scan_line(std::string(999, 'x'), 1000).status, LineScan::Status::incomplete);
}

TEST(ScanLine, ResumingFindsCrlfSplitAcrossTheResumePoint) {
  // The first call saw "abc\r" with no end; the LF arrives next.
  auto scan = scan_line("abc\r\n", 1000, LineEnding::crlf_only, 4);
  ASSERT_TRUE(scan.complete());
  EXPECT_EQ(scan.content_length, 3u);
  EXPECT_EQ(scan.terminator_length, 2u);
}

TEST(ScanLine, ResumingStillEnforcesTheCap) {
  EXPECT_EQ(scan_line(std::string(100, 'x'), 100, LineEnding::crlf_only, 99).status, LineScan::Status::too_long);
}

}  // namespace
}  // namespace conformance::codec
