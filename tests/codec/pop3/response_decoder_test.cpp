#include "harness/codec/pop3/response_decoder.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/codec/pop3/test_support.hpp"

namespace conformance::codec::pop3 {
namespace {

using testing::decode_in_pieces;
using testing::decode_whole;
using Lines = std::vector<std::string>;

TEST(Pop3ResponseDecoder, DecodesSingleLineResponse) {
  auto decoded = decode_whole("+OK 2 320\r\n", ResponseShape::single_line);
  EXPECT_EQ(decoded.response, ok("2 320"));
  EXPECT_TRUE(decoded.anomalies.empty());
}

TEST(Pop3ResponseDecoder, NeedsMoreUntilLineEnds) {
  EXPECT_TRUE(decode_response("", ResponseShape::single_line).needs_more());
  EXPECT_TRUE(decode_response("+OK 2 320", ResponseShape::single_line).needs_more());
  EXPECT_TRUE(decode_response("+OK 2 320\r", ResponseShape::single_line).needs_more());
}

TEST(Pop3ResponseDecoder, LeavesPipelinedResponsesUnconsumed) {
  auto step = decode_response("+OK\r\n+OK 2 320\r\n", ResponseShape::single_line);
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.consumed(), 5u);
}

TEST(Pop3ResponseDecoder, DecodesMultiLineListing) {
  auto decoded =
      decode_whole("+OK 2 messages (320 octets)\r\n1 120\r\n2 200\r\n.\r\n", ResponseShape::multi_line_listing);
  EXPECT_EQ(decoded.response, ok_multi_line("2 messages (320 octets)", {"1 120", "2 200"}));
}

TEST(Pop3ResponseDecoder, DecodesEmptyMultiLineBody) {
  // "If there are no messages in the maildrop, then the POP3 server responds
  // with no scan listings" (RFC 1939 §5, LIST).
  auto decoded = decode_whole("+OK\r\n.\r\n", ResponseShape::multi_line_listing);
  ASSERT_TRUE(decoded.response.body.has_value());
  EXPECT_TRUE(decoded.response.body->empty());
}

TEST(Pop3ResponseDecoder, NegativeResponseToMultiLineCommandIsOneLine) {
  auto step = decode_response("-ERR no such message\r\n1 120\r\n.\r\n", ResponseShape::multi_line_message);
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.consumed(), 22u);
  EXPECT_EQ(step.value().response, err("no such message"));
}

TEST(Pop3ResponseDecoder, RemovesByteStuffing) {
  auto decoded = decode_whole("+OK\r\n..hidden\r\n..\r\n...\r\n.\r\n", ResponseShape::multi_line_message);
  EXPECT_EQ(decoded.response.body, (Lines{".hidden", ".", ".."}));
  EXPECT_TRUE(decoded.anomalies.empty());
}

TEST(Pop3ResponseDecoder, ReportsLineStartingWithUnstuffedDot) {
  auto decoded = decode_whole("+OK\r\nfirst\r\n.signature\r\n.\r\n", ResponseShape::multi_line_message);
  // The termination octet is stripped as RFC 1939 §3 says, and reported.
  EXPECT_EQ(decoded.response.body, (Lines{"first", "signature"}));
  EXPECT_EQ(decoded.anomalies, (std::vector<Anomaly>{{12, AnomalyKind::unstuffed_dot_line}}));
}

TEST(Pop3ResponseDecoder, DotFollowedByOtherBytesDoesNotTerminate) {
  auto decoded = decode_whole("+OK\r\n. \r\n.\r\n", ResponseShape::multi_line_message);
  EXPECT_EQ(decoded.response.body, (Lines{" "}));
}

