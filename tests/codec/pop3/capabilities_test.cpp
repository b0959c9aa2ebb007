#include "harness/codec/pop3/capabilities.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conformance::codec::pop3 {
namespace {

using Lines = std::vector<std::string>;

// RFC 2449 §5, CAPA example.
const Lines kRfc2449Capa = {
    "TOP",       "USER", "SASL CRAM-MD5 KERBEROS_V4",          "RESP-CODES", "LOGIN-DELAY 900", "PIPELINING",
    "EXPIRE 60", "UIDL", "IMPLEMENTATION Shlemazle-Plotz-v302"};

TEST(Pop3Capabilities, ParsesRfc2449Example) {
  auto capabilities = parse_capabilities(kRfc2449Capa);
  ASSERT_TRUE(capabilities.ok()) << capabilities.error().message();
  ASSERT_EQ(capabilities->entries.size(), 9u);
  EXPECT_TRUE(capabilities->has(capa::top));
  EXPECT_TRUE(capabilities->has(capa::user));
  EXPECT_TRUE(capabilities->has(capa::resp_codes));
  EXPECT_TRUE(capabilities->has(capa::pipelining));
  EXPECT_TRUE(capabilities->has(capa::uidl));
  EXPECT_FALSE(capabilities->has(capa::stls));
  EXPECT_EQ(capabilities->sasl_mechanisms(), (Lines{"CRAM-MD5", "KERBEROS_V4"}));
  EXPECT_EQ(capabilities->login_delay(), (LoginDelay{900, false}));
  EXPECT_EQ(capabilities->expire(), (Expire{60, false}));
  EXPECT_EQ(capabilities->implementation(), "Shlemazle-Plotz-v302");
}

TEST(Pop3Capabilities, ParsesRfc5034ExampleWithSpacesInImplementation) {
  auto capabilities =
      parse_capabilities({"SASL PLAIN DIGEST-MD5 GSSAPI ANONYMOUS", "STLS", "IMPLEMENTATION BlurdyBlurp POP3 server"});
  ASSERT_TRUE(capabilities.ok());
  EXPECT_EQ(capabilities->sasl_mechanisms(), (Lines{"PLAIN", "DIGEST-MD5", "GSSAPI", "ANONYMOUS"}));
  EXPECT_TRUE(capabilities->has(capa::stls));
  EXPECT_EQ(capabilities->implementation(), "BlurdyBlurp POP3 server");
}

TEST(Pop3Capabilities, LooksUpTagsCaseInsensitively) {
  auto capabilities = parse_capabilities({"uidl", "Sasl plain"});
  ASSERT_TRUE(capabilities.ok());
  EXPECT_TRUE(capabilities->has("UIDL"));
  EXPECT_EQ(capabilities->sasl_mechanisms(), (Lines{"plain"}));
}

TEST(Pop3Capabilities, ReadsExpireExamples) {
  // RFC 2449 §6.7 examples.
  auto capabilities = parse_capabilities({"EXPIRE 5 USER"});
  ASSERT_TRUE(capabilities.ok());
  EXPECT_EQ(capabilities->expire(), (Expire{5, true}));
  auto never = parse_capabilities({"EXPIRE NEVER"});
  ASSERT_TRUE(never.ok());
  EXPECT_EQ(never->expire(), (Expire{std::nullopt, false}));
  auto zero = parse_capabilities({"EXPIRE 0"});
  ASSERT_TRUE(zero.ok());
  EXPECT_EQ(zero->expire(), (Expire{0, false}));
}

TEST(Pop3Capabilities, ReadsLoginDelayPerUser) {
  auto capabilities = parse_capabilities({"LOGIN-DELAY 900 USER"});
  ASSERT_TRUE(capabilities.ok());
  EXPECT_EQ(capabilities->login_delay(), (LoginDelay{900, true}));
}

TEST(Pop3Capabilities, ReadsUtf8AndLang) {
  // RFC 6856 §2, §3.
  auto capabilities = parse_capabilities({"UTF8 USER", "LANG"});
  ASSERT_TRUE(capabilities.ok());
  EXPECT_EQ(capabilities->utf8_user(), true);
  EXPECT_TRUE(capabilities->has(capa::lang));
  auto plain = parse_capabilities({"UTF8"});
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->utf8_user(), false);
  EXPECT_EQ(parse_capabilities({"TOP"})->utf8_user(), std::nullopt);
}

