// FETCH responses: every message data item, ENVELOPE and BODYSTRUCTURE
// (RFC 9051 §7.5.2, RFC 3501 §7.4.2, RFC 3516, RFC 7162, RFC 8474, RFC
// 8514, RFC 8970), and the ways a server can break them.
#include <gtest/gtest.h>

#include "harness/codec/imap/response/message_structure_codec.hpp"
#include "test_support.hpp"

namespace conformance::codec::imap {
namespace {

using namespace std::string_literals;
using test::expect_round_trip;
using test::parse_as;
using test::parse_error;
using test::parse_ok;

BodyStructure body_of(const std::string& frame) {
  const auto fetch = parse_as<FetchData>(frame);
  const auto* body = fetch.get<FetchBody>();
  EXPECT_NE(body, nullptr);
  return body ? body->structure : BodyStructure{};
}

TEST(ImapFetch, ParsesFlagsSizeAndUid) {
  // RFC 9051 §7.5.2
  const auto fetch = parse_as<FetchData>("* 23 FETCH (FLAGS (\\Seen) RFC822.SIZE 44827 UID 447)\r\n");
  EXPECT_EQ(fetch.sequence, 23u);
  ASSERT_EQ(fetch.items.size(), 3u);
  EXPECT_EQ(std::get<FetchFlags>(fetch.items[0]).flags, (std::vector<std::string>{"\\Seen"}));
  EXPECT_EQ(std::get<FetchRfc822Size>(fetch.items[1]).size, 44827u);
  EXPECT_EQ(std::get<FetchUid>(fetch.items[2]).uid, 447u);
  EXPECT_EQ(serialize_response(fetch), "* 23 FETCH (FLAGS (\\Seen) RFC822.SIZE 44827 UID 447)\r\n");
}

TEST(ImapFetch, ParsesRecentFlagOfRfc3501AndEmptyFlags) {
  EXPECT_EQ(parse_as<FetchData>("* 1 FETCH (FLAGS (\\Recent $Forwarded))\r\n").get<FetchFlags>()->flags,
            (std::vector<std::string>{"\\Recent", "$Forwarded"}));
  EXPECT_TRUE(parse_as<FetchData>("* 1 FETCH (FLAGS ())\r\n").get<FetchFlags>()->flags.empty());
}

TEST(ImapFetch, ParsesInternalDate) {
  const auto fetch = parse_as<FetchData>("* 1 FETCH (INTERNALDATE \" 7-Feb-1994 21:52:25 -0800\")\r\n");
  const DateTime& date = fetch.get<FetchInternalDate>()->date;
  EXPECT_EQ(date.date, (Date{7, 2, 1994}));
  EXPECT_EQ(date.zone_minutes, -480);
  EXPECT_TRUE(date.day_space_padded);
  expect_round_trip(fetch);
}

TEST(ImapFetch, ParsesSimpleTextBodyStructure) {
  // RFC 9051 §7.5.2
  const BodyStructure body =
      body_of("* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 2279 48))\r\n");
  EXPECT_EQ(body.type, "TEXT");
  EXPECT_EQ(body.subtype, "PLAIN");
  ASSERT_TRUE(body.params.has_value());
  EXPECT_EQ(*body.params, (std::vector<std::pair<std::string, std::string>>{{"CHARSET", "US-ASCII"}}));
  EXPECT_EQ(body.id, std::nullopt);
  EXPECT_EQ(body.encoding, "7BIT");
  EXPECT_EQ(body.size, 2279u);
  EXPECT_EQ(body.lines, 48u);
  EXPECT_FALSE(body.extension.has_value());
  EXPECT_FALSE(body.is_multipart());
}

TEST(ImapFetch, ParsesMultipartBodyStructureExample) {
  // RFC 9051 §7.5.2 (RFC 3501 §7.4.2): a text and a base64 text attachment.
  const BodyStructure body = body_of(
      "* 5 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23)"
      "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") "
      "\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\"))\r\n");
  ASSERT_TRUE(body.is_multipart());
  EXPECT_EQ(body.type, "MULTIPART");
  EXPECT_EQ(body.subtype, "MIXED");
  ASSERT_EQ(body.parts.size(), 2u);
  EXPECT_EQ(body.parts[0].size, 1152u);
  EXPECT_EQ(body.parts[0].lines, 23u);
  const BodyStructure& attachment = body.parts[1];
  EXPECT_EQ((*attachment.params)[1], (std::pair<std::string, std::string>{"NAME", "cc.diff"}));
  EXPECT_EQ(attachment.id, "<960723163407.20117h@cac.washington.edu>");
  EXPECT_EQ(attachment.description, "Compiler diff");
  EXPECT_EQ(attachment.encoding, "BASE64");
  EXPECT_EQ(attachment.size, 4554u);
  EXPECT_EQ(attachment.lines, 73u);
}

TEST(ImapFetch, ParsesNestedMessageAndAllExtensionData) {
  const std::string frame =
      "* 7 FETCH (UID 9 BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 512 12 "
      "\"Q2hlY2sgSW50ZWdyaXR5IQ==\" NIL \"en\" NIL)"
      "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 1024 (\"Mon, 7 Feb 1994 21:52:25 -0800\" \"Re: test\" "
      "((\"Fred\" NIL \"fred\" \"example.org\")) NIL NIL NIL NIL NIL NIL \"<1@example.org>\") "
      "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 300 8) 20 NIL (\"attachment\" "
      "(\"filename\" \"fwd.eml\")) NIL NIL) \"mixed\" (\"boundary\" \"xyz\") (\"inline\" NIL) (\"en\" \"de\") "
      "\"http://example.org/loc\" 42 (\"x\" (1 NIL))))\r\n";
  const BodyStructure body = body_of(frame);
  ASSERT_EQ(body.parts.size(), 2u);

  const BodyStructure& text = body.parts[0];
  ASSERT_TRUE(text.extension.has_value());
  EXPECT_EQ(text.extension->fields, 4);
  EXPECT_EQ(text.extension->md5, "Q2hlY2sgSW50ZWdyaXR5IQ==");
  EXPECT_EQ(text.extension->language, (std::vector<std::string>{"en"}));

  const BodyStructure& forwarded = body.parts[1];
  ASSERT_TRUE(forwarded.message.has_value());
  EXPECT_EQ(forwarded.message->envelope.subject, "Re: test");
  ASSERT_EQ(forwarded.message->envelope.from.size(), 1u);
  EXPECT_EQ(forwarded.message->envelope.from[0].host, "example.org");
  EXPECT_EQ(forwarded.message->body->subtype, "html");
  EXPECT_EQ(forwarded.message->lines, 20u);
  ASSERT_TRUE(forwarded.extension->disposition.has_value());
  EXPECT_EQ(forwarded.extension->disposition->type, "attachment");
  EXPECT_EQ(forwarded.extension->fields, 4);

  ASSERT_TRUE(body.extension.has_value());
  EXPECT_EQ((*body.extension->params)[0].second, "xyz");
  EXPECT_EQ(body.extension->disposition->params, std::nullopt);
  EXPECT_EQ(body.extension->language, (std::vector<std::string>{"en", "de"}));
  EXPECT_EQ(body.extension->location, "http://example.org/loc");
  ASSERT_EQ(body.extension->extensions.size(), 2u);
  EXPECT_EQ(body.extension->extensions[0].kind, BodyExtension::Kind::number);
  EXPECT_EQ(body.extension->extensions[0].number, 42u);
  EXPECT_EQ(body.extension->extensions[1].list[1].list[1].kind, BodyExtension::Kind::nstring);
  expect_round_trip(parse_ok(frame));
}

TEST(ImapFetch, ParsesMessageGlobalWithAndWithoutEnvelope) {
  const BodyStructure with = body_of(
      "* 1 FETCH (BODY (\"MESSAGE\" \"GLOBAL\" NIL NIL NIL \"8BIT\" 10 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) "
      "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"8BIT\" 4 1) 1))\r\n");
  EXPECT_TRUE(with.message.has_value());
  // An IMAP4rev1 server describes message/global as a basic part.
  const BodyStructure without = body_of("* 1 FETCH (BODY (\"MESSAGE\" \"GLOBAL\" NIL NIL NIL \"8BIT\" 10))\r\n");
  EXPECT_FALSE(without.message.has_value());
}

TEST(ImapFetch, ParsesEnvelopeWithGroupSyntax) {
  const auto fetch = parse_as<FetchData>(
      "* 2 FETCH (ENVELOPE (\"Tue, 1 Jan 2030 00:00:00 +0000\" \"\" NIL NIL NIL "
      "((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) NIL NIL NIL NIL))\r\n");
  const Envelope& envelope = fetch.get<FetchEnvelope>()->envelope;
  EXPECT_EQ(envelope.subject, "");
  EXPECT_TRUE(envelope.from.empty());
  ASSERT_EQ(envelope.to.size(), 2u);
  EXPECT_TRUE(envelope.to[0].is_group_start());
  EXPECT_TRUE(envelope.to[1].is_group_end());
  EXPECT_EQ(envelope.message_id, std::nullopt);
  expect_round_trip(fetch);
}

TEST(ImapFetch, ParsesBodySectionsWithOriginAndLiteral) {
  const auto fetch = parse_as<FetchData>(
      "* 3 FETCH (BODY[HEADER.FIELDS (DATE FROM)] {18}\r\nDate: x\r\nFrom: y\r\n BODY[1.2]<0> \"abc\" "
      "BODY[TEXT] NIL)\r\n");
  ASSERT_EQ(fetch.items.size(), 3u);
  const auto& header = std::get<FetchBodySection>(fetch.items[0]);
  EXPECT_EQ(header.section.text, Section::Text::header_fields);
  EXPECT_EQ(header.section.header_fields, (std::vector<std::string>{"DATE", "FROM"}));
  EXPECT_EQ(header.data, "Date: x\r\nFrom: y\r\n");
  EXPECT_EQ(header.form, StringForm::literal);
  EXPECT_FALSE(header.origin.has_value());
  const auto& part = std::get<FetchBodySection>(fetch.items[1]);
  EXPECT_EQ(part.section.part, (std::vector<std::uint32_t>{1, 2}));
  EXPECT_EQ(part.origin, 0u);
  EXPECT_EQ(part.data, "abc");
  EXPECT_EQ(part.form, StringForm::quoted);
  EXPECT_EQ(std::get<FetchBodySection>(fetch.items[2]).data, std::nullopt);
  expect_round_trip(fetch);
}

TEST(ImapFetch, ParsesRfc822Items) {
  const auto fetch =
      parse_as<FetchData>("* 4 FETCH (RFC822.HEADER {4}\r\nA: b RFC822.TEXT \"body\" RFC822 NIL)\r\n");
  EXPECT_EQ(std::get<FetchRfc822>(fetch.items[0]).part, FetchRfc822::Part::header);
  EXPECT_EQ(std::get<FetchRfc822>(fetch.items[0]).data, "A: b");
  EXPECT_EQ(std::get<FetchRfc822>(fetch.items[1]).part, FetchRfc822::Part::text);
  EXPECT_EQ(std::get<FetchRfc822>(fetch.items[2]).part, FetchRfc822::Part::message);
  expect_round_trip(fetch);
}

TEST(ImapFetch, ParsesBinaryItems) {
  // RFC 3516 §4.2: literal8 carries NUL octets.
  const auto fetch =
      parse_as<FetchData>("* 5 FETCH (BINARY[1] ~{4}\r\nA\0B\0 BINARY.SIZE[1] 4 BINARY[2]<10> \"x\")\r\n"s);
  const auto& binary = std::get<FetchBinary>(fetch.items[0]);
  EXPECT_EQ(binary.part, (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(binary.data, "A\0B\0"s);
  EXPECT_EQ(binary.form, StringForm::literal8);
  EXPECT_EQ(std::get<FetchBinarySize>(fetch.items[1]).size, 4u);
  EXPECT_EQ(std::get<FetchBinary>(fetch.items[2]).origin, 10u);
  expect_round_trip(fetch);
}

TEST(ImapFetch, ParsesModseqObjectIdsSavedateAndPreview) {
  // RFC 7162 §3.1.4, RFC 8474 §5.3, RFC 8514 §4, RFC 8970 §3.
  EXPECT_EQ(parse_as<FetchData>("* 49 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045001))\r\n")
                .get<FetchModSeq>()
                ->modseq,
            90060115194045001u);
  const auto ids = parse_as<FetchData>("* 1 FETCH (EMAILID (M6d99ac3275bb4e) THREADID (T64b478a75b7ea9))\r\n");
  EXPECT_EQ(ids.get<FetchEmailId>()->id, "M6d99ac3275bb4e");
  EXPECT_EQ(ids.get<FetchThreadId>()->id, "T64b478a75b7ea9");
  EXPECT_EQ(parse_as<FetchData>("* 1 FETCH (EMAILID (M00000001) THREADID NIL)\r\n").get<FetchThreadId>()->id,
            std::nullopt);
  const auto saved = parse_as<FetchData>("* 1 FETCH (SAVEDATE NIL PREVIEW \"Preview text!\")\r\n");
  EXPECT_FALSE(saved.get<FetchSaveDate>()->date.has_value());
  EXPECT_EQ(saved.get<FetchPreview>()->text, "Preview text!");
  expect_round_trip(ids);
  expect_round_trip(saved);
}

TEST(ImapFetch, RejectsUnknownAttributeAtItsOffset) {
  const ParseError error = parse_error("* 1 FETCH (UID 5 X-GM-MSGID 1278455344230334865)\r\n");
  EXPECT_EQ(error.offset, 17u);
  EXPECT_NE(error.expected.find("FETCH data item"), std::string::npos);
}

TEST(ImapFetch, RejectsEmptyAttributeList) {
  EXPECT_EQ(parse_error("* 1 FETCH ()\r\n").offset, 11u);
}

TEST(ImapFetch, RejectsUnbalancedParentheses) {
  const ParseError missing_close = parse_error("* 1 FETCH (UID 5\r\n");
  EXPECT_EQ(missing_close.offset, 16u);
  EXPECT_EQ(missing_close.expected, "')'");
  const ParseError extra_close = parse_error("* 1 FETCH (UID 5))\r\n");
  EXPECT_EQ(extra_close.offset, 17u);
  EXPECT_EQ(extra_close.expected, "CRLF");
}

TEST(ImapFetch, RejectsLiteral8OutsideBinary) {
  const ParseError error = parse_error("* 1 FETCH (BODY[] ~{1}\r\nx)\r\n");
  EXPECT_EQ(error.offset, 18u);
}

TEST(ImapFetch, RejectsTextPartWithoutLines) {
  const ParseError error = parse_error("* 1 FETCH (BODY (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10))\r\n");
  EXPECT_EQ(error.offset, 53u);
}

TEST(ImapFetch, RejectsNestingOverTheBodyDepthLimit) {
  // message/rfc822 inside message/rfc822 ... 40 deep, over the default 32.
  std::string body = "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)";
  const std::string envelope = "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)";
  for (int i = 0; i < 40; ++i) body = "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 1 " + envelope + " " + body + " 1)";
  const std::string frame = "* 1 FETCH (BODYSTRUCTURE " + body + ")\r\n";
  ParseOptions options;
  options.limits.max_list_depth = 200;
  const ParseError error = parse_error(frame, options);
  EXPECT_EQ(error.expected, "body structure nested at most 32 deep");

  ParseOptions roomy = options;
  roomy.limits.max_body_depth = 64;
  EXPECT_TRUE(parse_response(frame, roomy).ok());
}

TEST(ImapFetch, RejectsListNestingOverTheReaderDepthLimit) {
  std::string extension = "1";
  for (int i = 0; i < 100; ++i) extension = "(" + extension + ")";
  const std::string frame =
      "* 1 FETCH (BODYSTRUCTURE (\"A\" \"B\" NIL NIL NIL \"7BIT\" 1 NIL NIL NIL NIL " + extension + "))\r\n";
  const ParseError error = parse_error(frame);
  EXPECT_EQ(error.expected, "list nested at most 64 deep");
}

TEST(ImapFetch, EnforcesTheElementBudget) {
  ParseOptions options;
  options.limits.max_elements = 3;
  const ParseError error = parse_error("* SEARCH 1 2 3 4\r\n", options);
  EXPECT_EQ(error.expected, "at most 3 list elements in one response");
}

TEST(ImapFetch, WritesHandBuiltFetchCanonically) {
  Envelope envelope;
  envelope.date = "Wed, 17 Jul 1996 02:23:25 -0700 (PDT)";
  envelope.subject = "IMAP4rev1 WG mtg summary and minutes";
  envelope.from = {{"Terry Gray", std::nullopt, "gray", "cac.washington.edu"}};
  envelope.message_id = "<B27397-0100000@cac.washington.edu>";
  BodyStructure text;
  text.type = "TEXT";
  text.subtype = "PLAIN";
  text.params = std::vector<std::pair<std::string, std::string>>{{"CHARSET", "US-ASCII"}};
  text.encoding = "7BIT";
  text.size = 3028;
  text.lines = 92;
  FetchData fetch;
  fetch.sequence = 12;
  fetch.items = {FetchUid{7}, FetchEnvelope{envelope}, FetchBody{text, false},
                 FetchBodySection{Section{}, std::nullopt, "Subj\xC3\xA9", StringForm::atom}};
  EXPECT_EQ(serialize_response(fetch),
            "* 12 FETCH (UID 7 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and "
            "minutes\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) NIL NIL NIL NIL NIL NIL "
            "\"<B27397-0100000@cac.washington.edu>\") BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL "
            "\"7BIT\" 3028 92) BODY[] {6}\r\nSubj\xC3\xA9)\r\n");
  auto again = parse_response(serialize_response(fetch));
  ASSERT_TRUE(again.ok());
  const auto& section = std::get<FetchBodySection>(std::get<FetchData>(again.value()).items[3]);
  EXPECT_EQ(section.data, "Subj\xC3\xA9");
  EXPECT_EQ(section.form, StringForm::literal);
}

TEST(ImapFetch, WritesExtensionFieldsAHandBuiltStructureFills) {
  BodyStructure part;
  part.type = "APPLICATION";
  part.subtype = "PDF";
  part.encoding = "BASE64";
  part.size = 100;
  part.extension = BodyExtensionData{};
  part.extension->disposition =
      BodyDisposition{"attachment", std::vector<std::pair<std::string, std::string>>{{"filename", "a.pdf"}}};
  Writer writer;
  write_body_structure(writer, part);
  EXPECT_EQ(writer.bytes(),
            "(\"APPLICATION\" \"PDF\" NIL NIL NIL \"BASE64\" 100 NIL (\"attachment\" (\"filename\" \"a.pdf\")))");
}

}  // namespace
}  // namespace conformance::codec::imap
