// Each throwaway leaf against OpenSSL's verifier directly (no network), at
// the PKI's own "now": the fault is the only thing wrong with it.
#include "harness/tls/session_info.hpp"
#include "harness/tls/throwaway_pki.hpp"

#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <gtest/gtest.h>

namespace conformance::tls {
namespace {

const std::chrono::system_clock::time_point kNow = std::chrono::system_clock::from_time_t(1714564800);

const ThrowawayPki& pki() {
  static const ThrowawayPki created = [] {
    auto made = ThrowawayPki::create(kNow);
    if (!made) throw std::runtime_error(made.error().message);
    return std::move(*made);
  }();
  return created;
}

// Verifies `fault`'s leaf for host mail.test against the trusted root at kNow.
int verify(LeafFault fault) {
  auto issued = pki().leaf(fault, {"mail.test"});
  if (!issued) throw std::runtime_error(issued.error().message);
  X509_STORE* store = X509_STORE_new();
  X509_STORE_add_cert(store, pki().trusted_root().certificate().native());
  X509_STORE_CTX* context = X509_STORE_CTX_new();
  X509_STORE_CTX_init(context, store, issued->certificate.native(), nullptr);
  X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(context);
  X509_VERIFY_PARAM_set_time(param, std::chrono::system_clock::to_time_t(kNow));
  X509_VERIFY_PARAM_set1_host(param, "mail.test", 0);
  X509_VERIFY_PARAM_set_hostflags(param, host_check_flags());
  X509_verify_cert(context);
  const int code = X509_STORE_CTX_get_error(context);
  X509_STORE_CTX_free(context);
  X509_STORE_free(store);
  return code;
}

TEST(OfflineVerification, AValidLeafVerifies) { EXPECT_EQ(verify(LeafFault::none), X509_V_OK); }

TEST(OfflineVerification, AnExpiredLeafHasExpired) {
  EXPECT_EQ(verify(LeafFault::expired), X509_V_ERR_CERT_HAS_EXPIRED);
}

TEST(OfflineVerification, ANotYetValidLeafIsNotYetValid) {
  EXPECT_EQ(verify(LeafFault::not_yet_valid), X509_V_ERR_CERT_NOT_YET_VALID);
}

TEST(OfflineVerification, AWrongHostLeafMismatchesTheHost) {
  EXPECT_EQ(verify(LeafFault::wrong_host), X509_V_ERR_HOSTNAME_MISMATCH);
}

TEST(OfflineVerification, ASelfSignedLeafIsSelfSignedAtDepthZero) {
  EXPECT_EQ(verify(LeafFault::self_signed), X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT);
}

TEST(OfflineVerification, AnUntrustedRootLeafHasNoLocalIssuer) {
  EXPECT_EQ(verify(LeafFault::untrusted_root), X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
}

TEST(HostCheck, TheSubjectCommonNameIsNeverUsedAsAHostName) {
  // RFC 9525 §6.3: a certificate naming the host only in its CN does not match.
  CertificateSpec spec;
  spec.common_name = "mail.test";
  spec.validity = ThrowawayPki::leaf_validity(LeafFault::none, kNow);
  auto issued = pki().trusted_root().issue(spec);
  ASSERT_TRUE(issued) << issued.error().message;
  EXPECT_NE(X509_check_host(issued->certificate.native(), "mail.test", 9, host_check_flags(), nullptr), 1);
  EXPECT_EQ(X509_check_host(issued->certificate.native(), "mail.test", 9, 0, nullptr), 1);  // OpenSSL's default would
}

TEST(HostCheck, IpLiteralsAreRecognised) {
  EXPECT_TRUE(is_ip_literal("127.0.0.1"));
  EXPECT_TRUE(is_ip_literal("::1"));
  EXPECT_FALSE(is_ip_literal("mail.test"));
  EXPECT_FALSE(is_ip_literal(""));
}

}  // namespace
}  // namespace conformance::tls
