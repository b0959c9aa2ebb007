#include "harness/codec/pop3/response.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conformance::codec::pop3 {
namespace {

TEST(Pop3StatusLine, ParsesPositiveStatusWithText) {
  auto response = parse_status_line("+OK POP3 server ready");
  ASSERT_TRUE(response.ok()) << response.error().message();
  EXPECT_EQ(response->status, Status::ok);
  EXPECT_EQ(response->text, "POP3 server ready");
  EXPECT_FALSE(response->code.has_value());
  EXPECT_FALSE(response->body.has_value());
}

TEST(Pop3StatusLine, ParsesBareStatus) {
  auto response = parse_status_line("+OK");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, Status::ok);
  EXPECT_EQ(response->text, "");
  auto negative = parse_status_line("-ERR");
  ASSERT_TRUE(negative.ok());
  EXPECT_EQ(negative->status, Status::err);
}

TEST(Pop3StatusLine, ParsesNegativeStatusWithResponseCode) {
  // RFC 2449 §8 example.
  auto response = parse_status_line("-ERR [IN-USE] Do you have another POP session running?");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, Status::err);
  ASSERT_TRUE(response->code.has_value());
  EXPECT_EQ(response->code->levels, (std::vector<std::string>{"IN-USE"}));
  EXPECT_EQ(response->text, "Do you have another POP session running?");
}

TEST(Pop3StatusLine, ParsesHierarchicalCodeWithoutText) {
  auto response = parse_status_line("-ERR [SYS/TEMP]");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->code, response_code("SYS/TEMP"));
  EXPECT_EQ(response->text, "");
}

TEST(Pop3StatusLine, TextMayFollowCodeWithoutSpace) {
  // text = resp-code *CHAR (RFC 2449 §3).
  auto response = parse_status_line("-ERR [AUTH]bad password");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->code, response_code("AUTH"));
  EXPECT_EQ(response->text, "bad password");
}

TEST(Pop3StatusLine, RejectsMalformedResponseCode) {
  auto response = parse_status_line("-ERR [IN USE] busy");
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().offset, 8u);
  EXPECT_EQ(response.error().expected, "'/' or ']' in response code");
}

TEST(Pop3StatusLine, KeepsMalformedCodeAsTextWhenAskedAndReportsIt) {
  StatusLineOptions options;
  options.malformed_code_is_text = true;
  std::vector<Anomaly> anomalies;
  auto response = parse_status_line("+OK [not a code", options, &anomalies);
  ASSERT_TRUE(response.ok());
  EXPECT_FALSE(response->code.has_value());
  EXPECT_EQ(response->text, "[not a code");
  EXPECT_EQ(anomalies, (std::vector<Anomaly>{{8, AnomalyKind::malformed_response_code}}));
}

TEST(Pop3StatusLine, RejectsUnknownStatusIndicator) {
  auto response = parse_status_line("OK ready");
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().offset, 0u);
  EXPECT_EQ(response.error().expected, "\"+OK\" or \"-ERR\"");
}

TEST(Pop3StatusLine, RejectsStatusRunningIntoText) {
  auto response = parse_status_line("+OKAY");
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().offset, 3u);
}

TEST(Pop3StatusLine, RejectsLowercaseStatusByDefault) {
  // "Servers MUST send the +OK and -ERR in upper case" (RFC 1939 §3).
  auto response = parse_status_line("+ok ready");
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().offset, 0u);
  EXPECT_EQ(response.error().expected, "\"+OK\" or \"-ERR\" in upper case");
}

TEST(Pop3StatusLine, AcceptsLowercaseStatusWhenAskedAndReportsIt) {
  StatusLineOptions options;
  options.accept_lowercase_status = true;
  std::vector<Anomaly> anomalies;
  auto response = parse_status_line("-err no", options, &anomalies);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, Status::err);
  EXPECT_EQ(anomalies, (std::vector<Anomaly>{{0, AnomalyKind::status_not_uppercase}}));
}

