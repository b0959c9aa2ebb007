#include "harness/codec/smtp/reply.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conformance::codec::smtp {
namespace {

using Lines = std::vector<std::string>;

Reply parsed(std::string_view bytes, const ReplyLimits& limits = {}) {
  auto step = parse_reply(bytes, limits);
  EXPECT_TRUE(step.complete()) << (step.failed() ? step.error().message() : "needs more");
  return step.complete() ? step.value() : Reply{};
}

ParseError failure(std::string_view bytes, const ReplyLimits& limits = {}) {
  auto step = parse_reply(bytes, limits);
  EXPECT_TRUE(step.failed());
  return step.failed() ? step.error() : ParseError{};
}

TEST(SmtpReply, ParsesSingleLineReply) {
  auto step = parse_reply("250 OK\r\n");
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.value().code, 250);
  EXPECT_EQ(step.value().lines, Lines{"OK"});
  EXPECT_FALSE(step.value().code_only_last_line);
  EXPECT_FALSE(step.value().bare_lf);
  EXPECT_EQ(step.consumed(), 8u);
}

TEST(SmtpReply, ParsesMultilineEhloReply) {
  // RFC 5321 Appendix D.1
  const std::string bytes = "250-foo.com greets bar.com\r\n250-8BITMIME\r\n250-SIZE\r\n250-DSN\r\n250 HELP\r\n";
  auto step = parse_reply(bytes);
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.value().code, 250);
  EXPECT_EQ(step.value().lines, (Lines{"foo.com greets bar.com", "8BITMIME", "SIZE", "DSN", "HELP"}));
  EXPECT_EQ(step.consumed(), bytes.size());
}

TEST(SmtpReply, NeedsMoreUntilTheLastLineOfAMultilineReply) {
  const std::string bytes = "250-foo.com\r\n250-PIPELINING\r\n250 HELP\r\n";
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    auto step = parse_reply(std::string_view(bytes).substr(0, length));
    EXPECT_TRUE(step.needs_more()) << "prefix of " << length << " bytes";
  }
  EXPECT_TRUE(parse_reply(bytes).complete());
}

TEST(SmtpReply, TruncatedMultilineReplyIsNotMistakenForComplete) {
  // The connection drops after a continuation line: still incomplete.
  auto step = parse_reply("421-Service shutting down\r\n421-Please try");
  EXPECT_TRUE(step.needs_more());
}

TEST(SmtpReply, AcceptsTheCodeAloneOnTheLastLine) {
  // RFC 5321 §4.2: clients must be prepared for the code without text.
  Reply reply = parsed("250\r\n");
  EXPECT_EQ(reply.code, 250);
  EXPECT_EQ(reply.lines, Lines{""});
  EXPECT_TRUE(reply.code_only_last_line);
  EXPECT_EQ(serialize_reply(reply), "250\r\n");
}

TEST(SmtpReply, AcceptsTheCodeWithTrailingSpaceAndNoText) {
  Reply reply = parsed("354 \r\n");
  EXPECT_EQ(reply.lines, Lines{""});
  EXPECT_FALSE(reply.code_only_last_line);
  EXPECT_EQ(serialize_reply(reply), "354 \r\n");
}

TEST(SmtpReply, AcceptsContinuationLineWithoutText) {
  Reply reply = parsed("214-\r\n214 End of HELP\r\n");
  EXPECT_EQ(reply.lines, (Lines{"", "End of HELP"}));
}

TEST(SmtpReply, RejectsInconsistentCodesAcrossContinuationLines) {
  ParseError error = failure("250-first\r\n251 second\r\n");
  EXPECT_EQ(error.offset, 11u);
  EXPECT_EQ(error.expected, "reply code 250, as on the reply's first line");
}

TEST(SmtpReply, RejectsCodeFollowedByNeitherSpaceNorHyphen) {
  ParseError error = failure("250OK\r\n");
  EXPECT_EQ(error.offset, 3u);
  EXPECT_EQ(error.expected, "SP, '-' or CRLF after the reply code");
}

TEST(SmtpReply, RejectsFirstDigitOutside2To5) {
  EXPECT_EQ(failure("150 Opening\r\n").offset, 0u);
  EXPECT_EQ(failure("650 x\r\n").expected, "reply code first digit 2-5 (RFC 5321 §4.2)");
}

