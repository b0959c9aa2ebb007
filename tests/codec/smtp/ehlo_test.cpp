#include "harness/codec/smtp/ehlo.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conformance::codec::smtp {
namespace {

using Strings = std::vector<std::string>;

Reply reply_of(std::string_view bytes) {
  auto step = parse_reply(bytes);
  EXPECT_TRUE(step.complete());
  return step.complete() ? step.value() : Reply{};
}

EhloResponse ehlo_of(std::string_view bytes) {
  auto response = parse_ehlo_response(reply_of(bytes));
  EXPECT_TRUE(response.ok()) << (response.ok() ? "" : response.error().message());
  return response.ok() ? *response : EhloResponse{};
}

// A reply of the shape large providers send.
constexpr std::string_view kProviderReply =
    "250-mx.example.com at your service, [192.0.2.7]\r\n"
    "250-SIZE 35882577\r\n"
    "250-8BITMIME\r\n"
    "250-STARTTLS\r\n"
    "250-ENHANCEDSTATUSCODES\r\n"
    "250-PIPELINING\r\n"
    "250-CHUNKING\r\n"
    "250-DSN\r\n"
    "250-AUTH PLAIN LOGIN\r\n"
    "250-AUTH=LOGIN\r\n"
    "250-REQUIRETLS\r\n"
    "250 SMTPUTF8\r\n";

TEST(SmtpEhlo, ParsesRfc5321ScenarioResponse) {
  // RFC 5321 Appendix D.1
  EhloResponse response = ehlo_of("250-foo.com greets bar.com\r\n250-8BITMIME\r\n250-SIZE\r\n250-DSN\r\n250 HELP\r\n");
  EXPECT_EQ(response.domain, "foo.com");
  EXPECT_EQ(response.greeting, "greets bar.com");
  ASSERT_EQ(response.keywords.size(), 4u);
  EXPECT_EQ(response.keywords[0], (EhloKeyword{"8BITMIME", {}, false}));
  EXPECT_EQ(response.keywords[1], (EhloKeyword{"SIZE", {}, false}));
  EXPECT_EQ(response.keywords[2], (EhloKeyword{"DSN", {}, false}));
  EXPECT_EQ(response.keywords[3], (EhloKeyword{"HELP", {}, false}));
}

TEST(SmtpEhlo, ParsesKeywordsWithParameters) {
  EhloResponse response = ehlo_of(kProviderReply);
  EXPECT_EQ(response.domain, "mx.example.com");
  EXPECT_EQ(response.greeting, "at your service, [192.0.2.7]");
  ASSERT_EQ(response.keywords.size(), 11u);
  EXPECT_EQ(response.keywords[0], (EhloKeyword{"SIZE", {"35882577"}, false}));
  EXPECT_EQ(response.keywords[7], (EhloKeyword{"AUTH", {"PLAIN", "LOGIN"}, false}));
}

TEST(SmtpEhlo, LooksUpKeywordsCaseInsensitively) {
  EhloResponse response = ehlo_of(kProviderReply);
  EXPECT_TRUE(response.has("pipelining"));
  EXPECT_TRUE(response.has("Chunking"));
  EXPECT_TRUE(response.has("smtputf8"));
  EXPECT_TRUE(response.has("requiretls"));
  EXPECT_FALSE(response.has("BINARYMIME"));
  ASSERT_NE(response.find("size"), nullptr);
  EXPECT_EQ(response.find("size")->params, Strings{"35882577"});
}

TEST(SmtpEhlo, FindPrefersTheStandardFormOverTheOldEqualsForm) {
  EhloResponse response = ehlo_of("250-x.example\r\n250-AUTH=LOGIN\r\n250 AUTH PLAIN LOGIN\r\n");
  const EhloKeyword* auth = response.find("AUTH");
  ASSERT_NE(auth, nullptr);
  EXPECT_FALSE(auth->equals_form);
  EXPECT_EQ(auth->params, (Strings{"PLAIN", "LOGIN"}));
}

TEST(SmtpEhlo, KeepsTheOldAuthEqualsForm) {
  EhloResponse response = ehlo_of("250-x.example\r\n250 AUTH=LOGIN PLAIN\r\n");
  ASSERT_EQ(response.keywords.size(), 1u);
  EXPECT_EQ(response.keywords[0], (EhloKeyword{"AUTH", {"LOGIN", "PLAIN"}, true}));
  EXPECT_EQ(serialize_reply(to_reply(response)), "250-x.example\r\n250 AUTH=LOGIN PLAIN\r\n");
}

TEST(SmtpEhlo, MergesAuthMechanismsOfBothForms) {
  EXPECT_EQ(ehlo_of(kProviderReply).auth_mechanisms(), (Strings{"PLAIN", "LOGIN"}));
  EXPECT_EQ(ehlo_of("250-x\r\n250-AUTH=login\r\n250 AUTH CRAM-MD5 LOGIN\r\n").auth_mechanisms(),
            (Strings{"login", "CRAM-MD5"}));
}

TEST(SmtpEhlo, ReadsTheSizeLimit) {
  // RFC 1870 §4: SIZE with a number, or alone (no fixed maximum).
  EXPECT_EQ(ehlo_of(kProviderReply).size_limit(), 35882577u);
  EXPECT_EQ(ehlo_of("250-x\r\n250 SIZE\r\n").size_limit(), 0u);
  EXPECT_EQ(ehlo_of("250-x\r\n250 SIZE 0\r\n").size_limit(), 0u);
  EXPECT_EQ(ehlo_of("250-x\r\n250 SIZE many\r\n").size_limit(), std::nullopt);
  EXPECT_EQ(ehlo_of("250-x\r\n250 SIZE 99999999999999999999\r\n").size_limit(), std::nullopt);
  EXPECT_EQ(ehlo_of("250-x\r\n250 HELP\r\n").size_limit(), std::nullopt);
}

TEST(SmtpEhlo, ParsesSingleLineResponse) {
  // RFC 5321 Appendix D.3, step 2
  EhloResponse response = ehlo_of("250 xyz.com is on the air\r\n");
  EXPECT_EQ(response.domain, "xyz.com");
  EXPECT_EQ(response.greeting, "is on the air");
  EXPECT_TRUE(response.keywords.empty());
}

TEST(SmtpEhlo, AcceptsAnAddressLiteralAsTheServerName) {
  EXPECT_EQ(ehlo_of("250-[192.0.2.1]\r\n250 8BITMIME\r\n").domain, "[192.0.2.1]");
}

TEST(SmtpEhlo, RejectsANonPositiveReply) {
  auto response = parse_ehlo_response(Reply::single(502, "5.5.1 EHLO not implemented"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().offset, 0u);
}

TEST(SmtpEhlo, RejectsAnInvalidServerDomain) {
  auto response = parse_ehlo_response(reply_of("250-mail_1.example greets you\r\n250 HELP\r\n"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().offset, 8u);  // "_", after "250-mail"
}

TEST(SmtpEhlo, RejectsAKeywordOutsideTheGrammarAtItsWireOffset) {
  auto response = parse_ehlo_response(reply_of("250-foo.com\r\n250 _X\r\n"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().offset, 17u);
  EXPECT_EQ(response.error().expected, "ehlo-keyword starting with a letter or digit");
}

TEST(SmtpEhlo, RejectsTwoSpacesBetweenParameters) {
  auto response = parse_ehlo_response(reply_of("250-foo.com\r\n250 AUTH PLAIN  LOGIN\r\n"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().offset, 28u);
  EXPECT_EQ(response.error().expected, "ehlo-param (one SP between parameters)");
}

TEST(SmtpEhlo, RejectsAControlCharacterInAParameter) {
  auto response = parse_ehlo_response(reply_of("250-foo.com\r\n250 SIZE 1\x01\r\n"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().offset, 23u);
}

TEST(SmtpEhlo, RoundTripsThroughAReply) {
  EhloResponse response{"mail.example.org",
                        "Hello client.example [192.0.2.9]",
                        {{"SIZE", {"10240000"}, false},
                         {"PIPELINING", {}, false},
                         {"AUTH", {"PLAIN", "SCRAM-SHA-256"}, false},
                         {"AUTH", {"PLAIN"}, true},
                         {"8BITMIME", {}, false}}};
  const std::string bytes = serialize_reply(to_reply(response));
  EXPECT_EQ(bytes,
            "250-mail.example.org Hello client.example [192.0.2.9]\r\n250-SIZE 10240000\r\n250-PIPELINING\r\n"
            "250-AUTH PLAIN SCRAM-SHA-256\r\n250-AUTH=PLAIN\r\n250 8BITMIME\r\n");
  EXPECT_EQ(ehlo_of(bytes), response);
}

}  // namespace
}  // namespace conformance::codec::smtp
