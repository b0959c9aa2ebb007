#include "harness/codec/mime/structure.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/codec/mime/crlf.hpp"

namespace conformance::codec::mime {
namespace {

using testing::crlf;

// RFC 2046 §5.1.1, the simple multipart example.
const std::string kSimpleMultipart = crlf(
    "From: Nathaniel Borenstein <nsb@bellcore.com>\n"
    "To: Ned Freed <ned@innosoft.com>\n"
    "Date: Sun, 21 Mar 1993 23:56:48 -0800 (PST)\n"
    "Subject: Sample message\n"
    "MIME-Version: 1.0\n"
    "Content-type: multipart/mixed; boundary=\"simple boundary\"\n"
    "\n"
    "This is the preamble.  It is to be ignored, though it\n"
    "is a handy place for composition agents to include an\n"
    "explanatory note to non-MIME conformant readers.\n"
    "\n"
    "--simple boundary\n"
    "\n"
    "This is implicitly typed plain US-ASCII text.\n"
    "It does NOT end with a linebreak.\n"
    "--simple boundary\n"
    "Content-type: text/plain; charset=us-ascii\n"
    "\n"
    "This is explicitly typed plain US-ASCII text.\n"
    "It DOES end with a linebreak.\n"
    "\n"
    "--simple boundary--\n"
    "\n"
    "This is the epilogue.  It is also to be ignored.\n");

TEST(MimeStructure, ParsesTheMultipartExampleOfRfc2046) {
  auto parsed = parse_message(kSimpleMultipart);
  ASSERT_TRUE(parsed) << parsed.error().message();
  const Part& root = parsed->root;
  EXPECT_TRUE(parsed->anomalies.empty());
  EXPECT_EQ(root.kind, Part::Kind::multipart);
  EXPECT_EQ(root.content_type.subtype, "mixed");
  EXPECT_TRUE(root.closed);
  ASSERT_EQ(root.parts.size(), 2u);
  EXPECT_EQ(root.preamble.in(kSimpleMultipart),
            crlf("This is the preamble.  It is to be ignored, though it\n"
                 "is a handy place for composition agents to include an\n"
                 "explanatory note to non-MIME conformant readers.\n"));
  EXPECT_EQ(root.epilogue.in(kSimpleMultipart), crlf("\n\nThis is the epilogue.  It is also to be ignored.\n"));

  const Part& implicit = root.parts[0];
  EXPECT_TRUE(implicit.fields.fields.empty());
  EXPECT_TRUE(implicit.content_type_defaulted);
  EXPECT_EQ(implicit.content_type, (MediaType{"TEXT", "PLAIN", {{"CHARSET", "US-ASCII"}}}));
  EXPECT_EQ(implicit.header.in(kSimpleMultipart), "\r\n");
  EXPECT_EQ(implicit.body.in(kSimpleMultipart),
            "This is implicitly typed plain US-ASCII text.\r\nIt does NOT end with a linebreak.");

  const Part& explicit_part = root.parts[1];
  EXPECT_FALSE(explicit_part.content_type_defaulted);
  EXPECT_EQ(explicit_part.content_type, (MediaType{"text", "plain", {{"charset", "us-ascii"}}}));
  EXPECT_EQ(explicit_part.header.in(kSimpleMultipart), "Content-type: text/plain; charset=us-ascii\r\n\r\n");
  EXPECT_EQ(explicit_part.body.in(kSimpleMultipart),
            "This is explicitly typed plain US-ASCII text.\r\nIt DOES end with a linebreak.\r\n");
}

TEST(MimeStructure, DefaultsToTextPlainWithoutContentType) {
  const std::string message = "Subject: x\r\n\r\nhello\r\n";
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->root.kind, Part::Kind::leaf);
  EXPECT_TRUE(parsed->root.content_type_defaulted);
  EXPECT_TRUE(parsed->root.content_type.is("text", "plain"));
  EXPECT_EQ(parsed->root.header, (ByteRange{0, 14}));
  EXPECT_EQ(parsed->root.body, (ByteRange{14, 21}));
}

TEST(MimeStructure, InvalidContentTypeFallsBackToTheDefaultAndIsReported) {
  auto parsed = parse_message("Content-Type: text\r\n\r\nx");
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->root.content_type_defaulted);
  EXPECT_TRUE(parsed->root.content_type.is("text", "plain"));
  ASSERT_EQ(parsed->anomalies.size(), 1u);
  EXPECT_EQ(parsed->anomalies[0], (Anomaly{AnomalyKind::invalid_content_type, 0}));
}