TEST(SmtpReply, RejectsSecondDigitAbove5UnlessAskedToAcceptIt) {
  ParseError error = failure("260 x\r\n");
  EXPECT_EQ(error.offset, 1u);
  EXPECT_EQ(error.expected, "reply code second digit 0-5 (RFC 5321 §4.2)");
  ReplyLimits limits;
  limits.accept_any_second_digit = true;
  EXPECT_EQ(parsed("260 x\r\n", limits).code, 260);
}

TEST(SmtpReply, RejectsNonDigitInTheCode) {
  EXPECT_EQ(failure("25x OK\r\n").offset, 2u);
  EXPECT_EQ(failure("OK\r\n").offset, 0u);
}

TEST(SmtpReply, RejectsLineShorterThanACode) {
  ParseError error = failure("25\r\n");
  EXPECT_EQ(error.offset, 2u);
  EXPECT_EQ(error.expected, "reply code third digit");
}

TEST(SmtpReply, RejectsBareLfByDefault) {
  ParseError error = failure("250-first\n250 last\r\n");
  EXPECT_EQ(error.offset, 9u);
  EXPECT_EQ(error.expected, "CRLF (a bare LF ends this line)");
}

TEST(SmtpReply, AcceptsBareLfWhenLenientAndFlagsIt) {
  ReplyLimits limits;
  limits.ending = LineEnding::crlf_or_bare_lf;
  Reply reply = parsed("250-first\n250 last\r\n", limits);
  EXPECT_EQ(reply.lines, (Lines{"first", "last"}));
  EXPECT_TRUE(reply.bare_lf);
  // Written back the way such a server writes it.
  EXPECT_EQ(serialize_reply(reply), "250-first\n250 last\n");
}

TEST(SmtpReply, RejectsBareCrInsideText) {
  ParseError error = failure("250 a\rb\r\n");
  EXPECT_EQ(error.offset, 5u);
  EXPECT_EQ(error.expected, "text without CR (bare CR in a reply line)");
}

TEST(SmtpReply, LineCapCountsTheCrlf) {
  std::string exactly = "250 " + std::string(994, 'x') + "\r\n";  // 1000 octets
  EXPECT_TRUE(parse_reply(exactly).complete());
  std::string over = "250 " + std::string(995, 'x') + "\r\n";  // 1001 octets
  ParseError error = failure(over);
  EXPECT_EQ(error.offset, 0u);
  EXPECT_EQ(error.expected, "reply line of at most 1000 octets including CRLF");
}

TEST(SmtpReply, LineOverTheCapFailsWithoutWaitingForItsEnd) {
  std::string flood = "250-ok\r\n250 " + std::string(2000, 'x');
  ParseError error = failure(flood);
  EXPECT_EQ(error.offset, 8u);
}

TEST(SmtpReply, RfcReplyLineLimitCanBeEnforced) {
  ReplyLimits limits;
  limits.max_line_length = kRfcMaxReplyLineLength;
  std::string over = "250 " + std::string(507, 'x') + "\r\n";  // 513 octets
  EXPECT_EQ(failure(over, limits).expected, "reply line of at most 512 octets including CRLF");
}

TEST(SmtpReply, RejectsMoreLinesThanTheCap) {
  ReplyLimits limits;
  limits.max_lines = 3;
  EXPECT_TRUE(parse_reply("250-a\r\n250-b\r\n250 c\r\n", limits).complete());
  ParseError error = failure("250-a\r\n250-b\r\n250-c\r\n250 d\r\n", limits);
  EXPECT_EQ(error.offset, 21u);
  EXPECT_EQ(error.expected, "end of the reply within 3 lines");
}

TEST(SmtpReply, ConsumesOnlyTheFirstReply) {
  const std::string bytes = "250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n";
  auto first = parse_reply(bytes);
  ASSERT_TRUE(first.complete());
  EXPECT_EQ(first.consumed(), 22u);
  auto second = parse_reply(std::string_view(bytes).substr(first.consumed()));
  ASSERT_TRUE(second.complete());
  EXPECT_EQ(second.value().code, 221);
  EXPECT_EQ(second.value().lines, Lines{"2.0.0 Bye"});
}

