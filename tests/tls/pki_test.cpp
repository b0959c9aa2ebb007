// The throwaway PKI: what each certificate contains and when it is valid.
#include "harness/tls/authority.hpp"
#include "harness/tls/throwaway_pki.hpp"

#include <openssl/x509v3.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace conformance::tls {
namespace {

using namespace std::chrono_literals;
using days = std::chrono::duration<std::int64_t, std::ratio<86400>>;

// A fixed "now" (2024-05-01T12:00:00.750Z): whole-second truncation shows.
const std::chrono::system_clock::time_point kNow =
    std::chrono::system_clock::from_time_t(1714564800) + std::chrono::milliseconds(750);
const std::chrono::system_clock::time_point kNowSeconds = std::chrono::system_clock::from_time_t(1714564800);

const ThrowawayPki& pki() {
  static const ThrowawayPki created = [] {
    auto made = ThrowawayPki::create(kNow);
    if (!made) throw std::runtime_error(made.error().message);
    return std::move(*made);
  }();
  return created;
}

Credential leaf(LeafFault fault, std::vector<std::string> dns = {"mail.test"}, std::vector<std::string> ips = {}) {
  auto issued = pki().leaf(fault, dns, ips);
  if (!issued) throw std::runtime_error(issued.error().message);
  return std::move(*issued);
}

TEST(ThrowawayPki, TheRootIsASelfIssuedCa) {
  const Certificate& root = pki().trusted_root().certificate();
  const CertificateInfo info = root.info();
  EXPECT_TRUE(info.self_issued);
  EXPECT_EQ(info.subject, "CN=conformance trusted test root,O=conformance throwaway PKI");
  EXPECT_EQ(X509_check_ca(root.native()), 1);
}

TEST(ThrowawayPki, ALeafCarriesTheRequestedDnsNamesAndIpAddresses) {
  const Credential credential = leaf(LeafFault::none, {"mail.test", "imap.mail.test"}, {"127.0.0.1", "::1"});
  const CertificateInfo info = credential.certificate.info();
  EXPECT_EQ(info.dns_names, (std::vector<std::string>{"mail.test", "imap.mail.test"}));
  EXPECT_EQ(info.ip_addresses, (std::vector<std::string>{"127.0.0.1", "::1"}));
  EXPECT_EQ(info.subject, "CN=mail.test,O=conformance throwaway PKI");
  EXPECT_EQ(info.issuer, pki().trusted_root().certificate().info().subject);
  EXPECT_EQ(X509_check_ca(credential.certificate.native()), 0);
}

TEST(ThrowawayPki, ValidityWindowsAreWholeSecondOffsetsFromNow) {
  const CertificateInfo valid = leaf(LeafFault::none).certificate.info();
  EXPECT_EQ(valid.not_before, kNowSeconds - 1h);
  EXPECT_EQ(valid.not_after, kNowSeconds + days(30));
  const CertificateInfo expired = leaf(LeafFault::expired).certificate.info();
  EXPECT_EQ(expired.not_before, kNowSeconds - days(30));
  EXPECT_EQ(expired.not_after, kNowSeconds - days(1));
  const CertificateInfo early = leaf(LeafFault::not_yet_valid).certificate.info();
  EXPECT_EQ(early.not_before, kNowSeconds + days(1));
  EXPECT_EQ(early.not_after, kNowSeconds + days(30));
  const CertificateInfo root = pki().trusted_root().certificate().info();
  EXPECT_EQ(root.not_before, kNowSeconds - days(365));
  EXPECT_EQ(root.not_after, kNowSeconds + days(365));
}

TEST(ThrowawayPki, AWrongHostLeafNamesOnlyTheWrongHost) {
  const CertificateInfo info = leaf(LeafFault::wrong_host, {"mail.test"}, {"127.0.0.1"}).certificate.info();
  EXPECT_EQ(info.dns_names, (std::vector<std::string>{"wrong-host.invalid"}));
  EXPECT_TRUE(info.ip_addresses.empty());
}

TEST(ThrowawayPki, ASelfSignedLeafIsItsOwnIssuer) {
  const CertificateInfo info = leaf(LeafFault::self_signed).certificate.info();
  EXPECT_TRUE(info.self_issued);
  EXPECT_EQ(info.dns_names, (std::vector<std::string>{"mail.test"}));
}

TEST(ThrowawayPki, AnUntrustedRootLeafIsIssuedByTheOtherRoot) {
  const CertificateInfo info = leaf(LeafFault::untrusted_root).certificate.info();
  EXPECT_EQ(info.issuer, pki().untrusted_root().certificate().info().subject);
  EXPECT_NE(info.issuer, pki().trusted_root().certificate().info().subject);
}

TEST(ThrowawayPki, SerialNumbersAreDistinct) {
  EXPECT_NE(leaf(LeafFault::none).certificate.info().serial_hex, leaf(LeafFault::none).certificate.info().serial_hex);
}

TEST(ThrowawayPki, AnInvalidIpAddressIsAnError) {
  auto issued = pki().leaf(LeafFault::none, {"mail.test"}, {"300.1.2.3"});
  ASSERT_FALSE(issued);
  EXPECT_NE(issued.error().message.find("300.1.2.3"), std::string::npos) << issued.error().message;
}

TEST(ThrowawayPki, ACommaInANameStaysOneName) {
  const CertificateInfo info = leaf(LeafFault::none, {"a.test,DNS:b.test"}).certificate.info();
  EXPECT_EQ(info.dns_names, (std::vector<std::string>{"a.test,DNS:b.test"}));
}

TEST(CertificatePem, ACertificateSurvivesAPemRoundTrip) {
  const Credential credential = leaf(LeafFault::none);
  auto reread = Certificate::from_pem(credential.certificate.to_pem());
  ASSERT_TRUE(reread) << reread.error().message;
  EXPECT_EQ(reread->info(), credential.certificate.info());
  EXPECT_EQ(reread->info().sha256_fingerprint.size(), 32u * 3 - 1);
}

// RFC 5280 §4.1.2.5: 99991231235959Z means "no well-defined expiration
// date". Reading it must not overflow the nanosecond clock.
TEST(CertificateInfo, ANotAfterOfYear9999ReadsAsTheEndOfTheClock) {
  const Credential credential = leaf(LeafFault::none);
  X509* copy = X509_dup(credential.certificate.native());
  ASSERT_NE(copy, nullptr);
  ASSERT_EQ(ASN1_TIME_set_string(X509_getm_notAfter(copy), "99991231235959Z"), 1);
  const Certificate no_end{X509Handle::adopt(copy)};
  EXPECT_EQ(no_end.info().not_after, std::chrono::system_clock::time_point::max());
  EXPECT_EQ(no_end.info().not_before, credential.certificate.info().not_before);
}

TEST(CertificatePem, AKeySurvivesAPemRoundTrip) {
  const Credential credential = leaf(LeafFault::none);
  const std::string pem = credential.key_pem();
  EXPECT_EQ(pem.rfind("-----BEGIN PRIVATE KEY-----", 0), 0u);
  auto reread = PrivateKey::from_pem(pem);
  ASSERT_TRUE(reread) << reread.error().message;
  EXPECT_EQ(EVP_PKEY_eq(reread->native(), credential.key.native()), 1);
}

TEST(CertificatePem, GarbageIsAnErrorWithOpenSslsReason) {
  auto parsed = Certificate::from_pem("not a certificate");
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find("reading a PEM certificate"), std::string::npos);
  EXPECT_NE(parsed.error().message.find("no start line"), std::string::npos) << parsed.error().message;
}