TEST(Pop3ResponseDecoder, TruncatedMultiLineResponseNeedsMore) {
  ResponseDecoder decoder(ResponseShape::multi_line_message);
  EXPECT_TRUE(decoder.decode("+OK 120 octets\r\nSubject: hi\r\n").needs_more());
  EXPECT_TRUE(decoder.decode("+OK 120 octets\r\nSubject: hi\r\n\r\nbody\r\n.").needs_more());
  EXPECT_TRUE(decoder.decode("+OK 120 octets\r\nSubject: hi\r\n\r\nbody\r\n.\r").needs_more());
  auto step = decoder.decode("+OK 120 octets\r\nSubject: hi\r\n\r\nbody\r\n.\r\n");
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.value().response.body, (Lines{"Subject: hi", "", "body"}));
}

TEST(Pop3ResponseDecoder, DecodesTheSameInPiecesAsWhole) {
  const std::string wire = "+OK\r\nFrom: a@example.org\r\n\r\n..dot\r\n.odd\r\nbare\nlf\r\n.\r\n";
  auto whole = decode_response(wire, ResponseShape::multi_line_message);
  ASSERT_TRUE(whole.complete());
  for (std::size_t piece : {1u, 2u, 3u, 5u, 7u, 64u}) {
    auto step = decode_in_pieces(wire, ResponseShape::multi_line_message, piece);
    ASSERT_TRUE(step.complete()) << piece;
    EXPECT_EQ(step.value(), whole.value()) << piece;
    EXPECT_EQ(step.consumed(), wire.size());
  }
}

TEST(Pop3ResponseDecoder, AcceptsStatusLineOf512OctetsIncludingCrlf) {
  const std::string line = "+OK " + std::string(506, 'x') + "\r\n";
  ASSERT_EQ(line.size(), 512u);
  EXPECT_TRUE(decode_response(line, ResponseShape::single_line).complete());
}

TEST(Pop3ResponseDecoder, RejectsStatusLineOver512Octets) {
  const std::string line = "+OK " + std::string(507, 'x') + "\r\n";
  auto step = decode_response(line, ResponseShape::single_line);
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 510u);
  EXPECT_EQ(step.error().expected, "CRLF ending a status line of at most 512 octets");
}

TEST(Pop3ResponseDecoder, RejectsEndlessStatusLineWithoutWaitingForItsEnd) {
  auto step = decode_response(std::string(600, 'x'), ResponseShape::single_line);
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 510u);
}

TEST(Pop3ResponseDecoder, CapsListingLinesAt512Octets) {
  const std::string wire = "+OK\r\n" + std::string(600, '1') + "\r\n.\r\n";
  auto step = decode_response(wire, ResponseShape::multi_line_listing);
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 5u + 510u);
  EXPECT_EQ(step.error().expected, "CRLF ending a listing line of at most 512 octets");
}

TEST(Pop3ResponseDecoder, AllowsLongerMessageLinesUpToTheirOwnCap) {
  const std::string long_line(2000, 'm');
  auto decoded = decode_whole("+OK\r\n" + long_line + "\r\n.\r\n", ResponseShape::multi_line_message);
  EXPECT_EQ(decoded.response.body, (Lines{long_line}));

  ResponseLimits limits;
  limits.max_message_line_length = 1000;
  auto step = decode_response("+OK\r\n" + long_line + "\r\n.\r\n", ResponseShape::multi_line_message, limits);
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 5u + 998u);
}

TEST(Pop3ResponseDecoder, RejectsBodyOverTotalSizeCap) {
  ResponseLimits limits;
  limits.max_body_size = 16;
  auto step = decode_response("+OK\r\n0123456789\r\nabcdef\r\n.\r\n", ResponseShape::multi_line_message, limits);
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 21u);
  EXPECT_EQ(step.error().expected, "end of a multi-line body of at most 16 octets");
}

TEST(Pop3ResponseDecoder, RejectsBodyOverSizeCapBeforeLineEnds) {
  ResponseLimits limits;
  limits.max_body_size = 16;
  auto step = decode_response("+OK\r\n" + std::string(40, 'x'), ResponseShape::multi_line_message, limits);
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 21u);
}

