#include "harness/codec/sasl/mechanism.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::sasl {
namespace {

TEST(SaslMechanism, NamesRoundTripForEveryMechanism) {
  for (Mechanism m : all_mechanisms()) {
    EXPECT_EQ(mechanism_from_name(mechanism_name(m)), m) << mechanism_name(m);
    EXPECT_TRUE(is_valid_mechanism_name(mechanism_name(m)));
  }
}

TEST(SaslMechanism, NamesMatchCaseInsensitively) {
  EXPECT_EQ(mechanism_from_name("scram-sha-256-plus"), Mechanism::scram_sha_256_plus);
  EXPECT_EQ(mechanism_from_name("Cram-Md5"), Mechanism::cram_md5);
  EXPECT_FALSE(mechanism_from_name("GSSAPI"));
  EXPECT_FALSE(mechanism_from_name("PLAIN "));
}

TEST(SaslMechanism, ValidNamesAreAtMostTwentyMechChars) {
  EXPECT_TRUE(is_valid_mechanism_name("X-SOME_THING-1"));
  EXPECT_TRUE(is_valid_mechanism_name("ABCDEFGHIJKLMNOPQRST"));
  EXPECT_FALSE(is_valid_mechanism_name("ABCDEFGHIJKLMNOPQRSTU"));
  EXPECT_FALSE(is_valid_mechanism_name(""));
  EXPECT_FALSE(is_valid_mechanism_name("PLAIN/LOGIN"));
}

TEST(SaslMechanism, CleartextSetIsPasswordAndBearerTokenMechanisms) {
  EXPECT_TRUE(sends_cleartext_credentials(Mechanism::plain));
  EXPECT_TRUE(sends_cleartext_credentials(Mechanism::login));
  EXPECT_TRUE(sends_cleartext_credentials(Mechanism::xoauth2));
  EXPECT_TRUE(sends_cleartext_credentials(Mechanism::oauthbearer));
  EXPECT_FALSE(sends_cleartext_credentials(Mechanism::cram_md5));
  EXPECT_FALSE(sends_cleartext_credentials(Mechanism::scram_sha_256));
  EXPECT_FALSE(sends_cleartext_credentials(Mechanism::external));
}

TEST(SaslMechanism, ServerFirstMechanismsAreCramMd5AndLogin) {
  EXPECT_FALSE(is_client_first(Mechanism::cram_md5));
  EXPECT_FALSE(is_client_first(Mechanism::login));
  EXPECT_TRUE(is_client_first(Mechanism::plain));
  EXPECT_TRUE(is_client_first(Mechanism::scram_sha_1));
}

TEST(SaslMechanismList, ParsesSmtpEhloAuthKeyword) {
  auto parsed = parse_smtp_auth_keyword("AUTH PLAIN LOGIN CRAM-MD5 GSSAPI");
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_FALSE(parsed->legacy_equals_form);
  EXPECT_EQ(parsed->mechanisms.names, (std::vector<std::string>{"PLAIN", "LOGIN", "CRAM-MD5", "GSSAPI"}));
  EXPECT_EQ(parsed->mechanisms.known(),
            (std::vector<Mechanism>{Mechanism::plain, Mechanism::login, Mechanism::cram_md5}));
}

TEST(SaslMechanismList, ParsesLegacySmtpAuthEqualsForm) {
  auto parsed = parse_smtp_auth_keyword("AUTH=LOGIN PLAIN");
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->legacy_equals_form);
  EXPECT_EQ(parsed->mechanisms.names, (std::vector<std::string>{"LOGIN", "PLAIN"}));
  EXPECT_EQ(serialize_smtp_auth_keyword(*parsed), "AUTH=LOGIN PLAIN");
}

TEST(SaslMechanismList, SmtpKeywordIsCaseInsensitiveAndMayBeEmpty) {
  auto parsed = parse_smtp_auth_keyword("auth");
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->mechanisms.names.empty());
}

TEST(SaslMechanismList, RejectsDoubleSpaceInSmtpKeywordAtItsOffset) {
  auto parsed = parse_smtp_auth_keyword("AUTH PLAIN  LOGIN");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 11u);
}

TEST(SaslMechanismList, RejectsOtherKeyword) {
  auto parsed = parse_smtp_auth_keyword("SIZE 1000");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 0u);
  EXPECT_FALSE(parse_smtp_auth_keyword("AUTHX PLAIN"));
}