TEST(Pop3StatusLine, RejectsContinuationOutsideSasl) {
  auto response = parse_status_line("+ ");
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().offset, 0u);
}

TEST(Pop3StatusLine, ParsesEmptyContinuation) {
  // "an empty server challenge is defined as a line with only a "+",
  // followed by a single space" (RFC 5034 §4).
  StatusLineOptions options;
  options.allow_continuation = true;
  std::vector<Anomaly> anomalies;
  auto response = parse_status_line("+ ", options, &anomalies);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, Status::continuation);
  EXPECT_EQ(response->text, "");
  EXPECT_TRUE(anomalies.empty());
}

TEST(Pop3StatusLine, ParsesContinuationWithChallenge) {
  StatusLineOptions options;
  options.allow_continuation = true;
  auto response = parse_status_line("+ cnNwYXV0aD0wYjk3MTQ2MmNlZjVlOGY5MzBkYjlhMzNiMDJmYzlhMA==", options);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, Status::continuation);
  auto bytes = challenge_bytes(*response);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, "rspauth=0b971462cef5e8f930db9a33b02fc9a0");
}

TEST(Pop3StatusLine, RejectsContinuationWithoutSpaceByDefault) {
  StatusLineOptions options;
  options.allow_continuation = true;
  auto response = parse_status_line("+", options);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().offset, 1u);
  EXPECT_EQ(response.error().expected, "SP after '+' of a continuation");
}

TEST(Pop3StatusLine, AcceptsContinuationWithoutSpaceWhenAskedAndReportsIt) {
  StatusLineOptions options;
  options.allow_continuation = true;
  options.accept_continuation_without_space = true;
  std::vector<Anomaly> anomalies;
  auto response = parse_status_line("+", options, &anomalies);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, Status::continuation);
  EXPECT_EQ(anomalies, (std::vector<Anomaly>{{1, AnomalyKind::continuation_without_space}}));
}

TEST(Pop3StatusLine, ReportsChallengeThatIsNotBase64) {
  StatusLineOptions options;
  options.allow_continuation = true;
  std::vector<Anomaly> anomalies;
  auto response = parse_status_line("+ Password:", options, &anomalies);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->text, "Password:");
  EXPECT_EQ(anomalies, (std::vector<Anomaly>{{11, AnomalyKind::invalid_base64_challenge}}));
}

TEST(Pop3StatusLine, RejectsPlusFollowedByOtherText) {
  StatusLineOptions options;
  options.allow_continuation = true;
  auto response = parse_status_line("+Go ahead", options);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().offset, 1u);
}

TEST(Pop3Response, SerializesSingleLine) {
  EXPECT_EQ(serialize(ok("maildrop has 2 messages (320 octets)")), "+OK maildrop has 2 messages (320 octets)\r\n");
  EXPECT_EQ(serialize(ok()), "+OK\r\n");
  EXPECT_EQ(serialize(err("no such message")), "-ERR no such message\r\n");
}

TEST(Pop3Response, SerializesResponseCode) {
  EXPECT_EQ(serialize(err("try later", response_code("SYS/TEMP"))), "-ERR [SYS/TEMP] try later\r\n");
  EXPECT_EQ(serialize(err("", response_code("AUTH"))), "-ERR [AUTH]\r\n");
}

TEST(Pop3Response, SerializesMultiLineWithByteStuffing) {
  EXPECT_EQ(serialize(ok_multi_line("message follows", {"Subject: x", "", ".hidden", "."})),
            "+OK message follows\r\nSubject: x\r\n\r\n..hidden\r\n..\r\n.\r\n");
}

TEST(Pop3Response, SerializesEmptyMultiLine) { EXPECT_EQ(serialize(ok_multi_line("", {})), "+OK\r\n.\r\n"); }

TEST(Pop3Response, SerializesContinuation) {
  EXPECT_EQ(serialize(continuation("")), "+ \r\n");
  EXPECT_EQ(serialize(continuation("hi")), "+ aGk=\r\n");
}

}  // namespace
}  // namespace conformance::codec::pop3
