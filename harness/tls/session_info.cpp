#include "harness/tls/session_info.hpp"

#include <openssl/x509v3.h>

#include <arpa/inet.h>

namespace conformance::tls {

bool is_ip_literal(std::string_view host) {
  if (host.empty() || host.size() >= INET6_ADDRSTRLEN) return false;
  const std::string text(host);
  unsigned char address[16];
  return inet_pton(AF_INET, text.c_str(), address) == 1 || inet_pton(AF_INET6, text.c_str(), address) == 1;
}

unsigned host_check_flags() {
  return X509_CHECK_FLAG_NEVER_CHECK_SUBJECT | X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
}

TlsInfo describe_session(SSL* ssl, std::string_view expected_host) {
  TlsInfo info;
  if (ssl == nullptr) return info;
  info.handshake_complete = SSL_is_init_finished(ssl) == 1;
  if (const char* version = SSL_get_version(ssl)) info.version = version;
  if (const SSL_CIPHER* cipher = SSL_get_current_cipher(ssl)) {
    if (const char* name = SSL_CIPHER_get_name(cipher)) info.cipher = name;
  }
  if (const char* name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name)) info.server_name = name;
  info.session_reused = SSL_session_reused(ssl) == 1;

  X509* peer = SSL_get0_peer_certificate(ssl);
  STACK_OF(X509)* chain = SSL_get_peer_cert_chain(ssl);
  // A client that rejected the chain never promotes the leaf to "the peer
  // certificate", but keeps the chain the server sent, leaf first; a report
  // about a rejected certificate needs exactly that certificate.
  if (peer == nullptr && SSL_is_server(ssl) == 0 && chain != nullptr && sk_X509_num(chain) > 0) {
    peer = sk_X509_value(chain, 0);
  }
  if (peer != nullptr) info.peer_certificate = describe_certificate(peer);
  if (chain != nullptr) {
    for (int i = 0; i < sk_X509_num(chain); ++i) info.peer_chain.push_back(describe_certificate(sk_X509_value(chain, i)));
  }

  info.verification.code = SSL_get_verify_result(ssl);
  info.verification.text = X509_verify_cert_error_string(info.verification.code);

  info.expected_host = std::string(expected_host);
  if (!expected_host.empty() && peer != nullptr) {
    const std::string host(expected_host);
    if (is_ip_literal(host)) {
      info.hostname_matched = X509_check_ip_asc(peer, host.c_str(), host_check_flags()) == 1;
      if (*info.hostname_matched) info.matched_name = host;
    } else {
      char* matched = nullptr;
      info.hostname_matched = X509_check_host(peer, host.data(), host.size(), host_check_flags(), &matched) == 1;
      if (matched != nullptr) {
        info.matched_name = matched;
        OPENSSL_free(matched);
      }
    }
  }
  return info;
}

}  // namespace conformance::tls
