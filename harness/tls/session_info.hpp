// What a TLS handshake established, for reports and assertions: protocol
// version, cipher, the peer's certificate and the verification verdict.
#pragma once

#include "harness/tls/certificate.hpp"

#include <openssl/ssl.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::tls {

struct VerificationResult {
  long code = 0;     // X509_V_OK (0) or an X509_V_ERR_* value
  std::string text;  // OpenSSL's wording, e.g. "certificate has expired"

  bool ok() const { return code == 0; }
  friend bool operator==(const VerificationResult&, const VerificationResult&) = default;
};

struct TlsInfo {
  bool handshake_complete = false;
  std::string version;      // "TLSv1.3" (OpenSSL's names)
  std::string cipher;       // "TLS_AES_256_GCM_SHA384"
  std::string server_name;  // SNI: what the client sent (both roles see it)
  bool session_reused = false;

  // The peer's leaf; in the client role also after a rejected handshake.
  std::optional<CertificateInfo> peer_certificate;
  std::vector<CertificateInfo> peer_chain;  // as the peer sent it (client role: leaf first)

  // The chain and host-name verdict (client role). In insecure mode this is
  // what verification would have said.
  VerificationResult verification;
  std::string expected_host;             // the name (or IP) the client checked
  std::optional<bool> hostname_matched;  // unset without a host or a certificate
  std::string matched_name;              // the certificate name that matched (RFC 6125 §6.4)
};

// Reads the state of `ssl` after a handshake, successful or not.
// `expected_host` is the name the client asked for (empty in the server role);
// the host check is redone on the peer certificate directly, so the answer
// does not depend on where in the chain verification stopped.
TlsInfo describe_session(SSL* ssl, std::string_view expected_host);

// The X509_CHECK_FLAG_* flags of every host-name check here: RFC 9525 §6.3
// (which obsoletes RFC 6125) forbids falling back to the subject CN, and
// §6.3 allows a wildcard only as the whole left-most label.
unsigned host_check_flags();

// True for an IPv4 or IPv6 literal (which gets an iPAddress check and no SNI,
// RFC 6066 §3).
bool is_ip_literal(std::string_view host);

}  // namespace conformance::tls
