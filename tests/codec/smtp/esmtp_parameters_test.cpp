#include "harness/codec/smtp/esmtp_parameters.hpp"

#include <gtest/gtest.h>

#include "harness/codec/smtp/xtext.hpp"

namespace conformance::codec::smtp {
namespace {

MailParameters mail_params(std::string_view text) {
  auto list = split_parameters(text);
  EXPECT_TRUE(list.ok()) << text;
  if (!list.ok()) return {};
  auto params = to_mail_parameters(*list);
  EXPECT_TRUE(params.ok()) << (params.ok() ? "" : params.error().message());
  return params.ok() ? *params : MailParameters{};
}

ParseError mail_error(std::string_view text) {
  auto list = split_parameters(text);
  if (!list.ok()) return list.error();
  auto params = to_mail_parameters(*list);
  EXPECT_FALSE(params.ok()) << text;
  return params.ok() ? ParseError{} : params.error();
}

RcptParameters rcpt_params(std::string_view text) {
  auto list = split_parameters(text);
  EXPECT_TRUE(list.ok()) << text;
  if (!list.ok()) return {};
  auto params = to_rcpt_parameters(*list);
  EXPECT_TRUE(params.ok()) << (params.ok() ? "" : params.error().message());
  return params.ok() ? *params : RcptParameters{};
}

ParseError rcpt_error(std::string_view text) {
  auto list = split_parameters(text);
  if (!list.ok()) return list.error();
  auto params = to_rcpt_parameters(*list);
  EXPECT_FALSE(params.ok()) << text;
  return params.ok() ? ParseError{} : params.error();
}

TEST(SmtpXtext, EncodesOnlyWhatIsNotAnXchar) {
  EXPECT_EQ(xtext_encode("Bob@Big-Box.com"), "Bob@Big-Box.com");
  EXPECT_EQ(xtext_encode("a+b=c d"), "a+2Bb+3Dc+20d");
  EXPECT_EQ(xtext_encode(std::string_view("\x00\xFF", 2)), "+00+FF");
}

TEST(SmtpXtext, DecodesHexchars) {
  EXPECT_EQ(*xtext_decode("a+2Bb+3Dc+20d"), "a+b=c d");
  EXPECT_EQ(*xtext_decode(""), "");
}

TEST(SmtpXtext, RejectsLowerCaseHexAndLonePlus) {
  // RFC 3461 §4: "two upper case hexadecimal digits".
  ParseError lower = xtext_decode("a+2b").error();
  EXPECT_EQ(lower.offset, 3u);
  EXPECT_EQ(lower.expected, "upper-case hex digit after '+' (RFC 3461 §4 hexchar)");
  EXPECT_EQ(xtext_decode("abc+").error().offset, 4u);
  EXPECT_EQ(xtext_decode("abc+4").error().offset, 5u);
}

TEST(SmtpXtext, RejectsCharactersOutsideXchar) {
  EXPECT_EQ(xtext_decode("a=b").error().offset, 1u);
  EXPECT_EQ(xtext_decode("a b").error().offset, 1u);
  EXPECT_EQ(xtext_decode("a\xC3\xA9").error().offset, 1u);
}

TEST(SmtpEsmtpParameters, SplitsKeywordsAndValues) {
  auto list = split_parameters("SIZE=1000 BODY=8BITMIME SMTPUTF8");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->params.size(), 3u);
  EXPECT_EQ(list->params[0], (EsmtpParameter{"SIZE", "1000"}));
  EXPECT_EQ(list->params[2], (EsmtpParameter{"SMTPUTF8", std::nullopt}));
  EXPECT_EQ(list->offsets, (std::vector<std::size_t>{0, 10, 24}));
}

TEST(SmtpEsmtpParameters, RejectsMalformedSplits) {
  EXPECT_EQ(split_parameters("SIZE=").error().expected, "esmtp-value after '='");
  EXPECT_EQ(split_parameters("-X").error().offset, 0u);
  EXPECT_EQ(split_parameters("A=1  B=2").error().offset, 4u);
  EXPECT_EQ(split_parameters("A=1 ").error().offset, 4u);
  EXPECT_EQ(split_parameters("A=b=c").error().offset, 3u);
  EXPECT_EQ(split_parameters("A=\x01").error().offset, 2u);
}

TEST(SmtpEsmtpParameters, ToleratesRepeatedSpacesWhenAskedAndReportsThem) {
  auto list = split_parameters("A=1  B=2", true);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->params.size(), 2u);
  EXPECT_EQ(list->repeated_spaces, (std::vector<std::size_t>{4}));
}

