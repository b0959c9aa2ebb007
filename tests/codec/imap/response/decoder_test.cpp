// ResponseDecoder: incremental decoding, literals, caps, errors with stream
// offsets, resynchronization, and the same results whatever the chunking.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace conformance::codec::imap {
namespace {

using test::decode_stream;
using test::StreamEvent;

DecoderOptions with_frame(FrameLimits frame) {
  DecoderOptions options;
  options.frame = frame;
  return options;
}

TEST(ImapResponseDecoder, TakesOnlyTheFirstOfPipelinedResponses) {
  ResponseDecoder decoder;
  const std::string_view input = "* 3 EXISTS\r\nA1 OK done\r\n* 4 EX";
  DecodeEvent first = decoder.decode(input);
  ASSERT_TRUE(first.complete());
  EXPECT_EQ(first.consumed(), 12u);
  EXPECT_EQ(first.response().offset, 0u);
  EXPECT_EQ(first.response().length, 12u);
  EXPECT_EQ(std::get<ExistsData>(first.response().response).count, 3u);
  EXPECT_EQ(decoder.buffered(), 0u);

  DecodeEvent second = decoder.decode(input.substr(12));
  ASSERT_TRUE(second.complete());
  EXPECT_EQ(second.consumed(), 12u);
  EXPECT_EQ(second.response().offset, 12u);

  DecodeEvent third = decoder.decode(input.substr(24));
  EXPECT_TRUE(third.needs_more());
  EXPECT_EQ(third.consumed(), 6u);
  EXPECT_EQ(decoder.buffered(), 6u);
  DecodeEvent fourth = decoder.decode("ISTS\r\n");
  ASSERT_TRUE(fourth.complete());
  EXPECT_EQ(fourth.consumed(), 6u);
  EXPECT_EQ(fourth.response().offset, 24u);
  EXPECT_EQ(std::get<ExistsData>(fourth.response().response).count, 4u);
  EXPECT_EQ(decoder.stream_offset(), 36u);
}

TEST(ImapResponseDecoder, SaysHowManyLiteralOctetsItNeeds) {
  ResponseDecoder decoder;
  const std::string head = "* 12 FETCH (BODY[] {10}\r\n";
  DecodeEvent event = decoder.decode(head + "0123");
  ASSERT_TRUE(event.needs_more());
  EXPECT_EQ(event.more_needed(), 6u);
  ASSERT_NE(decoder.awaiting_literal(), nullptr);
  EXPECT_EQ(decoder.awaiting_literal()->length, 10u);
  EXPECT_EQ(decoder.awaiting_literal()->data_offset, head.size());

  event = decoder.decode("456789");
  ASSERT_TRUE(event.needs_more());
  event = decoder.decode(")\r\n");
  ASSERT_TRUE(event.complete());
  EXPECT_EQ(event.consumed(), 3u);
  EXPECT_EQ(std::get<FetchData>(event.response().response).get<FetchBodySection>()->data, "0123456789");
}

TEST(ImapResponseDecoder, ReportsTruncatedLiteralAtEndOfStream) {
  ResponseDecoder decoder;
  const std::string partial = "* 1 FETCH (BODY[] {10}\r\nabc";
  EXPECT_TRUE(decoder.decode(partial).needs_more());
  const auto error = decoder.finish();
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->offset, partial.size());
  EXPECT_EQ(error->expected, "7 more octets of literal data");

  ResponseDecoder line_cut;
  EXPECT_TRUE(line_cut.decode("* OK half a li").needs_more());
  EXPECT_EQ(line_cut.finish()->expected, "CRLF ending the response");
  EXPECT_FALSE(ResponseDecoder().finish().has_value());
}

TEST(ImapResponseDecoder, ReportsParseErrorAtStreamOffsetAndGoesOn) {
  const std::string stream = "* 3 EXISTS\r\n* 1 FETCH (XYZ 1)\r\nA1 OK done\r\n";
  const auto events = decode_stream(stream);
  ASSERT_EQ(events.size(), 3u);
  ASSERT_TRUE(events[1].error.has_value());
  EXPECT_EQ(events[1].error->offset, 12u + 11u);
  ASSERT_TRUE(events[2].response.has_value());
  EXPECT_EQ(events[2].response->offset, 31u);
  EXPECT_EQ(std::get<StatusResponse>(events[2].response->response).tag, "A1");
}

TEST(ImapResponseDecoder, RejectsLineOverTheCapAndResynchronizes) {
  FrameLimits limits;
  limits.max_line_length = 32;
  const std::string long_line = "* OK " + std::string(100, 'x') + "\r\n";
  const std::string stream = "* 1 EXISTS\r\n" + long_line + "A1 OK done\r\n";
  const auto events = decode_stream(stream, 0, with_frame(limits));
  ASSERT_EQ(events.size(), 3u);
  ASSERT_TRUE(events[1].error.has_value());
  EXPECT_EQ(events[1].error->offset, 12u + 32u);
  EXPECT_EQ(events[1].error->expected, "CRLF within 32 octets");
  ASSERT_TRUE(events[2].response.has_value());
  EXPECT_EQ(events[2].response->offset, 12u + long_line.size());
  for (std::size_t piece : {1u, 3u, 16u, 33u}) EXPECT_EQ(decode_stream(stream, piece, with_frame(limits)), events);
}

