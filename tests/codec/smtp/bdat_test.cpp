#include "harness/codec/smtp/bdat.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conformance::codec::smtp {
namespace {

// RFC 3030 §4.1: an 86-octet message in one chunk.
constexpr std::string_view kMessage =
    "To: Susan@random.com\r\n"
    "From: Sam@random.com\r\n"
    "Subject: This is a bodyless test message\r\n";

TEST(SmtpBdat, FramesAChunkWithItsCommandLine) {
  ASSERT_EQ(kMessage.size(), 86u);
  EXPECT_EQ(frame_bdat_chunk(kMessage, true), "BDAT 86 LAST\r\n" + std::string(kMessage));
  EXPECT_EQ(frame_bdat_chunk("abc", false), "BDAT 3\r\nabc");
}

TEST(SmtpBdat, FramesAMessageIntoChunksWithTheLastMarked) {
  EXPECT_EQ(frame_bdat_message("abcdefg", 3),
            (std::vector<std::string>{"BDAT 3\r\nabc", "BDAT 3\r\ndef", "BDAT 1 LAST\r\ng"}));
  EXPECT_EQ(frame_bdat_message("abcdef", 3), (std::vector<std::string>{"BDAT 3\r\nabc", "BDAT 3 LAST\r\ndef"}));
}

TEST(SmtpBdat, FramesAnEmptyMessageAsAZeroLastChunk) {
  EXPECT_EQ(frame_bdat_message("", 100), (std::vector<std::string>{"BDAT 0 LAST\r\n"}));
}

TEST(SmtpBdat, ReceiverTakesExactlyTheChunkSize) {
  BdatReceiver receiver;
  receiver.start_chunk(Bdat{5, false});
  EXPECT_EQ(receiver.feed("abc"), 3u);
  EXPECT_EQ(receiver.remaining(), 2u);
  EXPECT_FALSE(receiver.chunk_complete());
  EXPECT_EQ(receiver.feed("de\r\nQUIT\r\n"), 2u);  // the rest is the next command
  EXPECT_TRUE(receiver.chunk_complete());
  EXPECT_FALSE(receiver.message_complete());
  EXPECT_EQ(receiver.message(), "abcde");
}

TEST(SmtpBdat, ReceiverDoesNotUnstuffOrLookForAnEnd) {
  // RFC 3030 §2: BDAT data is binary; "\r\n.\r\n" is just data.
  BdatReceiver receiver;
  receiver.start_chunk(Bdat{7, true});
  EXPECT_EQ(receiver.feed("a\r\n.\r\nb"), 7u);
  EXPECT_TRUE(receiver.message_complete());
  EXPECT_EQ(receiver.take_message(), "a\r\n.\r\nb");
}

TEST(SmtpBdat, ReceiverReassemblesAFramedMessage) {
  const std::string message = "Subject: chunks\r\n\r\n" + std::string(1000, 'z') + "\r\n";
  std::string stream;
  for (const std::string& chunk : frame_bdat_message(message, 256)) stream += chunk;
  stream += "QUIT\r\n";

  BdatReceiver receiver;
  std::size_t at = 0;
  while (!receiver.message_complete()) {
    auto command = parse_command(std::string_view(stream).substr(at));
    ASSERT_TRUE(command.complete());
    ASSERT_TRUE(std::holds_alternative<Bdat>(command.value().command));
    at += command.consumed();
    receiver.start_chunk(std::get<Bdat>(command.value().command));
    at += receiver.feed(std::string_view(stream).substr(at));
  }
  EXPECT_EQ(receiver.message(), message);
  EXPECT_EQ(receiver.chunks(), 4u);  // 256 + 256 + 256 + 253
  EXPECT_EQ(stream.substr(at), "QUIT\r\n");
}

TEST(SmtpBdat, ReceiverReportsAnOversizedMessageButStaysInStep) {
  BdatReceiver receiver(4);
  receiver.start_chunk(Bdat{6, true});
  EXPECT_TRUE(receiver.size_exceeded());
  EXPECT_EQ(receiver.feed("abcdefQUIT"), 6u);
  EXPECT_TRUE(receiver.message_complete());
  EXPECT_EQ(receiver.message(), "abcd");
}

TEST(SmtpBdat, ResetForgetsTheMessage) {
  BdatReceiver receiver;
  receiver.start_chunk(Bdat{2, false});
  receiver.feed("ab");
  receiver.reset();
  EXPECT_EQ(receiver.message(), "");
  EXPECT_EQ(receiver.chunks(), 0u);
  EXPECT_EQ(receiver.feed("x"), 0u);
}

}  // namespace
}  // namespace conformance::codec::smtp
