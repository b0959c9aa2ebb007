#include "harness/codec/imap/framer.hpp"

#include <gtest/gtest.h>

#include <string>

namespace conformance::codec::imap {
namespace {

TEST(ImapFramer, FramesSingleLine) {
  FrameScanner scanner;
  auto step = scanner.scan("* OK IMAP4rev2 server ready\r\nA001");
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.consumed(), 29u);
  EXPECT_TRUE(step.value().literals.empty());
}

TEST(ImapFramer, AsksForMoreUntilCrlf) {
  FrameScanner scanner;
  EXPECT_TRUE(scanner.scan("* OK IMAP4rev2").needs_more());
  EXPECT_TRUE(scanner.scan("* OK IMAP4rev2 ready\r").needs_more());
  EXPECT_TRUE(scanner.scan("* OK IMAP4rev2 ready\r\n").complete());
}

// RFC 9051 §8: the FETCH response carrying a literal of 310 octets.
TEST(ImapFramer, WaitsForExactlyTheLiteralBytes) {
  const std::string head = "* 12 FETCH (BODY[HEADER] {10}\r\n";
  FrameScanner scanner;
  auto step = scanner.scan(head + "0123");
  ASSERT_TRUE(step.needs_more());
  EXPECT_EQ(step.more_needed(), 6u);
  ASSERT_NE(scanner.awaiting_literal(), nullptr);
  EXPECT_TRUE(scanner.awaiting_literal()->synchronizing);
  const std::string whole = head + "0123456789)\r\n";
  step = scanner.scan(whole);
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.consumed(), whole.size());
  ASSERT_EQ(step.value().literals.size(), 1u);
  EXPECT_EQ(step.value().literals[0].length, 10u);
  EXPECT_EQ(step.value().literals[0].data_offset, head.size());
  EXPECT_EQ(step.value().literals[0].marker_offset, head.find('{'));
}

TEST(ImapFramer, LiteralDataMayContainCrlfAndBraces) {
  const std::string frame = "A1 APPEND INBOX {12}\r\nab\r\n{3}\r\ncd\r\n\r\n";
  FrameScanner scanner;
  auto step = scanner.scan(frame);
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.consumed(), frame.size());
}

TEST(ImapFramer, RecognisesNonSynchronizingAndBinaryLiterals) {
  // The literal8 holds a NUL: build the input with its real length.
  const std::string frame = std::string("A1 APPEND INBOX {3+}\r\nabc ~{2}\r\n") + std::string("\0\1", 2) + "\r\n";
  FrameScanner scanner;
  auto step = scanner.scan(frame);
  ASSERT_TRUE(step.complete());
  ASSERT_EQ(step.value().literals.size(), 2u);
  EXPECT_FALSE(step.value().literals[0].synchronizing);
  EXPECT_TRUE(step.value().literals[1].binary);
  EXPECT_TRUE(step.value().literals[1].synchronizing);
}

TEST(ImapFramer, ChunkedDeliveryGivesTheSameFrame) {
  const std::string frame = "* 1 FETCH (BODY[] {5}\r\nhello FLAGS (\\Seen))\r\n";
  FrameScanner whole_scanner;
  auto whole = whole_scanner.scan(frame);
  ASSERT_TRUE(whole.complete());
  FrameScanner scanner;
  for (std::size_t n = 1; n < frame.size(); ++n) ASSERT_TRUE(scanner.scan(frame.substr(0, n)).needs_more()) << n;
  auto last = scanner.scan(frame);
  ASSERT_TRUE(last.complete());
  EXPECT_EQ(last.value(), whole.value());
}

// A server must act on each announcement in order, even when the client
// sent the data along with it (RFC 9051 §7.5, RFC 7888).
TEST(ImapFramer, StopsAtEveryLiteralAnnouncementWhenAsked) {
  const std::string frame = "A1 LOGIN {1}\r\na {2+}\r\nbc\r\n";
  FrameScanner scanner;
  auto step = scanner.scan_stopping_at_literals(frame);
  ASSERT_TRUE(step.needs_more());
  EXPECT_EQ(step.more_needed(), 0u);
  ASSERT_NE(scanner.awaiting_literal(), nullptr);
  EXPECT_EQ(scanner.awaiting_literal()->marker_offset, 9u);
  EXPECT_TRUE(scanner.awaiting_literal()->synchronizing);
  step = scanner.scan_stopping_at_literals(frame);
  ASSERT_TRUE(step.needs_more());
  ASSERT_NE(scanner.awaiting_literal(), nullptr);
  EXPECT_EQ(scanner.awaiting_literal()->marker_offset, 16u);
  EXPECT_FALSE(scanner.awaiting_literal()->synchronizing);
  step = scanner.scan_stopping_at_literals(frame);
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.consumed(), frame.size());
  EXPECT_EQ(step.value().literals.size(), 2u);
}

TEST(ImapFramer, StopAtLiteralReportsTheMissingDataBytes) {
  FrameScanner scanner;
  auto step = scanner.scan_stopping_at_literals("A1 APPEND INBOX {10}\r\n0123");
  ASSERT_TRUE(step.needs_more());
  EXPECT_EQ(step.more_needed(), 6u);
  EXPECT_EQ(scanner.awaiting_literal()->length, 10u);
}

TEST(ImapFramer, RejectsLineOverTheCapWithoutWaitingForItsEnd) {
  FrameLimits limits;
  limits.max_line_length = 100;
  FrameScanner scanner(limits);
  auto step = scanner.scan(std::string(100, 'x'));
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 100u);
}

TEST(ImapFramer, RejectsLiteralOverTheCapAtItsAnnouncement) {
  FrameLimits limits;
  limits.max_literal_size = 1000;
  FrameScanner scanner(limits);
  auto step = scanner.scan("* 1 FETCH (BODY[] {1001}\r\n");
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 18u);
}

TEST(ImapFramer, RejectsTooManyLiterals) {
  FrameLimits limits;
  limits.max_literals = 2;
  FrameScanner scanner(limits);
  auto step = scanner.scan("A1 LOGIN {1}\r\na {1}\r\nb {1}\r\nc\r\n");
  ASSERT_TRUE(step.failed());
}

TEST(ImapFramer, BareLfEndsALineOnlyWhenAllowedAndIsReported) {
  FrameScanner strict;
  EXPECT_TRUE(strict.scan("* OK hi\n").needs_more());
  FrameLimits lenient_limits;
  lenient_limits.ending = LineEnding::crlf_or_bare_lf;
  FrameScanner lenient(lenient_limits);
  auto step = lenient.scan("* OK hi\n");
  ASSERT_TRUE(step.complete());
  EXPECT_TRUE(step.value().bare_lf_seen);
}

TEST(ImapFramer, LiteralMarkerNeedsDigitsAndBrace) {
  EXPECT_FALSE(literal_marker_at_end("A1 SELECT {}").has_value());
  EXPECT_FALSE(literal_marker_at_end("A1 SELECT 12}").has_value());
  EXPECT_FALSE(literal_marker_at_end("A1 SELECT {12").has_value());
  auto marker = literal_marker_at_end("A1 SELECT ~{12+}");
  ASSERT_TRUE(marker.has_value());
  EXPECT_EQ(marker->length, 12u);
  EXPECT_TRUE(marker->binary);
  EXPECT_FALSE(marker->synchronizing);
  EXPECT_EQ(marker->marker_offset, 10u);
}

TEST(ImapFramer, TwentyDigitLiteralLengthIsNotALiteral) {
  EXPECT_FALSE(literal_marker_at_end("* {99999999999999999999}").has_value());
}

}  // namespace
}  // namespace conformance::codec::imap