TEST(Pop3Capabilities, KeepsUnknownCapabilitiesWithParameters) {
  auto capabilities = parse_capabilities({"X-VENDOR a b c"});
  ASSERT_TRUE(capabilities.ok());
  EXPECT_EQ(capabilities->entries[0], (Capability{"X-VENDOR", {"a", "b", "c"}}));
}

TEST(Pop3Capabilities, RejectsNonNumericLoginDelay) {
  auto capabilities = parse_capabilities({"TOP", "LOGIN-DELAY soon"});
  ASSERT_FALSE(capabilities.ok());
  EXPECT_EQ(capabilities.error().offset, 5u + 12u);
  EXPECT_EQ(capabilities.error().expected, "login delay in seconds (decimal digits)");
}

TEST(Pop3Capabilities, RejectsLoginDelayWithoutSeconds) {
  auto capabilities = parse_capabilities({"LOGIN-DELAY"});
  ASSERT_FALSE(capabilities.ok());
  EXPECT_EQ(capabilities.error().offset, 11u);
}

TEST(Pop3Capabilities, RejectsExpireWithUnknownQualifier) {
  auto capabilities = parse_capabilities({"EXPIRE 30 DAYS"});
  ASSERT_FALSE(capabilities.ok());
  EXPECT_EQ(capabilities.error().offset, 10u);
  EXPECT_EQ(capabilities.error().expected, "\"USER\" or end of line");
}

TEST(Pop3Capabilities, RejectsParametersOnArgumentlessCapability) {
  auto capabilities = parse_capabilities({"UIDL yes"});
  ASSERT_FALSE(capabilities.ok());
  EXPECT_EQ(capabilities.error().offset, 4u);
}

TEST(Pop3Capabilities, RejectsBadSaslMechanismName) {
  auto capabilities = parse_capabilities({"SASL PLAIN CRAM*MD5"});
  ASSERT_FALSE(capabilities.ok());
  EXPECT_EQ(capabilities.error().offset, 15u);
}

TEST(Pop3Capabilities, RejectsDoubleSpaceBetweenParameters) {
  auto capabilities = parse_capabilities({"SASL  PLAIN"});
  ASSERT_FALSE(capabilities.ok());
  EXPECT_EQ(capabilities.error().offset, 5u);
}

TEST(Pop3Capabilities, RejectsTagWithDot) {
  // cchar excludes "." (RFC 2449 §3).
  auto capabilities = parse_capabilities({"X.FOO"});
  ASSERT_FALSE(capabilities.ok());
  EXPECT_EQ(capabilities.error().offset, 1u);
}

TEST(Pop3Capabilities, RejectsEmptyLine) {
  auto capabilities = parse_capabilities({"TOP", ""});
  ASSERT_FALSE(capabilities.ok());
  EXPECT_EQ(capabilities.error().offset, 5u);
}

TEST(Pop3Capabilities, RoundTripsRfc2449Example) {
  auto capabilities = parse_capabilities(kRfc2449Capa);
  ASSERT_TRUE(capabilities.ok());
  EXPECT_EQ(serialize(*capabilities), kRfc2449Capa);
}

TEST(Pop3Capabilities, BuildersProduceRegisteredSyntax) {
  Capabilities capabilities;
  capabilities.entries = {capability(capa::top),
                          sasl_capability({"PLAIN", "SCRAM-SHA-256"}),
                          login_delay_capability({900, true}),
                          expire_capability({std::nullopt, false}),
                          implementation_capability("Fake POP3 server"),
                          utf8_capability(true)};
  const Lines expected = {"TOP",          "SASL PLAIN SCRAM-SHA-256",        "LOGIN-DELAY 900 USER",
                          "EXPIRE NEVER", "IMPLEMENTATION Fake POP3 server", "UTF8 USER"};
  EXPECT_EQ(serialize(capabilities), expected);
  auto reparsed = parse_capabilities(expected);
  ASSERT_TRUE(reparsed.ok());
  EXPECT_EQ(*reparsed, capabilities);
}

}  // namespace
}  // namespace conformance::codec::pop3
