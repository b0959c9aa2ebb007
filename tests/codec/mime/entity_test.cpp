#include "harness/codec/mime/entity.hpp"

#include <gtest/gtest.h>

#include "harness/codec/mime/builder.hpp"
#include "harness/codec/mime/encoded_word.hpp"
#include "harness/codec/mime/imap_view.hpp"
#include "harness/codec/mime/rfc2231.hpp"
#include "harness/codec/mime/section.hpp"
#include "harness/codec/mime/transfer_encoding.hpp"
#include "tests/codec/mime/crlf.hpp"
#include "tests/codec/mime/report_message.hpp"

namespace conformance::codec::mime {
namespace {

using testing::crlf;

Entity parse_ok(std::string_view bytes) {
  auto entity = parse_entity(bytes);
  EXPECT_TRUE(entity) << entity.error().message();
  return entity ? std::move(*entity) : Entity{};
}

TEST(MimeEntity, ParsedMessageSerializesBackByteForByte) {
  const std::string& message = testing::report_message();
  const Entity entity = parse_ok(message);
  EXPECT_EQ(entity.kind, Entity::Kind::multipart);
  ASSERT_EQ(entity.parts.size(), 3u);
  EXPECT_EQ(entity.preamble, "preamble");
  EXPECT_EQ(entity.epilogue, "\r\n");
  EXPECT_EQ(entity.parts[1].body, "JVBERi0xLjQK");
  ASSERT_TRUE(entity.parts[2].message);
  EXPECT_EQ((*entity.parts[2].message)->body, "Old text.");
  EXPECT_EQ(serialize_entity(entity), message);
}

TEST(MimeEntity, RoundTripsMissingFinalBoundaryAndEmptyPreamble) {
  const std::string message = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nunfinished";
  const Entity entity = parse_ok(message);
  EXPECT_FALSE(entity.closed);
  EXPECT_EQ(serialize_entity(entity), message);
  EXPECT_EQ(parse_ok(serialize_entity(entity)), entity);
}

TEST(MimeEntity, NormalizesDelimiterLinesButKeepsTheStructure) {
  const std::string message = "Content-Type: multipart/mixed; boundary=b\n\n\n--b  \n\none\n--b\n\ntwo\n--b--";
  const Entity entity = parse_ok(message);
  const std::string written = serialize_entity(entity);
  EXPECT_EQ(written, "Content-Type: multipart/mixed; boundary=b\n\n--b\r\n\none\r\n--b\r\n\ntwo\r\n--b--");
  EXPECT_EQ(parse_ok(written), entity);
}

TEST(MimeBuilder, TextPartUsesSevenBitWhenItCan) {
  const Entity part = make_text_part("Hello\nworld");
  EXPECT_EQ(serialize_entity(part),
            "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\nHello\r\nworld");
}

TEST(MimeBuilder, TextPartUsesQuotedPrintableForUtf8) {
  const Entity part = make_text_part("caf\xC3\xA9\r\n", "html");
  EXPECT_EQ(serialize_entity(part),
            "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\ncaf=C3=A9\r\n");
}

TEST(MimeBuilder, AttachmentIsBase64WithRfc2231Filename) {
  const Entity part = make_attachment("r\xC3\xA9sum\xC3\xA9.pdf", "application/pdf", "%PDF-1.4\n");
  EXPECT_EQ(serialize_entity(part),
            "Content-Type: application/pdf; name*=utf-8''r%C3%A9sum%C3%A9.pdf\r\n"
            "Content-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9.pdf\r\n"
            "Content-Transfer-Encoding: base64\r\n"
            "\r\n"
            "JVBERi0xLjQK\r\n");
}

TEST(MimeBuilder, AttachmentFallsBackToOctetStream) {
  const Entity part = make_attachment("a.bin", "not a media type", "x");
  EXPECT_EQ(part.header.fields[0].unfolded(), "application/octet-stream; name=a.bin");
}

TEST(MimeBuilder, MultipartBoundaryAvoidsThePartsContent) {
  const Entity first = make_text_part("one");
  const Entity probe = make_multipart("mixed", {first});
  const std::string taken = boundary_of(probe);
  ASSERT_FALSE(taken.empty());
  // A part that happens to contain that boundary forces another choice.
  Entity sneaky = make_text_part("--" + taken);
  const Entity multipart = make_multipart("mixed", {first, sneaky});
  EXPECT_NE(boundary_of(multipart), "");
  EXPECT_EQ(serialize_entity(sneaky).find("--" + boundary_of(multipart)), std::string::npos);
  EXPECT_EQ(parse_ok(serialize_entity(multipart)), multipart);
}

TEST(MimeBuilder, ComposesAMessageThatParsesBackToTheSameStructure) {
  MessageFields fields;
  fields.date = DateTime{4, 21, 11, 1997, 9, 55, 6, -360, false};
  fields.from = {Mailbox{"John Doe", {}, "jdoe", "machine.example"}};
  fields.to = {Mailbox{"Mary Smith", {}, "mary", "example.net"}, Group{"Friends", {}}};
  fields.message_id = MessageId{"1234", "local.machine.example"};
  fields.subject = "Caf\xC3\xA9 menu";
  fields.extra = {{"X-Mailer", "conformance"}};

  Entity inner = compose_message(MessageFields{}, make_text_part("forwarded text\n"));
  const Entity message = compose_message(
      fields, make_multipart("mixed", {make_text_part("See attached.\n"),
                                       make_attachment("menu.pdf", "application/pdf", std::string(300, '\x01')),
                                       make_message_part(inner)}));
  const std::string bytes = serialize_entity(message);
  EXPECT_EQ(bytes.substr(0, 38), "Date: Fri, 21 Nov 1997 09:55:06 -0600\r");
  EXPECT_EQ(parse_ok(bytes), message);

  auto parsed = parse_message(bytes);
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->anomalies.empty());
  const imap::Envelope envelope = compute_envelope(parsed->root.fields);
  EXPECT_EQ(envelope.subject, "=?UTF-8?Q?Caf=C3=A9_menu?=");
  EXPECT_EQ(decode_encoded_words(*envelope.subject).text, "Caf\xC3\xA9 menu");
  ASSERT_EQ(envelope.to.size(), 3u);
  EXPECT_TRUE(envelope.to[1].is_group_start());
  const imap::BodyStructure body = compute_body_structure(parsed->root, bytes);
  ASSERT_EQ(body.parts.size(), 3u);
  EXPECT_EQ(body.parts[1].encoding, "base64");
  EXPECT_EQ(body.parts[2].type, "message");
  auto attachment = fetch_section(*parsed, bytes, SectionSpec{{2}, SectionSpec::Text::none, {}});
  ASSERT_TRUE(attachment);
  EXPECT_EQ(*decode_body(*attachment, "base64"), std::string(300, '\x01'));
  auto forwarded = fetch_section(*parsed, bytes, SectionSpec{{3}, SectionSpec::Text::text, {}});
  ASSERT_TRUE(forwarded);
  EXPECT_EQ(*forwarded, "forwarded text\r\n");
}

}  // namespace
}  // namespace conformance::codec::mime