TEST(SaslMechanismList, RejectsBadMechanismCharacterAtItsOffset) {
  auto parsed = parse_smtp_auth_keyword("AUTH PLAIN LOG*N");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 14u);
}

TEST(SaslMechanismList, RejectsMechanismNameLongerThanTwenty) {
  auto parsed = parse_pop3_sasl_capability("SASL ABCDEFGHIJKLMNOPQRSTUV");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 25u);
}

TEST(SaslMechanismList, SmtpKeywordRoundTrips) {
  SmtpAuthKeyword keyword{false, {{"SCRAM-SHA-256", "PLAIN"}}};
  auto parsed = parse_smtp_auth_keyword(serialize_smtp_auth_keyword(keyword));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, keyword);
}

TEST(SaslMechanismList, ExtractsImapAuthCapabilities) {
  auto parsed = parse_imap_auth_capabilities("IMAP4rev2 SASL-IR AUTH=PLAIN auth=xoauth2 IDLE AUTH=SCRAM-SHA-256");
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->names, (std::vector<std::string>{"PLAIN", "xoauth2", "SCRAM-SHA-256"}));
  EXPECT_TRUE(parsed->contains(Mechanism::xoauth2));
  EXPECT_EQ(serialize_imap_auth_capabilities(*parsed), "AUTH=PLAIN AUTH=xoauth2 AUTH=SCRAM-SHA-256");
}

TEST(SaslMechanismList, ImapListMaySkipLeadingCapabilityWordAndBeEmpty) {
  auto parsed = parse_imap_auth_capabilities("CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED");
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->names.empty());
  EXPECT_TRUE(parse_imap_auth_capabilities("")->names.empty());
}

TEST(SaslMechanismList, RejectsEmptyImapAuthName) {
  auto parsed = parse_imap_auth_capabilities("IMAP4rev1 AUTH=");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 15u);
}

TEST(SaslMechanismList, ImapListRoundTrips) {
  MechanismList list{{"PLAIN", "LOGIN"}};
  EXPECT_EQ(*parse_imap_auth_capabilities(serialize_imap_auth_capabilities(list)), list);
}

TEST(SaslMechanismList, ParsesPop3SaslCapability) {
  auto parsed = parse_pop3_sasl_capability("SASL PLAIN LOGIN");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->names, (std::vector<std::string>{"PLAIN", "LOGIN"}));
  EXPECT_EQ(serialize_pop3_sasl_capability(*parsed), "SASL PLAIN LOGIN");
  EXPECT_FALSE(parse_pop3_sasl_capability("SASLPLAIN"));
}

TEST(SaslSelection, PrefersScramOverPlainUnderTls) {
  SelectionPolicy policy;
  policy.tls_active = true;
  EXPECT_EQ(select_mechanism({{"PLAIN", "LOGIN", "SCRAM-SHA-1", "SCRAM-SHA-256"}}, policy), Mechanism::scram_sha_256);
}

TEST(SaslSelection, NeverPicksCleartextMechanismBeforeTls) {
  SelectionPolicy policy;
  EXPECT_EQ(select_mechanism({{"PLAIN", "LOGIN"}}, policy), std::nullopt);
  EXPECT_EQ(select_mechanism({{"PLAIN", "CRAM-MD5"}}, policy), Mechanism::cram_md5);
  policy.tls_active = true;
  EXPECT_EQ(select_mechanism({{"PLAIN", "CRAM-MD5"}}, policy), Mechanism::plain);
}

TEST(SaslSelection, PicksPlusOnlyWithChannelBindingData) {
  SelectionPolicy policy;
  const MechanismList offered{{"SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"}};
  EXPECT_EQ(select_mechanism(offered, policy), Mechanism::scram_sha_256);
  policy.channel_binding_available = true;
  EXPECT_EQ(select_mechanism(offered, policy), Mechanism::scram_sha_256_plus);
}

TEST(SaslSelection, FollowsACustomPreference) {
  SelectionPolicy policy;
  policy.tls_active = true;
  policy.preference = {Mechanism::login, Mechanism::plain};
  EXPECT_EQ(select_mechanism({{"PLAIN", "LOGIN", "SCRAM-SHA-256"}}, policy), Mechanism::login);
}

}  // namespace
}  // namespace conformance::codec::sasl
