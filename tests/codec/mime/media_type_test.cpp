#include "harness/codec/mime/media_type.hpp"

#include <gtest/gtest.h>

#include "harness/codec/mime/content_fields.hpp"
#include "harness/codec/mime/rfc2231.hpp"

namespace conformance::codec::mime {
namespace {

TEST(MimeContentType, ParsesTypeSubtypeAndParameters) {
  auto type = parse_content_type("text/plain; charset=us-ascii (Plain text)");
  ASSERT_TRUE(type) << type.error().message();
  EXPECT_EQ(*type, (MediaType{"text", "plain", {{"charset", "us-ascii"}}}));
  EXPECT_TRUE(type->is("TEXT", "Plain"));
}

TEST(MimeContentType, UnquotesQuotedValues) {
  // RFC 2046 §5.1.1: a boundary with a colon must be quoted.
  auto type = parse_content_type("multipart/mixed; boundary=\"gc0pJq0M:08jU534c0p\"");
  ASSERT_TRUE(type);
  EXPECT_EQ(*find_parameter(type->params, "BOUNDARY"), "gc0pJq0M:08jU534c0p");
}

TEST(MimeContentType, AllowsCommentsAndWhiteSpaceBetweenTokens) {
  auto type = parse_content_type(" text (comment) / html ;\r\n\tcharset = \"utf-8\" ");
  ASSERT_TRUE(type) << type.error().message();
  EXPECT_EQ(*type, (MediaType{"text", "html", {{"charset", "utf-8"}}}));
}

TEST(MimeContentType, ToleratesTrailingAndEmptyParameters) {
  auto type = parse_content_type("application/vnd.ms-excel;name=\"a.xls\";;");
  ASSERT_TRUE(type);
  EXPECT_EQ(type->params, (Parameters{{"name", "a.xls"}}));
}

TEST(MimeContentType, ToleratesMissingSemicolonBetweenParameters) {
  auto type = parse_content_type("text/plain; charset=US-ASCII;\r\n\tFormat=Flowed   DelSp=Yes");
  ASSERT_TRUE(type);
  EXPECT_EQ(type->params, (Parameters{{"charset", "US-ASCII"}, {"Format", "Flowed"}, {"DelSp", "Yes"}}));
}

TEST(MimeContentType, RejectsMalformedValues) {
  EXPECT_EQ(parse_content_type("").error(), (ParseError{0, "media type"}));
  EXPECT_EQ(parse_content_type("text").error(), (ParseError{4, "'/' after media type"}));
  EXPECT_EQ(parse_content_type("text/").error(), (ParseError{5, "media subtype"}));
  EXPECT_EQ(parse_content_type("text/plain; charset").error(), (ParseError{19, "'=' after parameter name"}));
  EXPECT_EQ(parse_content_type("text/plain; name=\"open").error(), (ParseError{17, "'\"' closing the quoted-string"}));
  EXPECT_EQ(parse_content_type("text/plain; a=b @").error(), (ParseError{16, "';' or end of value"}));
}

TEST(MimeContentType, SerializesQuotingValuesThatAreNotTokens) {
  MediaType type{"multipart", "mixed", {{"boundary", "simple boundary"}, {"x", "token"}, {"e", ""}}};
  EXPECT_EQ(serialize_content_type(type), "multipart/mixed; boundary=\"simple boundary\"; x=token; e=\"\"");
  auto reparsed = parse_content_type(serialize_content_type(type));
  ASSERT_TRUE(reparsed);
  EXPECT_EQ(*reparsed, type);
}

TEST(MimeContentDisposition, ParsesTypeAndParameters) {
  // RFC 2183 §2.
  auto disposition = parse_content_disposition(
      "attachment; filename=genome.jpeg;\r\n modification-date=\"Wed, 12 Feb 1997 16:29:51 -0500\"");
  ASSERT_TRUE(disposition);
  EXPECT_EQ(*disposition, (Disposition{"attachment", {{"filename", "genome.jpeg"},
                                                      {"modification-date", "Wed, 12 Feb 1997 16:29:51 -0500"}}}));
  EXPECT_EQ(serialize_content_disposition(*disposition),
            "attachment; filename=genome.jpeg; modification-date=\"Wed, 12 Feb 1997 16:29:51 -0500\"");
  EXPECT_FALSE(parse_content_disposition("; filename=x"));
}

TEST(MimeRfc2231, JoinsContinuationsOfSection3) {
  auto type = parse_content_type(
      "message/external-body; access-type=URL;\r\n URL*0=\"ftp://\";\r\n"
      " URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"");
  ASSERT_TRUE(type);
  auto decoded = decode_parameters(type->params);
  ASSERT_EQ(decoded.size(), 2u);
  EXPECT_EQ(decoded[0].name, "access-type");
  EXPECT_EQ(decoded[1].name, "URL");
  EXPECT_EQ(decoded[1].value, "ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar");
  EXPECT_FALSE(decoded[1].extended);
}

TEST(MimeRfc2231, DecodesCharsetAndLanguageOfSection4) {
  auto type = parse_content_type("application/x-stuff;\r\n title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A");
  ASSERT_TRUE(type);
  auto decoded = decode_parameters(type->params);
  ASSERT_EQ(decoded.size(), 1u);
  EXPECT_EQ(decoded[0], (DecodedParameter{"title", "This is ***fun***", "us-ascii", "en-us", true, true}));
}

TEST(MimeRfc2231, CombinesContinuationsAndCharsetOfSection41) {
  // RFC 2231 §4.1's example, which as published lacks the ';' between
  // parameters; it parses either way.
  for (const char* value : {"application/x-stuff\r\n title*0*=us-ascii'en'This%20is%20even%20more%20\r\n"
                            " title*1*=%2A%2A%2Afun%2A%2A%2A%20\r\n title*2=\"isn't it!\"",
                            "application/x-stuff;\r\n title*0*=us-ascii'en'This%20is%20even%20more%20;\r\n"
                            " title*1*=%2A%2A%2Afun%2A%2A%2A%20;\r\n title*2=\"isn't it!\""}) {
    auto type = parse_content_type(value);
    ASSERT_TRUE(type) << type.error().message();
    auto decoded = decode_parameters(type->params);
    ASSERT_EQ(decoded.size(), 1u);
    EXPECT_EQ(decoded[0], (DecodedParameter{"title", "This is even more ***fun*** isn't it!", "us-ascii", "en", true, true}));
  }
}

TEST(MimeRfc2231, ConvertsLatin1ToUtf8) {
  auto decoded = decode_parameters({{"filename*", "iso-8859-1''%E9t%E9.txt"}});
  ASSERT_EQ(decoded.size(), 1u);
  EXPECT_EQ(decoded[0].value, "\xC3\xA9t\xC3\xA9.txt");
  EXPECT_TRUE(decoded[0].converted);
}

TEST(MimeRfc2231, KeepsOctetsOfUnsupportedCharsets) {
  auto decoded = decode_parameters({{"filename*", "koi8-r''%D4%C5"}});
  ASSERT_EQ(decoded.size(), 1u);
  EXPECT_EQ(decoded[0].value, "\xD4\xC5");
  EXPECT_EQ(decoded[0].charset, "koi8-r");
  EXPECT_FALSE(decoded[0].converted);
}

TEST(MimeRfc2231, OrdersSectionsAndStopsAtAGap) {
  auto decoded = decode_parameters({{"n*1", "b"}, {"n*0", "a"}, {"n*3", "d"}});
  ASSERT_EQ(decoded.size(), 1u);
  EXPECT_EQ(decoded[0].value, "ab");
}

TEST(MimeRfc2231, PrefersTheExtendedFormOverThePlainOne) {
  auto decoded = decode_parameters({{"filename", "fallback.txt"}, {"filename*", "utf-8''%E2%82%AC.txt"}});
  ASSERT_EQ(decoded.size(), 1u);
  EXPECT_EQ(decoded[0].value, "\xE2\x82\xAC.txt");
}

TEST(MimeRfc2231, KeepsMalformedExtendedValuesAsWritten) {
  auto decoded = decode_parameters({{"title*", "no-quotes%20here"}, {"a*01", "x"}});
  ASSERT_EQ(decoded.size(), 2u);
  EXPECT_EQ(decoded[0].value, "no-quotes%20here");
  EXPECT_FALSE(decoded[0].extended);
  EXPECT_EQ(decoded[1].name, "a*01");  // a leading zero is not a section number
}

TEST(MimeRfc2231, EncodesPlainValuesUnchanged) {
  EXPECT_EQ(encode_parameter("filename", "report.pdf"), (Parameters{{"filename", "report.pdf"}}));
}

TEST(MimeRfc2231, EncodesNonAsciiAndLongValuesInSections) {
  EXPECT_EQ(encode_parameter("filename", "\xE2\x82\xAC.txt"), (Parameters{{"filename*", "utf-8''%E2%82%AC.txt"}}));
  const std::string long_name = std::string(50, 'a') + " \xC3\xA9" + std::string(50, 'b');
  Parameters encoded = encode_parameter("filename", long_name, 30);
  ASSERT_GT(encoded.size(), 2u);
  EXPECT_EQ(encoded[0].name, "filename*0*");
  EXPECT_EQ(encoded[1].name, "filename*1*");
  for (const auto& param : encoded) EXPECT_LE(param.value.size(), 30u);
  auto decoded = decode_parameters(encoded);
  ASSERT_EQ(decoded.size(), 1u);
  EXPECT_EQ(decoded[0].value, long_name);
  EXPECT_EQ(decoded[0].charset, "utf-8");
}

TEST(MimeContentFields, ParsesTransferEncoding) {
  EXPECT_EQ(*parse_content_transfer_encoding(" Base64 (encoded)"), "Base64");
  EXPECT_EQ(parse_content_transfer_encoding("quoted printable").error(), (ParseError{7, "end of Content-Transfer-Encoding"}));
}

TEST(MimeContentFields, ParsesContentLanguage) {
  // RFC 3282 §3.
  EXPECT_EQ(*parse_content_language("en, fr (French)"), (std::vector<std::string>{"en", "fr"}));
  EXPECT_EQ(*parse_content_language("i-klingon"), (std::vector<std::string>{"i-klingon"}));
  EXPECT_EQ(parse_content_language("en, 123456789").error(), (ParseError{4, "language tag"}));
  EXPECT_EQ(serialize_content_language({"en", "de-CH"}), "en, de-CH");
}

TEST(MimeContentFields, UnfoldsContentLocation) {
  // RFC 2557 §4.4.2: a folded URI is joined without the white space.
  EXPECT_EQ(parse_content_location(" http://www.example.com/a/very/long\r\n  /path/index.html "),
            "http://www.example.com/a/very/long/path/index.html");
  EXPECT_EQ(parse_content_location("\"http://x.example/\""), "http://x.example/");
}

TEST(MimeContentFields, DecodesContentMd5) {
  // RFC 1864: the MD5 of the empty string.
  auto digest = parse_content_md5(" 1B2M2Y8AsgTpgAmY7PhCfg== ");
  ASSERT_TRUE(digest);
  EXPECT_EQ(*digest, std::string("\xD4\x1D\x8C\xD9\x8F\x00\xB2\x04\xE9\x80\x09\x98\xEC\xF8\x42\x7E", 16));
  EXPECT_FALSE(parse_content_md5("c2hvcnQ="));
}

}  // namespace
}  // namespace conformance::codec::mime