TEST(SmtpEsmtpParameters, ReportsUtf8InValues) {
  auto list = split_parameters("X=1 Y=\xC3\xA9");
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->first_utf8, 6u);
  EXPECT_EQ(split_parameters("Y=\xC3").error().expected, "well-formed UTF-8 in the esmtp-value");
}

TEST(SmtpEsmtpParameters, ParsesSizeDeclaration) {
  // RFC 1870 §3
  EXPECT_EQ(mail_params("SIZE=500000").size, 500000u);
  EXPECT_EQ(mail_params("size=18446744073709551615").size, UINT64_MAX);
}

TEST(SmtpEsmtpParameters, RejectsMalformedSize) {
  ParseError overflow = mail_error("SIZE=18446744073709551616");
  EXPECT_EQ(overflow.offset, 5u);
  EXPECT_EQ(overflow.expected, "SIZE value that fits in 64 bits");
  EXPECT_EQ(mail_error("SIZE=12k").offset, 7u);
  EXPECT_EQ(mail_error("SIZE=123456789012345678901").expected, "SIZE value of 1 to 20 digits (RFC 1870 §3)");
  ParseError missing = mail_error("SIZE");
  EXPECT_EQ(missing.offset, 4u);
  EXPECT_EQ(missing.expected, "'=' and a value after SIZE");
}

TEST(SmtpEsmtpParameters, ParsesBodyTypes) {
  EXPECT_EQ(mail_params("BODY=7BIT").body, BodyType::seven_bit);
  EXPECT_EQ(mail_params("BODY=8bitmime").body, BodyType::eight_bit_mime);
  EXPECT_EQ(mail_params("BODY=BINARYMIME").body, BodyType::binary_mime);
  ParseError error = mail_error("BODY=9BIT");
  EXPECT_EQ(error.offset, 5u);
  EXPECT_EQ(error.expected, "BODY=7BIT, 8BITMIME or BINARYMIME");
}

TEST(SmtpEsmtpParameters, ParsesValuelessFlags) {
  MailParameters params = mail_params("SMTPUTF8 REQUIRETLS");
  EXPECT_TRUE(params.smtputf8);
  EXPECT_TRUE(params.requiretls);
  ParseError error = mail_error("SMTPUTF8=yes");
  EXPECT_EQ(error.offset, 8u);
  EXPECT_EQ(error.expected, "SMTPUTF8 without a value");
}

TEST(SmtpEsmtpParameters, ParsesDsnMailParameters) {
  // RFC 3461 §4.3, §4.4
  MailParameters params = mail_params("RET=HDRS ENVID=QQ314159");
  EXPECT_EQ(params.ret, DsnReturn::headers);
  EXPECT_EQ(params.envid, "QQ314159");
  EXPECT_EQ(mail_params("RET=full").ret, DsnReturn::full);
  EXPECT_EQ(mail_params("ENVID=a+2Bb").envid, "a+b");
  EXPECT_EQ(mail_error("RET=BODY").expected, "RET=FULL or RET=HDRS (RFC 3461 §4.3)");
  EXPECT_EQ(mail_error("ENVID=a+zz").offset, 8u);
}

TEST(SmtpEsmtpParameters, ParsesAuthMailParameter) {
  // RFC 4954 §5
  EXPECT_EQ(mail_params("AUTH=<>").auth, "<>");
  EXPECT_EQ(mail_params("AUTH=e+3Dmc2@example.com").auth, "e=mc2@example.com");
}

