// Credentials in what the client sends never reach the transcript.
#include "harness/protocols/pop3/redaction.hpp"

#include <gtest/gtest.h>

namespace conformance::protocols::pop3 {
namespace {

TEST(Pop3Redaction, NothingSecretGivesNoRendering) {
  EXPECT_EQ(redact_client_bytes("USER mrose\r\nSTAT\r\n", false), std::nullopt);
}

TEST(Pop3Redaction, PassArgumentIsRedacted) {
  EXPECT_EQ(redact_client_bytes("PASS secret\r\n", false), "PASS <redacted>\r\n");
  EXPECT_EQ(redact_client_bytes("pass two words\n", false), "PASS <redacted>\n");
}

TEST(Pop3Redaction, ApopDigestIsRedacted) {
  EXPECT_EQ(redact_client_bytes("APOP mrose c4c9334bac560ecc979e58001b3e22fb\r\n", false), "APOP mrose <redacted>\r\n");
}

TEST(Pop3Redaction, AuthInitialResponseIsRedacted) {
  EXPECT_EQ(redact_client_bytes("AUTH PLAIN AHRlc3QAc2VjcmV0\r\n", false), "AUTH PLAIN <redacted>\r\n");
}

TEST(Pop3Redaction, SaslResponsesAfterAuthAreRedacted) {
  EXPECT_EQ(redact_client_bytes("AUTH LOGIN\r\ndGVzdA==\r\n", false), "AUTH LOGIN\r\n<redacted>\r\n");
  EXPECT_EQ(redact_client_bytes("c2VjcmV0\r\n", true), "<redacted>\r\n");
  EXPECT_EQ(redact_client_bytes("*\r\n", true), std::nullopt);  // a cancel carries nothing
}

TEST(Pop3Redaction, OnlyTheSecretLinesChange) {
  EXPECT_EQ(redact_client_bytes("USER mrose\r\nPASS secret\r\nSTAT\r\n", false),
            "USER mrose\r\nPASS <redacted>\r\nSTAT\r\n");
}

TEST(Pop3Redaction, LineContinuedFromAnEarlierWriteIsJudgedWhole) {
  EXPECT_EQ(redact_client_bytes("secret\r\n", false, "PASS "), "<redacted>\r\n");
  EXPECT_EQ(redact_client_bytes("PASS sec", false), "PASS <redacted>");
}

}  // namespace
}  // namespace conformance::protocols::pop3