TEST(MimeStructure, ReportsMissingFinalBoundary) {
  const std::string message = crlf(
      "Content-Type: multipart/mixed; boundary=b\n"
      "\n"
      "--b\n"
      "\n"
      "first\n"
      "--b\n"
      "\n"
      "second, cut short\n");
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  EXPECT_FALSE(parsed->root.closed);
  ASSERT_EQ(parsed->root.parts.size(), 2u);
  EXPECT_EQ(parsed->root.parts[1].body.in(message), "second, cut short\r\n");
  ASSERT_EQ(parsed->anomalies.size(), 1u);
  EXPECT_EQ(parsed->anomalies[0], (Anomaly{AnomalyKind::missing_final_boundary, message.size()}));
}

TEST(MimeStructure, ReportsMultipartWithoutAnyDelimiter) {
  const std::string message = "Content-Type: multipart/mixed; boundary=b\r\n\r\nno parts here\r\n";
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->root.kind, Part::Kind::multipart);
  EXPECT_TRUE(parsed->root.parts.empty());
  EXPECT_EQ(parsed->root.preamble.in(message), "no parts here\r\n");
  ASSERT_EQ(parsed->anomalies.size(), 1u);
  EXPECT_EQ(parsed->anomalies[0].kind, AnomalyKind::no_body_parts);
}

TEST(MimeStructure, MultipartWithoutBoundaryIsALeaf) {
  auto parsed = parse_message("Content-Type: multipart/mixed\r\n\r\n--b\r\n\r\nx\r\n--b--\r\n");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->root.kind, Part::Kind::leaf);
  ASSERT_EQ(parsed->anomalies.size(), 1u);
  EXPECT_EQ(parsed->anomalies[0].kind, AnomalyKind::multipart_without_boundary);
}

TEST(MimeStructure, BoundaryMatchesAsALinePrefix) {
  // RFC 2046 §5.1.1: "it is sufficient that the boundary appear in its
  // entirety following the CRLF"; the rest of the line is reported.
  const std::string message = crlf(
      "Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--bogus\n\ntwo\n--b--\n");
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->root.parts.size(), 2u);
  EXPECT_EQ(parsed->root.parts[0].body.in(message), "one");
  EXPECT_EQ(parsed->root.parts[1].body.in(message), "two");
  ASSERT_EQ(parsed->anomalies.size(), 1u);
  EXPECT_EQ(parsed->anomalies[0].kind, AnomalyKind::delimiter_trailing_text);
}

TEST(MimeStructure, AcceptsTransportPaddingAfterDelimiters) {
  const std::string message = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b \t\r\n\r\none\r\n--b--  \r\n";
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->root.parts.size(), 1u);
  EXPECT_EQ(parsed->root.parts[0].body.in(message), "one");
  EXPECT_TRUE(parsed->anomalies.empty());
  EXPECT_EQ(parsed->root.epilogue.in(message), "  \r\n");
}

TEST(MimeStructure, IgnoresBoundaryTextInsideALine) {
  const std::string message =
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nsee --b here\r\n--b--\r\n";
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->root.parts.size(), 1u);
  EXPECT_EQ(parsed->root.parts[0].body.in(message), "see --b here");
}

TEST(MimeStructure, ToleratesBareLfDelimiters) {
  const std::string message = "Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b\n\ntwo\n--b--\n";
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->root.parts.size(), 2u);
  EXPECT_EQ(parsed->root.parts[0].body.in(message), "one");
  EXPECT_EQ(parsed->root.parts[1].body.in(message), "two");
  ASSERT_FALSE(parsed->anomalies.empty());
  EXPECT_EQ(parsed->anomalies[0].kind, AnomalyKind::bare_lf);
}

TEST(MimeStructure, DigestPartsDefaultToMessageRfc822) {
  // RFC 2046 §5.1.5.
  const std::string message = crlf(
      "Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: inner\n\nbody\n--d--\n");
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->root.parts.size(), 1u);
  const Part& part = parsed->root.parts[0];
  EXPECT_EQ(part.content_type, (MediaType{"MESSAGE", "RFC822", {}}));
  EXPECT_EQ(part.kind, Part::Kind::message);
  ASSERT_TRUE(part.message);
  EXPECT_EQ((*part.message)->fields.find("Subject")->unfolded(), "inner");
  EXPECT_EQ((*part.message)->body.in(message), "body");
}

TEST(MimeStructure, ParsesEncapsulatedMessageWithItsOwnParts) {
  const std::string message = crlf(
      "Content-Type: message/rfc822\n"
      "\n"
      "Subject: inner\n"
      "Content-Type: multipart/alternative; boundary=in\n"
      "\n"
      "--in\n"
      "Content-Type: text/plain\n"
      "\n"
      "plain\n"
      "--in\n"
      "Content-Type: text/html\n"
      "\n"
      "<p>html</p>\n"
      "--in--\n");
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->root.kind, Part::Kind::message);
  const Part& inner = **parsed->root.message;
  EXPECT_EQ(inner.whole(), parsed->root.body);
  ASSERT_EQ(inner.parts.size(), 2u);
  EXPECT_EQ(inner.parts[1].body.in(message), "<p>html</p>");
  EXPECT_TRUE(inner.parts[1].content_type.is("text", "html"));
}

