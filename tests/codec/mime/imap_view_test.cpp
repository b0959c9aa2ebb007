#include "harness/codec/mime/imap_view.hpp"

#include <gtest/gtest.h>

#include "tests/codec/mime/crlf.hpp"
#include "tests/codec/mime/report_message.hpp"

namespace conformance::codec::mime {
namespace {

using testing::crlf;
using testing::report_message;

imap::Address addr(imap::NString name, std::string mailbox, std::string host) {
  return imap::Address{std::move(name), std::nullopt, std::move(mailbox), std::move(host)};
}

imap::BodyExtensionData no_extension_values() {
  imap::BodyExtensionData ext;
  ext.fields = 4;
  return ext;
}

imap::BodyStructure text_plain(imap::BodyParams params, std::string encoding, std::uint32_t size, std::uint32_t lines) {
  imap::BodyStructure body;
  body.type = "TEXT";
  body.subtype = "PLAIN";
  body.params = std::move(params);
  body.encoding = std::move(encoding);
  body.size = size;
  body.lines = lines;
  body.extension = no_extension_values();
  return body;
}

using Params = std::vector<std::pair<std::string, std::string>>;

TEST(MimeImapView, ComputesEnvelopeAndBodyStructureOfMixedMessage) {
  const std::string& message = report_message();
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed) << parsed.error().message();

  imap::Envelope envelope;
  envelope.date = "Mon, 7 Feb 1994 21:52:25 -0800";
  envelope.subject = "Report";
  envelope.from = {addr("Alice", "alice", "example.org")};
  envelope.sender = envelope.from;
  envelope.reply_to = envelope.from;
  envelope.to = {addr("Bob", "bob", "example.net")};
  envelope.message_id = "<report-1@example.org>";
  EXPECT_EQ(compute_envelope(parsed->root.fields), envelope);

  // Part 1: text/plain as written; 25 octets ("Hello Bob,\r\nsee attached.",
  // the CRLF before the delimiter belongs to the delimiter) in 2 lines.
  imap::BodyStructure part1;
  part1.type = "text";
  part1.subtype = "plain";
  part1.params = Params{{"charset", "utf-8"}};
  part1.encoding = "7BIT";
  part1.size = 25;
  part1.lines = 2;
  part1.extension = no_extension_values();

  // Part 2: the attachment, with id, description, encoding and disposition.
  imap::BodyStructure part2;
  part2.type = "application";
  part2.subtype = "pdf";
  part2.params = Params{{"name", "report.pdf"}};
  part2.id = "<att1@example.org>";
  part2.description = "The report";
  part2.encoding = "base64";
  part2.size = 12;
  part2.extension = no_extension_values();
  part2.extension->disposition = imap::BodyDisposition{"attachment", Params{{"filename", "report.pdf"}}};

  // Part 3: message/rfc822 with the inner envelope, body and line count
  // (100 octets in 5 lines: three fields, the blank line, "Old text.").
  imap::Envelope inner_envelope;
  inner_envelope.date = "Sun, 6 Feb 1994 10:00:00 +0000";
  inner_envelope.subject = "Earlier";
  inner_envelope.from = {addr("Carol", "carol", "example.com")};
  inner_envelope.sender = inner_envelope.from;
  inner_envelope.reply_to = inner_envelope.from;
  imap::BodyStructure part3;
  part3.type = "message";
  part3.subtype = "rfc822";
  part3.encoding = "7BIT";
  part3.size = 100;
  part3.message = imap::EncapsulatedMessage{
      inner_envelope, Box<imap::BodyStructure>(text_plain(Params{{"CHARSET", "US-ASCII"}}, "7BIT", 9, 1)), 5};
  part3.extension = no_extension_values();

  imap::BodyStructure root;
  root.type = "MULTIPART";
  root.subtype = "mixed";
  root.parts = {part1, part2, part3};
  root.extension = no_extension_values();
  root.extension->params = Params{{"boundary", "outer"}};