TEST(ImapResponseDecoder, RejectsLiteralOverTheCapAndSkipsItsData) {
  FrameLimits limits;
  limits.max_literal_size = 8;
  const std::string big = "* 1 FETCH (BODY[] {20}\r\n" + std::string(20, '\n') + " UID 4)\r\n";
  const std::string stream = big + "A1 OK done\r\n";
  DecoderOptions options = with_frame(limits);
  const auto events = decode_stream(stream, 0, options);
  ASSERT_EQ(events.size(), 2u);
  ASSERT_TRUE(events[0].error.has_value());
  EXPECT_EQ(events[0].error->offset, 18u);
  EXPECT_EQ(events[0].error->expected, "literal of at most 8 octets");
  ASSERT_TRUE(events[1].response.has_value());
  EXPECT_EQ(events[1].response->offset, big.size());
  EXPECT_EQ(decode_stream(stream, 1, options), events);
  EXPECT_EQ(decode_stream(stream, 5, options), events);
}

TEST(ImapResponseDecoder, RejectsFrameOverTheCap) {
  FrameLimits limits;
  limits.max_frame_size = 40;
  const std::string stream = "* 1 FETCH (BODY[] {30}\r\n" + std::string(30, 'a') + ")\r\nA1 OK done\r\n";
  const auto events = decode_stream(stream, 0, with_frame(limits));
  ASSERT_EQ(events.size(), 2u);
  ASSERT_TRUE(events[0].error.has_value());
  EXPECT_EQ(events[0].error->expected, "frame of at most 40 octets");
  ASSERT_TRUE(events[1].response.has_value());
  EXPECT_EQ(std::get<StatusResponse>(events[1].response->response).tag, "A1");
  EXPECT_EQ(decode_stream(stream, 2, with_frame(limits)), events);
}

TEST(ImapResponseDecoder, RejectsTooManyLiterals) {
  FrameLimits limits;
  limits.max_literals = 2;
  const std::string stream = "* 1 FETCH (BODY[1] {1}\r\na BODY[2] {1}\r\nb BODY[3] {1}\r\nc)\r\nA1 OK done\r\n";
  const auto events = decode_stream(stream, 0, with_frame(limits));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].error->expected, "at most 2 literals in one frame");
  EXPECT_TRUE(events[1].response.has_value());
}

TEST(ImapResponseDecoder, TreatsBareLfAsLineContentByDefault) {
  const auto events = decode_stream("* OK one\n* OK two\r\n");
  ASSERT_EQ(events.size(), 1u);
  ASSERT_TRUE(events[0].error.has_value());
  EXPECT_EQ(events[0].error->offset, 8u);
}

TEST(ImapResponseDecoder, ReportsBareLfLineEndsWhenAllowed) {
  DecoderOptions options;
  options.frame.ending = LineEnding::crlf_or_bare_lf;
  const std::string stream = "* 3 EXISTS\r\n* OK one\nA1 OK two\r\n";
  const auto strict = decode_stream(stream, 0, options);
  ASSERT_EQ(strict.size(), 3u);
  ASSERT_TRUE(strict[1].error.has_value());
  EXPECT_EQ(strict[1].error->offset, 20u);
  EXPECT_EQ(strict[1].error->expected, "CRLF (not LF alone)");

  options.parse.lenient = true;
  const auto lenient = decode_stream(stream, 0, options);
  ASSERT_EQ(lenient.size(), 3u);
  ASSERT_TRUE(lenient[1].response.has_value());
  EXPECT_EQ(std::get<StatusResponse>(lenient[1].response->response).text.text, "one");
  EXPECT_EQ(lenient[1].response->leniencies, (std::vector<Leniency>{{20, "line ended by LF without CR"}}));
  EXPECT_TRUE(lenient[2].response->leniencies.empty());
}

TEST(ImapResponseDecoder, GivesTheSameEventsWhateverTheChunking) {
  FrameLimits limits;
  limits.max_line_length = 64;
  limits.max_literal_size = 16;
  const std::string stream =
      "* OK [CAPABILITY IMAP4rev2] hi\r\n"
      "* 2 FETCH (UID 5 BODY[] {5}\r\nhello FLAGS (\\Seen))\r\n"
      "* 3 FETCH (BODY[] {40}\r\n" + std::string(40, 'z') + ")\r\n"
      "* BOGUS (unbalanced\r\n"
      "* 4 FETCH (UID 0)\r\n"
      "* OK " + std::string(80, 'y') + "\r\n"
      "+ more\r\n"
      "A9 OK done\r\n"
      "* 5 EXISTS";
  const auto whole = decode_stream(stream, 0, with_frame(limits));
  ASSERT_EQ(whole.size(), 8u);
  EXPECT_TRUE(whole[0].response && whole[1].response && whole[3].response && whole[6].response &&
              whole[7].response);
  EXPECT_TRUE(whole[2].error && whole[4].error && whole[5].error);
  for (std::size_t piece = 1; piece <= 70; ++piece)
    EXPECT_EQ(decode_stream(stream, piece, with_frame(limits)), whole) << "pieces of " << piece;
}

TEST(ImapResponseDecoder, ResetStartsANewStream) {
  ResponseDecoder decoder;
  EXPECT_TRUE(decoder.decode("* 1 EXI").needs_more());
  decoder.reset();
  EXPECT_EQ(decoder.buffered(), 0u);
  DecodeEvent event = decoder.decode("* 2 EXISTS\r\n");
  ASSERT_TRUE(event.complete());
  EXPECT_EQ(event.response().offset, 0u);
}

}  // namespace
}  // namespace conformance::codec::imap
