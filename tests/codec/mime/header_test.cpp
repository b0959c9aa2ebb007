#include "harness/codec/mime/header.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/codec/mime/crlf.hpp"

namespace conformance::codec::mime {
namespace {

using testing::crlf;

TEST(MimeHeader, SplitsHeaderFromBodyAtTheFirstEmptyLine) {
  const std::string message = crlf("From: a@b\nSubject: Hi\n\nBody line\n");
  auto header = parse_header_section(message);
  ASSERT_TRUE(header) << header.error().message();
  ASSERT_EQ(header->fields.size(), 2u);
  EXPECT_EQ(header->fields[0].name, "From");
  EXPECT_EQ(header->fields[0].value, " a@b");
  EXPECT_EQ(header->fields[1].name, "Subject");
  EXPECT_EQ(header->separator, "\r\n");
  EXPECT_EQ(header->serialized_size(), message.find("Body"));
}

TEST(MimeHeader, KeepsFoldsInTheRawValueAndRemovesThemWhenUnfolding) {
  // RFC 5322 Appendix A.4: a folded Received field.
  const std::string message = crlf(
      "Received: from x.y.test\n"
      "   by example.net\n"
      "   via TCP\n"
      "   with ESMTP\n"
      "   id ABC12345\n"
      "   for <mary@example.net>;  21 Nov 1997 10:05:43 -0600\n"
      "\n");
  auto header = parse_header_section(message);
  ASSERT_TRUE(header);
  ASSERT_EQ(header->fields.size(), 1u);
  EXPECT_EQ(header->fields[0].value,
            " from x.y.test\r\n   by example.net\r\n   via TCP\r\n   with ESMTP\r\n   id ABC12345\r\n"
            "   for <mary@example.net>;  21 Nov 1997 10:05:43 -0600");
  EXPECT_EQ(header->fields[0].unfolded(),
            "from x.y.test   by example.net   via TCP   with ESMTP   id ABC12345"
            "   for <mary@example.net>;  21 Nov 1997 10:05:43 -0600");
}

TEST(MimeHeader, SerializesByteForByte) {
  const std::string message = crlf(
      "Received: from node.example by x.y.test; 21 Nov 1997 10:01:22 -0600\n"
      "Subject : obsolete space before colon\n"
      "X-Folded: one\n"
      " \n"
      "\ttwo\n"
      "\n");
  auto header = parse_header_section(message);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->serialize(), message);
  EXPECT_EQ(header->fields[1].gap, " ");
}

TEST(MimeHeader, FindsFieldsCaseInsensitively) {
  auto header = parse_header_section(crlf("content-type: text/plain\nReceived: a\nRECEIVED: b\n\n"));
  ASSERT_TRUE(header);
  ASSERT_NE(header->find("Content-Type"), nullptr);
  EXPECT_EQ(header->find("Content-Type")->unfolded(), "text/plain");
  EXPECT_EQ(header->find("Subject"), nullptr);
  ASSERT_EQ(header->find_all("received").size(), 2u);
  EXPECT_EQ(header->find_all("received")[1]->unfolded(), "b");
}

TEST(MimeHeader, MessageWithoutBodyHasNoSeparator) {
  const std::string message = "From: a@b\r\nSubject: no body\r\n";
  auto header = parse_header_section(message);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->separator, "");
  EXPECT_EQ(header->serialize(), message);
}

TEST(MimeHeader, LastLineWithoutLineEndIsKept) {
  auto header = parse_header_section("Subject: cut");
  ASSERT_TRUE(header);
  EXPECT_EQ(header->fields[0].end, LineEnd::none);
  EXPECT_EQ(header->serialize(), "Subject: cut");
}

TEST(MimeHeader, ToleratesBareLfAndReportsItOnce) {
  std::vector<Anomaly> anomalies;
  const std::string message = "From: a@b\nTo: c@d\n\nbody\n";
  auto header = parse_header_section(message, {}, HeaderParseOptions{&anomalies, 0, nullptr});
  ASSERT_TRUE(header);
  EXPECT_EQ(header->fields.size(), 2u);
  EXPECT_EQ(header->separator, "\n");
  EXPECT_EQ(header->fields[0].end, LineEnd::lf);
  EXPECT_EQ(header->serialize(), "From: a@b\nTo: c@d\n\n");
  ASSERT_EQ(anomalies.size(), 1u);
  EXPECT_EQ(anomalies[0], (Anomaly{AnomalyKind::bare_lf, 9}));
}

TEST(MimeHeader, ReportsWhitespaceBeforeColon) {
  std::vector<Anomaly> anomalies;
  auto header = parse_header_section("Subject  : x\r\n\r\n", {}, HeaderParseOptions{&anomalies, 100, nullptr});
  ASSERT_TRUE(header);
  EXPECT_EQ(header->fields[0].name, "Subject");
  ASSERT_EQ(anomalies.size(), 1u);
  EXPECT_EQ(anomalies[0], (Anomaly{AnomalyKind::whitespace_before_colon, 107}));
}

TEST(MimeHeader, AcceptsUtf8ValuesAndReportsOtherEightBitOctets) {
  std::vector<Anomaly> anomalies;
  auto good = parse_header_section("Subject: caf\xC3\xA9\r\n\r\n", {}, HeaderParseOptions{&anomalies, 0, nullptr});
  ASSERT_TRUE(good);
  EXPECT_TRUE(anomalies.empty());
  auto bad = parse_header_section("Subject: caf\xE9\r\n\r\n", {}, HeaderParseOptions{&anomalies, 0, nullptr});
  ASSERT_TRUE(bad);
  ASSERT_EQ(anomalies.size(), 1u);
  EXPECT_EQ(anomalies[0].kind, AnomalyKind::invalid_utf8_in_header);
}