TEST(Pop3ResponseDecoder, RejectsBodyWithTooManyLines) {
  ResponseLimits limits;
  limits.max_body_lines = 2;
  auto step = decode_response("+OK\r\na\r\nb\r\nc\r\n.\r\n", ResponseShape::multi_line_message, limits);
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 11u);
}

TEST(Pop3ResponseDecoder, RejectsMalformedResponseCodeWithAbsoluteOffset) {
  auto step = decode_response("-ERR [SYS/] oops\r\n", ResponseShape::single_line);
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 10u);
}

TEST(Pop3ResponseDecoder, AcceptsMalformedCodeAsTextWhenConfigured) {
  ResponseLimits limits;
  limits.malformed_code_is_text = true;
  auto decoded = decode_whole("-ERR [SYS/] oops\r\n", ResponseShape::single_line, limits);
  EXPECT_EQ(decoded.response, err("[SYS/] oops"));
  EXPECT_EQ(decoded.anomalies, (std::vector<Anomaly>{{10, AnomalyKind::malformed_response_code}}));
}

TEST(Pop3ResponseDecoder, StrictModeKeepsBareLfInsideLineAndReportsIt) {
  auto decoded = decode_whole("+OK\r\na\nb\r\n.\r\n", ResponseShape::multi_line_message);
  EXPECT_EQ(decoded.response.body, (Lines{"a\nb"}));
  EXPECT_EQ(decoded.anomalies, (std::vector<Anomaly>{{6, AnomalyKind::bare_lf_in_line}}));
}

TEST(Pop3ResponseDecoder, StrictModeDoesNotEndResponseAtBareLf) {
  EXPECT_TRUE(decode_response("+OK\n", ResponseShape::single_line).needs_more());
}

TEST(Pop3ResponseDecoder, LenientModeAcceptsBareLfLineEndsAndReportsEach) {
  ResponseLimits limits;
  limits.ending = LineEnding::crlf_or_bare_lf;
  auto decoded = decode_whole("+OK\n1 120\n.\n", ResponseShape::multi_line_listing, limits);
  EXPECT_EQ(decoded.response, ok_multi_line("", {"1 120"}));
  EXPECT_EQ(decoded.anomalies, (std::vector<Anomaly>{{3, AnomalyKind::bare_lf_line_end},
                                                     {9, AnomalyKind::bare_lf_line_end},
                                                     {11, AnomalyKind::bare_lf_line_end}}));
}

TEST(Pop3ResponseDecoder, ReportsBareCrAndNulInsideLines) {
  auto decoded = decode_whole(std::string("+OK a\rb\r\nx\0y\r\n.\r\n", 17), ResponseShape::multi_line_message);
  EXPECT_EQ(decoded.anomalies,
            (std::vector<Anomaly>{{5, AnomalyKind::bare_cr_in_line}, {10, AnomalyKind::nul_in_line}}));
}

TEST(Pop3ResponseDecoder, KeepsOnlyTheFirstAnomaliesUpToTheCap) {
  ResponseLimits limits;
  limits.max_anomalies = 2;
  auto decoded = decode_whole("+OK\r\n.a\r\n.b\r\n.c\r\n.\r\n", ResponseShape::multi_line_message, limits);
  EXPECT_EQ(decoded.anomalies,
            (std::vector<Anomaly>{{5, AnomalyKind::unstuffed_dot_line}, {9, AnomalyKind::unstuffed_dot_line}}));
  EXPECT_TRUE(decoded.anomalies_truncated);
}

TEST(Pop3ResponseDecoder, LeniencyOptionsPassThroughAndAreReported) {
  EXPECT_TRUE(decode_response("+ok\r\n", ResponseShape::single_line).failed());
  EXPECT_TRUE(decode_response("+\r\n", ResponseShape::sasl).failed());
  ResponseLimits limits;
  limits.accept_lowercase_status = true;
  limits.accept_continuation_without_space = true;
  auto lowercase = decode_whole("+ok\r\n", ResponseShape::single_line, limits);
  EXPECT_EQ(lowercase.response, ok());
  EXPECT_EQ(lowercase.anomalies, (std::vector<Anomaly>{{0, AnomalyKind::status_not_uppercase}}));
  auto bare_plus = decode_whole("+\r\n", ResponseShape::sasl, limits);
  EXPECT_EQ(bare_plus.response, continuation(""));
  EXPECT_EQ(bare_plus.anomalies, (std::vector<Anomaly>{{1, AnomalyKind::continuation_without_space}}));
}