TEST(CertificatePem, APemBundleYieldsEveryCertificateInOrder) {
  const std::string bundle =
      pki().trusted_root().certificate_pem() + pki().untrusted_root().certificate_pem();
  auto all = Certificate::all_from_pem(bundle);
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].info().subject, pki().untrusted_root().certificate().info().subject);
}

TEST(CertificatePem, WritePemFilesRestrictsTheKeyFileToItsOwner) {
  const auto directory = std::filesystem::temp_directory_path();
  const auto tag = std::to_string(::getpid());
  const auto certificate_file = directory / ("conformance-leaf-" + tag + ".pem");
  const auto key_file = directory / ("conformance-leaf-" + tag + ".key");
  const Credential credential = leaf(LeafFault::none);
  ASSERT_TRUE(credential.write_pem_files(certificate_file, key_file));
  const auto key_permissions = std::filesystem::status(key_file).permissions();
  auto certificate_text = read_text_file(certificate_file);
  auto key_text = read_text_file(key_file);
  std::filesystem::remove(certificate_file);
  std::filesystem::remove(key_file);
  EXPECT_EQ(key_permissions, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  ASSERT_TRUE(certificate_text && key_text);
  EXPECT_EQ(*certificate_text, credential.certificate_chain_pem());
  EXPECT_EQ(*key_text, credential.key_pem());
}

}  // namespace
}  // namespace conformance::tls