TEST(MimeHeader, RejectsLineWithoutColon) {
  auto header = parse_header_section("From: a@b\r\nnot a field\r\n\r\n");
  ASSERT_FALSE(header);
  EXPECT_EQ(header.error(), (ParseError{15, "':'"}));  // "not" is a name, 'a' is not ':'
  auto no_colon = parse_header_section("NoColonHere\r\n\r\n");
  ASSERT_FALSE(no_colon);
  EXPECT_EQ(no_colon.error(), (ParseError{11, "':' after field name"}));
}

TEST(MimeHeader, RejectsFieldNameWithControlCharacter) {
  auto header = parse_header_section("Sub\x01ject: x\r\n\r\n");
  ASSERT_FALSE(header);
  EXPECT_EQ(header.error().offset, 3u);
}

TEST(MimeHeader, RejectsEmptyFieldName) {
  auto header = parse_header_section(": value\r\n\r\n");
  ASSERT_FALSE(header);
  EXPECT_EQ(header.error(), (ParseError{0, "field name"}));
}

TEST(MimeHeader, RejectsContinuationBeforeAnyField) {
  auto header = parse_header_section("  folded\r\nFrom: a@b\r\n\r\n");
  ASSERT_FALSE(header);
  EXPECT_EQ(header.error(), (ParseError{0, "field name"}));
}

TEST(MimeHeader, AcceptsLineOf998CharactersPlusCrlf) {
  std::string line = "X: " + std::string(995, 'a');
  ASSERT_EQ(line.size(), 998u);
  auto header = parse_header_section(line + "\r\n\r\n");
  ASSERT_TRUE(header) << header.error().message();
}

TEST(MimeHeader, RejectsLineOverTheCap) {
  std::string line = "X: " + std::string(996, 'a');  // 999 characters
  bool hit_limit = false;
  auto header = parse_header_section(line + "\r\n\r\n", {}, HeaderParseOptions{nullptr, 0, &hit_limit});
  ASSERT_FALSE(header);
  EXPECT_EQ(header.error().offset, 1000u);
  EXPECT_EQ(header.error().expected, "header line of at most 1000 octets");
  EXPECT_TRUE(hit_limit);
}

TEST(MimeHeader, LineCapIsConfigurable) {
  Limits limits;
  limits.max_line_length = 20;
  EXPECT_TRUE(parse_header_section("Subject: 123456789\r\n\r\n", limits));
  EXPECT_FALSE(parse_header_section("Subject: 1234567890\r\n\r\n", limits));
}

TEST(MimeHeader, RejectsEndlessLineWithoutWaitingForItsEnd) {
  const std::string flood = "Subject: " + std::string(100000, 'x');
  auto header = parse_header_section(flood);
  ASSERT_FALSE(header);
  EXPECT_EQ(header.error().offset, 1000u);
}

TEST(MimeHeader, RejectsMoreFieldsThanTheCap) {
  Limits limits;
  limits.max_header_fields = 3;
  std::string message;
  for (int i = 0; i < 4; ++i) message += "X-N: " + std::to_string(i) + "\r\n";
  auto header = parse_header_section(message + "\r\n", limits);
  ASSERT_FALSE(header);
  EXPECT_EQ(header.error().offset, 24u);
  EXPECT_EQ(header.error().expected, "at most 3 header fields");
  message.resize(message.size() - 8);
  EXPECT_TRUE(parse_header_section(message + "\r\n", limits));
}

TEST(MimeHeader, RejectsHeaderSectionOverTheSizeCap) {
  Limits limits;
  limits.max_header_bytes = 64;
  std::string message;
  for (int i = 0; i < 10; ++i) message += "X-Field: value\r\n";  // 16 octets each
  auto header = parse_header_section(message + "\r\n", limits);
  ASSERT_FALSE(header);
  EXPECT_EQ(header.error().offset, 80u);
  EXPECT_EQ(header.error().expected, "header section of at most 64 octets");
}

TEST(MimeHeader, ErrorOffsetsIncludeTheBaseOffset) {
  auto header = parse_header_section("bad line\r\n", {}, HeaderParseOptions{nullptr, 500, nullptr});
  ASSERT_FALSE(header);
  EXPECT_EQ(header.error().offset, 504u);  // the "l" where ":" should be
}

TEST(MimeHeader, MakeFieldFoldsLongValuesAtSpaces) {
  std::string value;
  for (int i = 0; i < 30; ++i) value += "word" + std::to_string(i) + " ";
  HeaderField field = make_header_field("Subject", value);
  EXPECT_EQ(field.unfolded(), std::string(value.substr(0, value.size() - 1)));
  const std::string text = field.serialize();
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 78u);
    start = end + 2;
  }
  auto reparsed = parse_header_section(text + "\r\n");
  ASSERT_TRUE(reparsed);
  EXPECT_EQ(reparsed->fields[0], field);
}

TEST(MimeHeader, MakeFieldCannotBeBrokenByLineBreaksInTheValue) {
  HeaderField field = make_header_field("Subject", "one\r\nBcc: evil@example.com");
  auto reparsed = parse_header_section(field.serialize() + "\r\n");
  ASSERT_TRUE(reparsed);
  ASSERT_EQ(reparsed->fields.size(), 1u);
  EXPECT_EQ(reparsed->fields[0].unfolded(), "one  Bcc: evil@example.com");
}

TEST(MimeUtf8, ValidatesUtf8) {
  EXPECT_TRUE(is_valid_utf8("plain"));
  EXPECT_TRUE(is_valid_utf8("\xE2\x82\xAC"));
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

}  // namespace
}  // namespace conformance::codec::mime
