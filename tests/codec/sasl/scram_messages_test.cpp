#include "harness/codec/sasl/scram_messages.hpp"

#include <gtest/gtest.h>

#include "harness/codec/common/base64.hpp"

namespace conformance::codec::sasl {
namespace {

using namespace std::string_literals;

TEST(SaslScramMessages, ParsesRfc7677ClientFirst) {
  auto parsed = parse_scram_client_first("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->gs2.flag, Gs2Header::Flag::not_supported);
  EXPECT_EQ(parsed->username, "user");
  EXPECT_EQ(parsed->nonce, "rOprNGfwEbeRWgbNEkqO");
  EXPECT_FALSE(parsed->mandatory_extension);
  EXPECT_TRUE(parsed->extensions.empty());
}

TEST(SaslScramMessages, ParsesRfc7677ServerFirst) {
  auto parsed = parse_scram_server_first("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->nonce, "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
  EXPECT_EQ(base64_encode(parsed->salt), "W22ZaJ0SNY7soEsUEjb6gQ==");
  EXPECT_EQ(parsed->iterations, 4096u);
}

TEST(SaslScramMessages, ParsesRfc7677ClientFinal) {
  auto parsed = parse_scram_client_final(
      "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->channel_binding, "n,,");
  EXPECT_EQ(parsed->proof.size(), 32u);
}

TEST(SaslScramMessages, ParsesRfc7677ServerFinal) {
  auto parsed = parse_scram_server_final("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
  ASSERT_TRUE(parsed);
  EXPECT_FALSE(parsed->error);
  EXPECT_EQ(parsed->verifier.size(), 32u);
}

TEST(SaslScramMessages, ParsesServerError) {
  auto parsed = parse_scram_server_final("e=invalid-proof");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->error, "invalid-proof");
}

TEST(SaslScramMessages, KeepsMandatoryExtensionAndExtensions) {
  auto parsed = parse_scram_client_first("n,,m=future,n=user,r=abc,x=1,y=a=b");
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->mandatory_extension, "future");
  EXPECT_EQ(parsed->extensions, (std::vector<ScramExtension>{{'x', "1"}, {'y', "a=b"}}));
}

TEST(SaslScramMessages, DecodesEscapedUsername) {
  auto parsed = parse_scram_client_first("n,,n=a=2Cb=3D,r=abc");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->username, "a,b=");
}

TEST(SaslScramMessages, ClientFinalKeepsExtensionsBeforeProof) {
  auto parsed = parse_scram_client_final("c=biws,r=abc,x=ext,p=AAAA");
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->extensions, (std::vector<ScramExtension>{{'x', "ext"}}));
  EXPECT_EQ(parsed->proof, "\0\0\0"s);
}

TEST(SaslScramMessages, RejectsAttributesOutOfOrder) {
  auto parsed = parse_scram_client_first("n,,r=abc,n=user");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 3u);
  EXPECT_EQ(parsed.error().expected, "attribute \"n=\"");
}

TEST(SaslScramMessages, RejectsMissingNonce) {
  auto parsed = parse_scram_client_first("n,,n=user");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 9u);
}

TEST(SaslScramMessages, RejectsNonceWithNonPrintable) {
  auto parsed = parse_scram_client_first("n,,n=user,r=ab c");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 14u);
}

TEST(SaslScramMessages, RejectsEmptyUsername) {
  auto parsed = parse_scram_client_first("n,,n=,r=abc");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 5u);
}

TEST(SaslScramMessages, RejectsExtensionWithoutValue) {
  auto parsed = parse_scram_client_first("n,,n=user,r=abc,x=");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 18u);
}

TEST(SaslScramMessages, RejectsNonLetterAttributeName) {
  auto parsed = parse_scram_client_first("n,,n=user,r=abc,1=x");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 16u);
}

TEST(SaslScramMessages, RejectsZeroAndLeadingZeroIterationCount) {
  EXPECT_EQ(parse_scram_server_first("r=abc,s=QSXCR+Q6sek8bf92,i=0").error().offset, 27u);
  EXPECT_EQ(parse_scram_server_first("r=abc,s=QSXCR+Q6sek8bf92,i=04096").error().offset, 27u);
}

TEST(SaslScramMessages, RejectsIterationCountOverflow) {
  auto parsed = parse_scram_server_first("r=abc,s=QSXCR+Q6sek8bf92,i=4294967296");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 36u);
  EXPECT_TRUE(parse_scram_server_first("r=abc,s=QSXCR+Q6sek8bf92,i=4294967295"));
}

TEST(SaslScramMessages, RejectsBadBase64SaltAtItsOffset) {
  auto parsed = parse_scram_server_first("r=abc,s=QSX*R+Q6sek8bf92,i=4096");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 11u);
}

TEST(SaslScramMessages, RejectsClientFinalWithoutProof) {
  auto parsed = parse_scram_client_final("c=biws,r=abc");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 12u);
}

TEST(SaslScramMessages, RejectsAttributeAfterProof) {
  auto parsed = parse_scram_client_final("c=biws,r=abc,p=AAAA,x=1");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 19u);
}

TEST(SaslScramMessages, RejectsServerFinalWithoutVerifierOrError) {
  auto parsed = parse_scram_server_final("x=1");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 0u);
}

TEST(SaslScramMessages, RejectsOversizedMessage) {
  Limits limits;
  limits.max_message_length = 10;
  auto parsed = parse_scram_client_first("n,,n=user,r=abcdef", limits);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().offset, 10u);
}

TEST(SaslScramMessages, RoundTripsEveryMessage) {
  ScramClientFirst client_first{{Gs2Header::Flag::bound, "tls-exporter", "ad,min"}, "m", "us=er", "n0nce",
                                {{'x', "y"}}};
  EXPECT_EQ(*parse_scram_client_first(serialize_scram_client_first(client_first)), client_first);
  ScramServerFirst server_first{std::nullopt, "n0nceMORE", "\x01\x02salt", 4096, {{'z', "1"}}};
  EXPECT_EQ(*parse_scram_server_first(serialize_scram_server_first(server_first)), server_first);
  ScramClientFinal client_final{"p=tls-exporter,,\xAA\xBB", "n0nceMORE", {{'q', "v"}}, std::string(32, '\x5A')};
  EXPECT_EQ(*parse_scram_client_final(serialize_scram_client_final(client_final)), client_final);
  ScramServerFinal verifier{std::nullopt, std::string(32, '\x11'), {}};
  EXPECT_EQ(*parse_scram_server_final(serialize_scram_server_final(verifier)), verifier);
  ScramServerFinal error{"channel-bindings-dont-match", "", {{'k', "v"}}};
  EXPECT_EQ(*parse_scram_server_final(serialize_scram_server_final(error)), error);
}

TEST(SaslScramMessages, SerializesRfc7677ClientFirstAndBare) {
  ScramClientFirst message;
  message.username = "user";
  message.nonce = "rOprNGfwEbeRWgbNEkqO";
  EXPECT_EQ(serialize_scram_client_first(message), "n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
  EXPECT_EQ(serialize_scram_client_first_bare(message), "n=user,r=rOprNGfwEbeRWgbNEkqO");
}

TEST(SaslScramMessages, NonceValidity) {
  EXPECT_TRUE(is_valid_scram_nonce("%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"));
  EXPECT_FALSE(is_valid_scram_nonce("a,b"));
  EXPECT_FALSE(is_valid_scram_nonce(""));
  EXPECT_FALSE(is_valid_scram_nonce("a b"));
}

}  // namespace
}  // namespace conformance::codec::sasl
