// Certificate verification over a real handshake: each throwaway leaf fault
// is rejected with OpenSSL's matching reason, a valid leaf is accepted, and
// insecure mode connects while still recording what verification said.
#include "harness/net/connect.hpp"
#include "harness/net/stream.hpp"
#include "tests/net/test_support.hpp"

#include <openssl/x509_vfy.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace conformance::net {
namespace {

using namespace testing;

struct HandshakeResult {
  std::optional<Error> error;
  std::optional<tls::TlsInfo> info;
};

// A raw Asio TLS server presenting `server`'s certificate to our client.
HandshakeResult handshake_against(const tls::ServerContext& server, const tls::ClientContext& client,
                                  ClientTlsParams params) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  spawn(io, [&]() -> awaitable<void> {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::ssl::stream<tcp::socket&> peer(socket, server.native());
    boost::system::error_code failed;
    co_await peer.async_handshake(asio::ssl::stream_base::server, asio::redirect_error(asio::use_awaitable, failed));
    if (failed) co_return;  // the client refused us: expected for the faults
    char byte = 0;
    co_await peer.async_read_some(asio::buffer(&byte, 1), asio::redirect_error(asio::use_awaitable, failed));
  });
  HandshakeResult result;
  spawn(io, [&]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    Outcome<TlsUpgrade> upgrade = co_await stream->start_tls(client, params, 5s);
    if (!upgrade) result.error = upgrade.error();
    result.info = stream->tls_info();
    stream->abort();
  });
  EXPECT_TRUE(run_until_idle(io));
  return result;
}

HandshakeResult handshake_with_leaf(tls::LeafFault fault, bool insecure = false) {
  return handshake_against(server_context(leaf(fault)), client_context(insecure), {"mail.test"});
}

void expect_rejected_with(const HandshakeResult& result, long verify_code) {
  ASSERT_TRUE(result.error.has_value());
  EXPECT_EQ(result.error->code, ErrorCode::tls_handshake_failed) << result.error->describe();
  ASSERT_TRUE(result.info.has_value());
  EXPECT_FALSE(result.info->handshake_complete);
  EXPECT_EQ(result.info->verification.code, verify_code) << result.info->verification.text;
  // What was rejected stays describable for the report.
  ASSERT_TRUE(result.info->peer_certificate.has_value());
  EXPECT_FALSE(result.info->peer_certificate->sha256_fingerprint.empty());
  EXPECT_NE(result.error->message.find(X509_verify_cert_error_string(verify_code)), std::string::npos)
      << result.error->message;
}

TEST(TlsVerification, AValidLeafVerifiesAndMatchesTheHost) {
  const HandshakeResult result = handshake_with_leaf(tls::LeafFault::none);
  EXPECT_FALSE(result.error.has_value()) << result.error->describe();
  ASSERT_TRUE(result.info.has_value());
  EXPECT_EQ(result.info->verification.code, X509_V_OK);
  EXPECT_EQ(result.info->hostname_matched, std::optional<bool>(true));
}

TEST(TlsVerification, AnExpiredLeafIsRejectedAsExpired) {
  expect_rejected_with(handshake_with_leaf(tls::LeafFault::expired), X509_V_ERR_CERT_HAS_EXPIRED);
}

TEST(TlsVerification, ANotYetValidLeafIsRejectedAsNotYetValid) {
  expect_rejected_with(handshake_with_leaf(tls::LeafFault::not_yet_valid), X509_V_ERR_CERT_NOT_YET_VALID);
}

TEST(TlsVerification, AWrongHostLeafIsRejectedAsAHostnameMismatch) {
  const HandshakeResult result = handshake_with_leaf(tls::LeafFault::wrong_host);
  expect_rejected_with(result, X509_V_ERR_HOSTNAME_MISMATCH);
  ASSERT_TRUE(result.info.has_value());
  EXPECT_EQ(result.info->hostname_matched, std::optional<bool>(false));
}

TEST(TlsVerification, ASelfSignedLeafIsRejectedAsSelfSigned) {
  expect_rejected_with(handshake_with_leaf(tls::LeafFault::self_signed), X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT);
}

