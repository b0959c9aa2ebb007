// Building TLS contexts: configuration mistakes come back as errors with
// OpenSSL's reason, never as exceptions.
#include "harness/tls/context.hpp"
#include "harness/tls/throwaway_pki.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace conformance::tls {
namespace {

const ThrowawayPki& pki() {
  static const ThrowawayPki created = [] {
    auto made = ThrowawayPki::create(std::chrono::system_clock::now());
    if (!made) throw std::runtime_error(made.error().message);
    return std::move(*made);
  }();
  return created;
}

// Spelled out: GCC's -Wmissing-field-initializers flags partial designated initializers.
ClientTlsConfig trusting(TrustStore trust, bool insecure = false) {
  ClientTlsConfig config;
  config.trust = std::move(trust);
  config.insecure = insecure;
  return config;
}

Credential valid_leaf() {
  auto issued = pki().leaf(LeafFault::none, {"mail.test"});
  if (!issued) throw std::runtime_error(issued.error().message);
  return std::move(*issued);
}

TEST(TlsContext, AServerContextBuildsFromACredential) {
  auto context = ServerContext::create(ServerTlsConfig::from_credential(valid_leaf()));
  EXPECT_TRUE(context) << context.error().message;
}

TEST(TlsContext, AServerContextRejectsAGarbageCertificate) {
  ServerTlsConfig config = ServerTlsConfig::from_credential(valid_leaf());
  config.certificate_chain_pem = "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n";
  auto context = ServerContext::create(config);
  ASSERT_FALSE(context);
  EXPECT_EQ(context.error().message.rfind("server certificate: ", 0), 0u) << context.error().message;
}

TEST(TlsContext, AServerContextRejectsAKeyThatIsNotTheCertificates) {
  ServerTlsConfig config = ServerTlsConfig::from_credential(valid_leaf());
  config.private_key_pem = valid_leaf().key_pem();  // another leaf's key
  auto context = ServerContext::create(config);
  ASSERT_FALSE(context);
  EXPECT_NE(context.error().message.find("key"), std::string::npos) << context.error().message;
}

TEST(TlsContext, AServerConfigReadsWhatWritePemFilesWrote) {
  const auto directory = std::filesystem::temp_directory_path();
  const auto tag = std::to_string(::getpid());
  const auto certificate_file = directory / ("conformance-ctx-" + tag + ".pem");
  const auto key_file = directory / ("conformance-ctx-" + tag + ".key");
  const Credential credential = valid_leaf();
  ASSERT_TRUE(credential.write_pem_files(certificate_file, key_file));
  auto config = ServerTlsConfig::from_files(certificate_file, key_file);
  std::filesystem::remove(certificate_file);
  std::filesystem::remove(key_file);
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->certificate_chain_pem, credential.certificate_chain_pem());
  EXPECT_TRUE(ServerContext::create(*config));
}

TEST(TlsContext, AMissingServerFileIsAnError) {
  auto config = ServerTlsConfig::from_files("/nonexistent/cert.pem", "/nonexistent/key.pem");
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().message.find("/nonexistent/cert.pem"), std::string::npos);
}

TEST(TlsContext, AClientContextRejectsAMissingCaFile) {
  auto context = ClientContext::create(trusting(TrustStore::file("/nonexistent/ca.pem")));
  ASSERT_FALSE(context);
  EXPECT_NE(context.error().message.find("/nonexistent/ca.pem"), std::string::npos) << context.error().message;
}

TEST(TlsContext, AClientContextRejectsCaPemWithoutCertificates) {
  auto context = ClientContext::create(trusting(TrustStore::pem("nothing here")));
  ASSERT_FALSE(context);
  EXPECT_NE(context.error().message.find("CA certificates"), std::string::npos) << context.error().message;
}

TEST(TlsContext, AClientContextRemembersInsecureMode) {
  auto strict = ClientContext::create(trusting(TrustStore::none()));
  auto insecure = ClientContext::create(trusting(TrustStore::none(), true));
  ASSERT_TRUE(strict && insecure);
  EXPECT_FALSE(strict->insecure());
  EXPECT_TRUE(insecure->insecure());
  EXPECT_EQ(SSL_CTX_get_verify_mode(strict->native().native_handle()), SSL_VERIFY_PEER);
  EXPECT_EQ(SSL_CTX_get_verify_mode(insecure->native().native_handle()), SSL_VERIFY_NONE);
}

TEST(TlsContext, VersionBoundsReachOpenSsl) {
  ClientTlsConfig config = trusting(TrustStore::none());
  config.min_version = TlsVersion::tls1_2;
  config.max_version = TlsVersion::tls1_3;
  auto context = ClientContext::create(config);
  ASSERT_TRUE(context) << context.error().message;
  EXPECT_EQ(SSL_CTX_get_min_proto_version(context->native().native_handle()), TLS1_2_VERSION);
  EXPECT_EQ(SSL_CTX_get_max_proto_version(context->native().native_handle()), TLS1_3_VERSION);
  EXPECT_EQ(to_string(TlsVersion::tls1_3), "TLSv1.3");
}

}  // namespace
}  // namespace conformance::tls