TEST(SmtpEsmtpParameters, KeepsUnknownParametersInOrder) {
  MailParameters params = mail_params("XFOO=1 SIZE=2 MT-PRIORITY=3 XBAR");
  EXPECT_EQ(params.size, 2u);
  EXPECT_EQ(params.others, (std::vector<EsmtpParameter>{{"XFOO", "1"}, {"MT-PRIORITY", "3"}, {"XBAR", std::nullopt}}));
}

TEST(SmtpEsmtpParameters, RejectsAKnownParameterGivenTwice) {
  ParseError error = mail_error("SIZE=1 BODY=7BIT size=2");
  EXPECT_EQ(error.offset, 17u);
  EXPECT_EQ(error.expected, "one size parameter, not two");
}

TEST(SmtpEsmtpParameters, ParsesNotify) {
  // RFC 3461 §4.1
  EXPECT_EQ(rcpt_params("NOTIFY=NEVER").notify, (DsnNotify{true, false, false, false}));
  EXPECT_EQ(rcpt_params("NOTIFY=SUCCESS,FAILURE").notify, (DsnNotify{false, true, true, false}));
  EXPECT_EQ(rcpt_params("NOTIFY=delay,success").notify, (DsnNotify{false, true, false, true}));
}

TEST(SmtpEsmtpParameters, RejectsMalformedNotify) {
  ParseError never = rcpt_error("NOTIFY=NEVER,DELAY");
  EXPECT_EQ(never.offset, 7u);
  EXPECT_EQ(never.expected, "NEVER alone, not combined with other NOTIFY values (RFC 3461 §4.1)");
  EXPECT_EQ(rcpt_error("NOTIFY=SUCCESS,SOMETIMES").offset, 15u);
  EXPECT_EQ(rcpt_error("NOTIFY=DELAY,DELAY").expected, "each NOTIFY value once");
  EXPECT_EQ(rcpt_error("NOTIFY=SUCCESS,").offset, 15u);
}

TEST(SmtpEsmtpParameters, ParsesOrcptWithXtextDecoding) {
  // RFC 3461 §4.2
  EXPECT_EQ(rcpt_params("ORCPT=rfc822;Bob@Big-Box.com").orcpt, (OriginalRecipient{"rfc822", "Bob@Big-Box.com"}));
  EXPECT_EQ(rcpt_params("ORCPT=rfc822;a+2Bb@example.com").orcpt, (OriginalRecipient{"rfc822", "a+b@example.com"}));
}

TEST(SmtpEsmtpParameters, RejectsMalformedOrcpt) {
  EXPECT_EQ(rcpt_error("ORCPT=rfc822").expected, "';' after the ORCPT address type");
  EXPECT_EQ(rcpt_error("ORCPT=;a@b").expected, "ORCPT address type (an atom such as rfc822)");
  EXPECT_EQ(rcpt_error("ORCPT=rfc822;a+4x").offset, 16u);
}

TEST(SmtpEsmtpParameters, MailParametersAreUnknownToRcpt) {
  RcptParameters params = rcpt_params("SIZE=10 NOTIFY=NEVER");
  EXPECT_EQ(params.others, (std::vector<EsmtpParameter>{{"SIZE", "10"}}));
}

TEST(SmtpEsmtpParameters, SerializesInAFixedOrder) {
  MailParameters mail;
  mail.others = {{"XFOO", std::nullopt}};
  mail.auth = "<>";
  mail.envid = "id 1";
  mail.ret = DsnReturn::full;
  mail.smtputf8 = true;
  mail.body = BodyType::eight_bit_mime;
  mail.size = 42;
  mail.requiretls = true;
  EXPECT_EQ(serialize_parameters(mail),
            " SIZE=42 BODY=8BITMIME SMTPUTF8 RET=FULL ENVID=id+201 AUTH=<> REQUIRETLS XFOO");
  RcptParameters rcpt;
  rcpt.notify = DsnNotify{false, true, false, true};
  rcpt.orcpt = OriginalRecipient{"rfc822", "a b@c"};
  EXPECT_EQ(serialize_parameters(rcpt), " NOTIFY=SUCCESS,DELAY ORCPT=rfc822;a+20b@c");
  EXPECT_EQ(serialize_parameters(MailParameters{}), "");
}

}  // namespace
}  // namespace conformance::codec::smtp