TEST(TlsVerification, ALeafFromAnUntrustedRootIsRejectedForItsUnknownIssuer) {
  expect_rejected_with(handshake_with_leaf(tls::LeafFault::untrusted_root),
                       X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
}

TEST(TlsVerification, InsecureModeConnectsButRecordsTheFailure) {
  const HandshakeResult result = handshake_with_leaf(tls::LeafFault::expired, /*insecure=*/true);
  EXPECT_FALSE(result.error.has_value()) << result.error->describe();
  ASSERT_TRUE(result.info.has_value());
  EXPECT_TRUE(result.info->handshake_complete);
  EXPECT_EQ(result.info->verification.code, X509_V_ERR_CERT_HAS_EXPIRED);
  EXPECT_EQ(result.info->verification.text, "certificate has expired");
}

TEST(TlsVerification, InsecureModeRecordsAHostnameMismatch) {
  const HandshakeResult result = handshake_with_leaf(tls::LeafFault::wrong_host, /*insecure=*/true);
  EXPECT_FALSE(result.error.has_value()) << result.error->describe();
  ASSERT_TRUE(result.info.has_value());
  EXPECT_EQ(result.info->verification.code, X509_V_ERR_HOSTNAME_MISMATCH);
  EXPECT_EQ(result.info->hostname_matched, std::optional<bool>(false));
}

TEST(TlsVerification, TheSystemTrustStoreDoesNotTrustTheThrowawayRoot) {
  auto system = tls::ClientContext::create(trusting(tls::TrustStore::system()));
  ASSERT_TRUE(system) << system.error().message;
  const HandshakeResult result = handshake_against(server_context(leaf(tls::LeafFault::none)), *system, {"mail.test"});
  expect_rejected_with(result, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
}

TEST(TlsVerification, ACaFileTrustStoreIsUsed) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("conformance-ca-" + std::to_string(::getpid()) + ".pem");
  ASSERT_TRUE(tls::write_text_file(file, test_pki().trusted_root().certificate_pem(), false));
  auto from_file = tls::ClientContext::create(trusting(tls::TrustStore::file(file)));
  std::filesystem::remove(file);
  ASSERT_TRUE(from_file) << from_file.error().message;
  const HandshakeResult result =
      handshake_against(server_context(leaf(tls::LeafFault::none)), *from_file, {"mail.test"});
  EXPECT_FALSE(result.error.has_value()) << result.error->describe();
}

tls::ServerContext server_capped_at_tls12() {
  tls::ServerTlsConfig config = tls::ServerTlsConfig::from_credential(leaf(tls::LeafFault::none));
  config.max_version = tls::TlsVersion::tls1_2;
  auto context = tls::ServerContext::create(config);
  if (!context) throw std::runtime_error(context.error().message);
  return std::move(*context);
}

TEST(TlsVerification, TheNegotiatedVersionIsReportedWhenTheServerCapsIt) {
  const HandshakeResult result = handshake_against(server_capped_at_tls12(), client_context(), {"mail.test"});
  EXPECT_FALSE(result.error.has_value()) << result.error->describe();
  ASSERT_TRUE(result.info.has_value());
  EXPECT_EQ(result.info->version, "TLSv1.2");
}

TEST(TlsVerification, AClientVersionFloorAboveTheServerCeilingFailsTheHandshake) {
  tls::ClientTlsConfig config;
  config.trust = tls::TrustStore::pem(test_pki().trusted_root().certificate_pem());
  config.min_version = tls::TlsVersion::tls1_3;
  auto client = tls::ClientContext::create(config);
  ASSERT_TRUE(client) << client.error().message;
  const HandshakeResult result = handshake_against(server_capped_at_tls12(), *client, {"mail.test"});
  ASSERT_TRUE(result.error.has_value());
  EXPECT_EQ(result.error->code, ErrorCode::tls_handshake_failed) << result.error->describe();
}

}  // namespace
}  // namespace conformance::net