  const imap::BodyStructure computed = compute_body_structure(parsed->root, message);
  ASSERT_EQ(computed.parts.size(), 3u);
  EXPECT_EQ(computed.parts[0], part1);
  EXPECT_EQ(computed.parts[1], part2);
  EXPECT_EQ(computed.parts[2], part3);
  EXPECT_EQ(computed, root);
}

TEST(MimeImapView, BodyHasNoExtensionData) {
  auto parsed = parse_message(report_message());
  ASSERT_TRUE(parsed);
  BodyStructureOptions options;
  options.extension_data = false;
  const imap::BodyStructure body = compute_body_structure(parsed->root, report_message(), options);
  EXPECT_FALSE(body.extension);
  EXPECT_FALSE(body.parts[1].extension);
  EXPECT_FALSE((*body.parts[2].message->body).extension);
}

TEST(MimeImapView, DefaultsOfAMessageWithoutMimeHeaders) {
  // RFC 9051 §7.5.2's example shape: ("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" size lines).
  const std::string message = "Subject: plain\r\n\r\nline one\r\nline two\r\n";
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(compute_body_structure(parsed->root, message), text_plain(Params{{"CHARSET", "US-ASCII"}}, "7BIT", 20, 2));
}

TEST(MimeImapView, BodyStructureOfTheRfc2046Example) {
  const std::string message = crlf(
      "Content-type: multipart/mixed; boundary=\"simple boundary\"\n\n"
      "preamble\n\n--simple boundary\n\nThis is implicitly typed plain US-ASCII text.\nIt does NOT end with a linebreak.\n"
      "--simple boundary\nContent-type: text/plain; charset=us-ascii\n\n"
      "This is explicitly typed plain US-ASCII text.\nIt DOES end with a linebreak.\n\n--simple boundary--\n\nepilogue\n");
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  const imap::BodyStructure body = compute_body_structure(parsed->root, message);
  ASSERT_EQ(body.parts.size(), 2u);
  EXPECT_EQ(body.parts[0], text_plain(Params{{"CHARSET", "US-ASCII"}}, "7BIT", 80, 2));
  imap::BodyStructure second = text_plain(Params{{"charset", "us-ascii"}}, "7BIT", 78, 2);
  second.type = "text";
  second.subtype = "plain";
  EXPECT_EQ(body.parts[1], second);
  EXPECT_EQ(body.subtype, "mixed");
  EXPECT_EQ(body.extension->params, (imap::BodyParams{Params{{"boundary", "simple boundary"}}}));
}

TEST(MimeImapView, DigestPartsAreMessages) {
  const std::string message = crlf("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: one\n\nbody\n--d--\n");
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  const imap::BodyStructure body = compute_body_structure(parsed->root, message);
  ASSERT_EQ(body.parts.size(), 1u);
  EXPECT_EQ(body.parts[0].type, "MESSAGE");
  EXPECT_EQ(body.parts[0].subtype, "RFC822");
  EXPECT_FALSE(body.parts[0].params);
  ASSERT_TRUE(body.parts[0].message);
  EXPECT_EQ(body.parts[0].message->envelope.subject, "one");
  EXPECT_EQ(body.parts[0].message->lines, 3u);
}

TEST(MimeImapView, MultipartWithoutPartsGetsAnEmptyTextPart) {
  const std::string message = "Content-Type: multipart/mixed; boundary=b\r\n\r\nnothing\r\n";
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  const imap::BodyStructure body = compute_body_structure(parsed->root, message);
  ASSERT_EQ(body.parts.size(), 1u);
  EXPECT_EQ(body.parts[0].type, "TEXT");
  EXPECT_EQ(body.parts[0].size, 0u);
  EXPECT_EQ(body.parts[0].lines, 0u);
}

TEST(MimeImapView, ExtensionDataOfASinglePart) {
  const std::string message = crlf(
      "Content-Type: text/html; charset=utf-8\n"
      "Content-MD5: 1B2M2Y8AsgTpgAmY7PhCfg==\n"
      "Content-Disposition: inline\n"
      "Content-Language: en, de\n"
      "Content-Location: http://example.com/\n"
      "  index.html\n"
      "\n"
      "<p>hi</p>\n");
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  const imap::BodyStructure body = compute_body_structure(parsed->root, message);
  ASSERT_TRUE(body.extension);
  EXPECT_EQ(body.extension->fields, 4);
  EXPECT_EQ(body.extension->md5, "1B2M2Y8AsgTpgAmY7PhCfg==");
  EXPECT_EQ(body.extension->disposition, (imap::BodyDisposition{"inline", std::nullopt}));
  EXPECT_EQ(body.extension->language, (std::vector<std::string>{"en", "de"}));
  EXPECT_EQ(body.extension->location, "http://example.com/index.html");
  EXPECT_EQ(body.lines, 1u);
}

TEST(MimeImapView, DecodesRfc2231ParametersAsRfc9051Asks) {
  const std::string message = crlf(
      "Content-Type: application/x-stuff;\n"
      " title*0*=us-ascii'en'This%20is%20even%20more%20;\n"
      " title*1*=%2A%2A%2Afun%2A%2A%2A%20;\n"
      " title*2=\"isn't it!\";\n"
      " URL*0=\"ftp://\"; URL*1=\"example.com/\"\n"
      "Content-Disposition: attachment; filename*=iso-8859-1''%E9t%E9.txt\n"
      "\n"
      "x");
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  const imap::BodyStructure body = compute_body_structure(parsed->root, message);
  EXPECT_EQ(body.params, (imap::BodyParams{Params{{"title*", "This is even more ***fun*** isn't it!"},
                                                  {"URL", "ftp://example.com/"}}}));
  EXPECT_EQ(body.extension->disposition,
            (imap::BodyDisposition{"attachment", Params{{"filename*", "\xC3\xA9t\xC3\xA9.txt"}}}));

  BodyStructureOptions raw;
  raw.decode_parameters = false;
  const imap::BodyStructure undecoded = compute_body_structure(parsed->root, message, raw);
  ASSERT_TRUE(undecoded.params);
  EXPECT_EQ(undecoded.params->size(), 5u);
  EXPECT_EQ(undecoded.params->at(0).first, "title*0*");
}

TEST(MimeImapView, KeepsUnconvertibleExtendedParametersInRfc2231Form) {
  const std::string message = "Content-Type: text/plain; name*=koi8-r'ru'%D4%C5\r\n\r\nx";
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(compute_body_structure(parsed->root, message).params,
            (imap::BodyParams{Params{{"name*", "koi8-r'ru'%D4%C5"}}}));
}

TEST(MimeImapView, EnvelopeKeepsEncodedWordsAndUnfolds) {
  auto header = parse_header_section(crlf(
      "Subject: =?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\n"
      "    =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=\n"
      "From: =?ISO-8859-1?Q?Olle_J=E4rnefors?= <ojarnef@admin.kth.se>\n\n"));
  ASSERT_TRUE(header);
  const imap::Envelope envelope = compute_envelope(*header);
  EXPECT_EQ(envelope.subject,
            "=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=    =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=");
  EXPECT_EQ(envelope.from, (imap::AddressList{addr("=?ISO-8859-1?Q?Olle_J=E4rnefors?=", "ojarnef", "admin.kth.se")}));
}

TEST(MimeImapView, EnvelopeDistinguishesAbsentFromEmpty) {
  auto header = parse_header_section("Subject:\r\nIn-Reply-To:   \r\nFrom: a@b\r\nSender:\r\nTo:\r\n\r\n");
  ASSERT_TRUE(header);
  const imap::Envelope envelope = compute_envelope(*header);
  EXPECT_EQ(envelope.subject, "");
  EXPECT_EQ(envelope.in_reply_to, "");
  EXPECT_EQ(envelope.date, std::nullopt);
  EXPECT_EQ(envelope.message_id, std::nullopt);
  EXPECT_EQ(envelope.sender, envelope.from);  // present but empty: as From
  EXPECT_TRUE(envelope.to.empty());           // present but empty: NIL
}

TEST(MimeImapView, EnvelopeOfUnparseableAddressesIsNil) {
  auto header = parse_header_section("From: not an address\r\nTo: ok@example.com\r\n\r\n");
  ASSERT_TRUE(header);
  const imap::Envelope envelope = compute_envelope(*header);
  EXPECT_TRUE(envelope.from.empty());
  EXPECT_TRUE(envelope.sender.empty());
  EXPECT_EQ(envelope.to, (imap::AddressList{addr(std::nullopt, "ok", "example.com")}));
}

}  // namespace
}  // namespace conformance::codec::mime