TEST(MimeStructure, UnparseablePartHeaderIsTakenAsBody) {
  const std::string message = crlf(
      "Content-Type: multipart/mixed; boundary=b\n\n--b\nthis is not a header\nmore\n--b--\n");
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->root.parts.size(), 1u);
  const Part& part = parsed->root.parts[0];
  EXPECT_TRUE(part.fields.fields.empty());
  EXPECT_EQ(part.header.size(), 0u);
  EXPECT_EQ(part.body.in(message), "this is not a header\r\nmore");
  ASSERT_EQ(parsed->anomalies.size(), 1u);
  EXPECT_EQ(parsed->anomalies[0].kind, AnomalyKind::invalid_part_header);
}

TEST(MimeStructure, TopLevelHeaderErrorsAreErrors) {
  auto parsed = parse_message("this is not a header\r\n\r\nbody");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error(), (ParseError{5, "':'"}));
}

TEST(MimeStructure, HeaderCapInsideAPartIsAnError) {
  Limits limits;
  limits.max_line_length = 100;
  const std::string message = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nX-Long: " + std::string(200, 'x') +
                              "\r\n\r\nbody\r\n--b--\r\n";
  auto parsed = parse_message(message, limits);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error(), (ParseError{150, "header line of at most 100 octets"}));
}

std::string nested_multiparts(int depth) {
  std::string message;
  for (int i = 0; i < depth; ++i)
    message += "Content-Type: multipart/mixed; boundary=b" + std::to_string(i) + "\r\n\r\n--b" + std::to_string(i) + "\r\n";
  message += "Content-Type: text/plain\r\n\r\ninnermost";
  for (int i = depth - 1; i >= 0; --i) message += "\r\n--b" + std::to_string(i) + "--";
  return message;
}

TEST(MimeStructure, EnforcesTheDepthLimit) {
  // The root is depth 0; each multipart level adds one.
  Limits limits;
  limits.max_depth = 5;
  auto at_limit = parse_message(nested_multiparts(5), limits);
  ASSERT_TRUE(at_limit) << at_limit.error().message();
  const Part* part = &at_limit->root;
  for (int i = 0; i < 5; ++i) part = &part->parts.at(0);
  EXPECT_EQ(part->body.in(nested_multiparts(5)), "innermost");

  const std::string too_deep = nested_multiparts(6);
  auto parsed = parse_message(too_deep, limits);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().expected, "body parts nested at most 5 deep");
  EXPECT_EQ(parsed.error().offset, too_deep.rfind("Content-Type: text/plain"));
}

TEST(MimeStructure, DefaultDepthLimitStopsHostileNesting) {
  const std::string hostile = nested_multiparts(5000);
  auto parsed = parse_message(hostile);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().expected, "body parts nested at most 32 deep");
}

TEST(MimeStructure, DepthLimitCountsEncapsulatedMessages) {
  std::string message;
  for (int i = 0; i < 40; ++i) message += "Content-Type: message/rfc822\r\n\r\n";
  message += "Subject: bottom\r\n\r\nx";
  auto parsed = parse_message(message);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error(), (ParseError{33 * 32, "body parts nested at most 32 deep"}));
}

TEST(MimeStructure, EnforcesThePartCountLimit) {
  Limits limits;
  limits.max_parts = 3;
  const std::string two_parts = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n1\r\n--b\r\n\r\n2\r\n--b--";
  EXPECT_TRUE(parse_message(two_parts, limits));
  const std::string three_parts =
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n1\r\n--b\r\n\r\n2\r\n--b\r\n\r\n3\r\n--b--";
  auto parsed = parse_message(three_parts, limits);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().expected, "at most 3 body parts");
}

TEST(MimeStructure, ReportsEncodedCompositeEntities) {
  auto parsed = parse_message(
      "Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\nU3ViamVjdDogeA0KDQp5\r\n");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->root.kind, Part::Kind::message);
  ASSERT_EQ(parsed->anomalies.size(), 2u);
  EXPECT_EQ(parsed->anomalies[0].kind, AnomalyKind::encoded_composite);
  EXPECT_EQ(parsed->anomalies[1].kind, AnomalyKind::invalid_part_header);  // base64 is not a header
}

TEST(MimeStructure, CountsLines) {
  EXPECT_EQ(count_lines(""), 0u);
  EXPECT_EQ(count_lines("one"), 1u);
  EXPECT_EQ(count_lines("one\r\n"), 1u);
  EXPECT_EQ(count_lines("one\r\ntwo"), 2u);
  EXPECT_EQ(count_lines("\r\n\r\n"), 2u);
}

}  // namespace
}  // namespace conformance::codec::mime