TEST(Pop3ResponseDecoder, SaslShapeAcceptsContinuationAndOutcome) {
  auto challenge = decode_whole("+ \r\n", ResponseShape::sasl);
  EXPECT_EQ(challenge.response, continuation(""));
  auto outcome = decode_whole("+OK Maildrop locked and ready\r\n", ResponseShape::sasl);
  EXPECT_EQ(outcome.response, ok("Maildrop locked and ready"));
}

TEST(Pop3ResponseDecoder, SaslChallengeMayExceedStatusLineCap) {
  // Challenges "may be of arbitrary length" (RFC 5034 §4).
  const std::string challenge(4000, 'A');
  auto decoded = decode_whole("+ " + challenge + "\r\n", ResponseShape::sasl);
  EXPECT_EQ(decoded.response.text, challenge);
}

TEST(Pop3ResponseDecoder, SaslOutcomeIsStillCappedAt512) {
  auto step = decode_response("-ERR " + std::string(600, 'x') + "\r\n", ResponseShape::sasl);
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 510u);
}

TEST(Pop3ResponseDecoder, IsReadyForTheNextResponseAfterOne) {
  const std::string wire = "+OK\r\n1 whqtswO00WBw418f9t5JxYwZ\r\n.\r\n+OK 2 320\r\n";
  ResponseDecoder decoder(ResponseShape::multi_line_listing);
  auto first = decoder.decode(wire);
  ASSERT_TRUE(first.complete());
  EXPECT_EQ(first.consumed(), 36u);
  decoder.expect(ResponseShape::single_line);
  auto second = decoder.decode(std::string_view(wire).substr(first.consumed()));
  ASSERT_TRUE(second.complete());
  EXPECT_EQ(second.value().response, ok("2 320"));
}

TEST(Pop3ResponseDecoder, ResetForgetsPartialResponse) {
  ResponseDecoder decoder(ResponseShape::multi_line_message);
  EXPECT_TRUE(decoder.decode("+OK\r\npartial\r\n").needs_more());
  decoder.reset();
  auto step = decoder.decode("+OK\r\n.\r\n");
  ASSERT_TRUE(step.complete());
  EXPECT_TRUE(step.value().response.body->empty());
}

TEST(Pop3ResponseDecoder, RoundTripsSerializedResponses) {
  const std::vector<std::pair<Response, ResponseShape>> cases = {
      {ok("POP3 server ready <1896.697170952@dbc.mtview.ca.us>"), ResponseShape::single_line},
      {err("Do you have another POP session running?", response_code("IN-USE")), ResponseShape::single_line},
      {err("", response_code("SYS/TEMP")), ResponseShape::single_line},
      {ok_multi_line("2 messages (320 octets)", {"1 120", "2 200"}), ResponseShape::multi_line_listing},
      {ok_multi_line("", {}), ResponseShape::multi_line_listing},
      {ok_multi_line("120 octets", {"Subject: x", "", ".", "..", ".leading", "end."}),
       ResponseShape::multi_line_message},
      {continuation("challenge bytes"), ResponseShape::sasl},
      {continuation(""), ResponseShape::sasl},
      {err("authentication failed", response_code("AUTH")), ResponseShape::sasl},
  };
  for (const auto& [response, shape] : cases) {
    const std::string wire = serialize(response);
    auto decoded = decode_whole(wire, shape);
    EXPECT_EQ(decoded.response, response) << wire;
    EXPECT_TRUE(decoded.anomalies.empty()) << wire;
  }
}

}  // namespace
}  // namespace conformance::codec::pop3
