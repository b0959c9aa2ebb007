// Credentials never reach a transcript: what the session renders instead.
#include "harness/protocols/imap/redaction.hpp"

#include <gtest/gtest.h>

namespace conformance::protocols::imap {
namespace {

TEST(ImapRedaction, LoginKeepsTheUserAndHidesThePassword) {
  EXPECT_EQ(redact_client_bytes("a1 LOGIN joe s3cret\r\n", false), "a1 LOGIN joe <redacted>\r\n");
}

TEST(ImapRedaction, QuotedUserNameWithSpacesIsKept) {
  EXPECT_EQ(redact_client_bytes("a1 login \"joe \\\"x\\\" y\" \"p w\"\r\n", false),
            "a1 login \"joe \\\"x\\\" y\" <redacted>\r\n");
}

TEST(ImapRedaction, LiteralUserNameHidesTheRestOfTheWrite) {
  EXPECT_EQ(redact_client_bytes("a1 LOGIN {3+}\r\njoe secret\r\n", false), "a1 LOGIN <redacted>\r\n<redacted>");
}

TEST(ImapRedaction, AuthenticateInitialResponseIsHidden) {
  EXPECT_EQ(redact_client_bytes("a1 AUTHENTICATE PLAIN AGpvZQBzZWNyZXQ=\r\n", false),
            "a1 AUTHENTICATE PLAIN <redacted>\r\n");
}

TEST(ImapRedaction, LinesInsideAnAuthenticateExchangeAreHiddenWhole) {
  EXPECT_EQ(redact_client_bytes("AGpvZQBzZWNyZXQ=\r\n", true), "<redacted>\r\n");
}

TEST(ImapRedaction, OnlyTheLoginOfAPipelinedWriteIsTouched) {
  EXPECT_EQ(redact_client_bytes("a1 NOOP\r\na2 LOGIN joe pw\r\n", false), "a1 NOOP\r\na2 LOGIN joe <redacted>\r\n");
}

TEST(ImapRedaction, OtherCommandsAreLeftAlone) {
  EXPECT_EQ(redact_client_bytes("a1 SELECT INBOX\r\n", false), std::nullopt);
  EXPECT_EQ(redact_client_bytes("a1 AUTHENTICATE PLAIN\r\n", false), std::nullopt);
}

}  // namespace
}  // namespace conformance::protocols::imap
