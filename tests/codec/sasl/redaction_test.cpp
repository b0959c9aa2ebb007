#include "harness/codec/sasl/redaction.hpp"

#include <gtest/gtest.h>

#include "harness/codec/sasl/wire.hpp"

namespace conformance::codec::sasl {
namespace {

using namespace std::string_literals;
constexpr auto kClient = Direction::client_to_server;
constexpr auto kServer = Direction::server_to_client;

TEST(SaslRedaction, PlainKeepsIdentitiesAndHidesPassword) {
  auto r = redact(Mechanism::plain, kClient, 0, "\0alice\0hunter2"s);
  EXPECT_TRUE(r.carries_secret);
  EXPECT_EQ(r.rendering, "\0alice\0<redacted>"s);
  EXPECT_EQ(escape_for_transcript(r.rendering), "\\0alice\\0<redacted>");
}

TEST(SaslRedaction, MalformedPlainIsHiddenWhole) {
  auto r = redact(Mechanism::plain, kClient, 0, "alicehunter2");
  EXPECT_TRUE(r.carries_secret);
  EXPECT_EQ(r.rendering, "<redacted>");
}

TEST(SaslRedaction, LoginShowsUsernameAndHidesPassword) {
  EXPECT_EQ(redact(Mechanism::login, kClient, 0, "alice"), (Redacted{false, "alice"}));
  EXPECT_EQ(redact(Mechanism::login, kClient, 1, "hunter2"), (Redacted{true, "<redacted>"}));
  EXPECT_EQ(redact(Mechanism::login, kServer, 1, "Password:"), (Redacted{false, "Password:"}));
}

TEST(SaslRedaction, CramMd5HidesDigest) {
  EXPECT_EQ(redact(Mechanism::cram_md5, kClient, 0, "tim b913a602c7eda7a495b4e6e7334d3890"),
            (Redacted{true, "tim <redacted>"}));
}

TEST(SaslRedaction, ScramShowsFirstMessageAndHidesProof) {
  EXPECT_EQ(redact(Mechanism::scram_sha_256, kClient, 0, "n,,n=user,r=abc").carries_secret, false);
  EXPECT_EQ(redact(Mechanism::scram_sha_256, kClient, 1, "c=biws,r=abcdef,p=dHzbZapWIk4=").rendering,
            "c=biws,r=abcdef,p=<redacted>");
  EXPECT_EQ(redact(Mechanism::scram_sha_256, kClient, 2, ""), (Redacted{false, ""}));
  EXPECT_EQ(redact(Mechanism::scram_sha_256, kServer, 1, "v=abc").carries_secret, false);
}

TEST(SaslRedaction, BearerMechanismsHideTokenButKeepScheme) {
  EXPECT_EQ(redact(Mechanism::xoauth2, kClient, 0, "user=a@b\x01" "auth=Bearer ya29.x\x01\x01"s).rendering,
            "user=a@b\x01" "auth=Bearer <redacted>\x01\x01"s);
  EXPECT_EQ(redact(Mechanism::oauthbearer, kClient, 0, "n,,\x01host=h\x01" "auth=Bearer tok\x01\x01"s).rendering,
            "n,,\x01host=h\x01" "auth=Bearer <redacted>\x01\x01"s);
  EXPECT_EQ(redact(Mechanism::oauthbearer, kClient, 1, "\x01"), (Redacted{false, "\x01"}));
  EXPECT_EQ(redact(Mechanism::xoauth2, kClient, 1, ""), (Redacted{false, ""}));
}

TEST(SaslRedaction, ExternalCarriesNoSecret) {
  EXPECT_EQ(redact(Mechanism::external, kClient, 0, "fred"), (Redacted{false, "fred"}));
}

TEST(SaslRedaction, UnknownMechanismHidesEveryClientMessage) {
  EXPECT_EQ(redact("DIGEST-MD5", kClient, 0, "username=\"chris\",response=abc"), (Redacted{true, "<redacted>"}));
  EXPECT_EQ(redact("DIGEST-MD5", kServer, 0, "realm=\"x\""), (Redacted{false, "realm=\"x\""}));
}

TEST(SaslRedaction, RedactsWireLines) {
  const std::string line = encode_initial_response("\0alice\0hunter2"s);
  EXPECT_EQ(redact_wire_line("plain", kClient, 0, line), (Redacted{true, "\0alice\0<redacted>"s}));
  EXPECT_EQ(redact_wire_line("PLAIN", kClient, 0, "*"), (Redacted{false, "*"}));
  EXPECT_EQ(redact_wire_line("EXTERNAL", kClient, 0, "="), (Redacted{false, "="}));
  EXPECT_EQ(redact_wire_line("LOGIN", kClient, 1, "not base64!"), (Redacted{true, "<redacted>"}));
  EXPECT_EQ(redact_wire_line("LOGIN", kServer, 0, "VXNlcm5hbWU6"), (Redacted{false, "Username:"}));
}

TEST(SaslRedaction, EscapesForTranscript) {
  EXPECT_EQ(escape_for_transcript("a\\b\x01\xC3\xA9"), "a\\\\b\\x01\\xC3\\xA9");
}

}  // namespace
}  // namespace conformance::codec::sasl