TEST(SmtpReply, DecoderFedByteByByteGivesTheSameReply) {
  const std::string bytes = "250-mail.example.com\r\n250-SIZE 35882577\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n";
  ReplyDecoder decoder;
  std::string buffer;
  for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
    buffer.push_back(bytes[i]);
    ASSERT_TRUE(decoder.decode(buffer).needs_more()) << "after " << buffer.size() << " bytes";
  }
  buffer.push_back(bytes.back());
  auto step = decoder.decode(buffer);
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.value(), parse_reply(bytes).value());
  EXPECT_EQ(step.consumed(), bytes.size());
}

TEST(SmtpReply, DecoderIsReadyForTheNextReplyAfterOne) {
  ReplyDecoder decoder;
  ASSERT_TRUE(decoder.decode("220 ready\r\n").complete());
  auto step = decoder.decode("250-a\r\n250 b\r\n");
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.value().lines, (Lines{"a", "b"}));
}

TEST(SmtpReply, SerializesMultilineReply) {
  Reply reply{550, {"5.7.1 Forwarding to remote hosts disabled", "5.7.1 Select another host"}};
  EXPECT_EQ(serialize_reply(reply),
            "550-5.7.1 Forwarding to remote hosts disabled\r\n550 5.7.1 Select another host\r\n");
}

TEST(SmtpReply, RoundTripsThroughBytes) {
  const std::vector<Reply> replies = {
      Reply::single(220, "foo.com Simple Mail Transfer Service Ready"),
      Reply{250, {"foo.com greets bar.com", "8BITMIME", "SIZE", "DSN", "HELP"}},
      Reply{250, {""}, true, false},
      Reply{354, {""}},
      Reply{421, {"a", "b"}, false, true},
  };
  ReplyLimits lenient;
  lenient.ending = LineEnding::crlf_or_bare_lf;
  for (const Reply& reply : replies) {
    const std::string bytes = serialize_reply(reply);
    auto step = parse_reply(bytes, lenient);
    ASSERT_TRUE(step.complete()) << bytes;
    EXPECT_EQ(step.value(), reply) << bytes;
    EXPECT_EQ(step.consumed(), bytes.size());
  }
}

TEST(SmtpReply, ExposesSeverityOfTheFirstDigit) {
  EXPECT_EQ(Reply::single(354, "go").severity(), ReplySeverity::positive_intermediate);
  EXPECT_EQ(Reply::single(452, "full").severity(), ReplySeverity::transient_negative);
  EXPECT_TRUE(Reply::single(354, "go").is_positive());
  EXPECT_FALSE(Reply::single(550, "no").is_positive());
}

TEST(SmtpReply, FindsEnhancedStatusCodeOnTheFirstLine) {
  // RFC 2034 §6
  Reply reply = parsed("250 2.1.0 Originator <ned@ymir.claremont.edu> ok\r\n");
  EXPECT_EQ(reply.enhanced_code(), (EnhancedStatusCode{2, 1, 0}));
  EXPECT_EQ(parsed("250 OK\r\n").enhanced_code(), std::nullopt);
}

TEST(SmtpReply, EnhancedCodesConsistentAcrossLines) {
  // RFC 2034 §6: the same code on each line of a multi-line reply.
  Reply reply = parsed(
      "551-5.7.1 Forwarding to remote hosts disabled\r\n"
      "551 5.7.1 Select another host to act as your forwarder\r\n");
  EnhancedCodeUse use = enhanced_code_use(reply);
  EXPECT_EQ(use.first, (EnhancedStatusCode{5, 7, 1}));
  EXPECT_EQ(use.lines_with_code, 2u);
  EXPECT_TRUE(use.on_every_line);
  EXPECT_TRUE(use.same_on_every_line);
  EXPECT_TRUE(use.class_matches_reply);
}

TEST(SmtpReply, EnhancedCodesMissingOrDifferingAreExposed) {
  EnhancedCodeUse missing = enhanced_code_use(Reply{550, {"5.1.1 No such user", "see the postmaster"}});
  EXPECT_EQ(missing.lines_with_code, 1u);
  EXPECT_FALSE(missing.on_every_line);
  EXPECT_FALSE(missing.same_on_every_line);

  EnhancedCodeUse differing = enhanced_code_use(Reply{550, {"5.1.1 a", "5.1.2 b"}});
  EXPECT_TRUE(differing.on_every_line);
  EXPECT_FALSE(differing.same_on_every_line);

  EnhancedCodeUse wrong_class = enhanced_code_use(Reply::single(250, "5.0.0 contradiction"));
  EXPECT_FALSE(wrong_class.class_matches_reply);
}

}  // namespace
}  // namespace conformance::codec::smtp
