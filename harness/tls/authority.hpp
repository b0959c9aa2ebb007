// Issuing certificates in memory: a root CA that signs leaf certificates, and
// self-signed leaves. EC P-256 keys throughout (fast to generate). Meant for
// tests and fake servers, never for production trust.
#pragma once

#include "harness/tls/certificate.hpp"
#include "harness/tls/expected.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace conformance::tls {

// The notBefore/notAfter window of a certificate. X.509 keeps whole seconds,
// so both ends are truncated to seconds when a certificate is issued.
struct Validity {
  std::chrono::system_clock::time_point not_before;
  std::chrono::system_clock::time_point not_after;

  // [now - before, now + after], in whole seconds from a given "now", so the
  // same inputs always give the same window.
  static Validity around(std::chrono::system_clock::time_point now, std::chrono::seconds before,
                         std::chrono::seconds after);
};

struct CertificateSpec {
  // Empty: the first DNS name, else the first IP address, else a fixed name.
  std::string common_name;
  std::vector<std::string> dns_names;     // subjectAltName dNSName entries
  std::vector<std::string> ip_addresses;  // subjectAltName iPAddress entries ("127.0.0.1", "::1")
  Validity validity;
};

// A certificate, its private key and the intermediates to send with it.
struct Credential {
  Certificate certificate;
  PrivateKey key;
  std::vector<Certificate> chain;  // sent after the leaf; never includes the root

  std::string certificate_chain_pem() const;  // the leaf, then the chain
  std::string key_pem() const;
  // Writes the chain PEM and the key PEM (the key file readable by the owner only).
  Expected<void> write_pem_files(const std::filesystem::path& certificate_file,
                                 const std::filesystem::path& key_file) const;
};

class Authority {
 public:
  // A self-signed root CA (basicConstraints CA:TRUE, keyCertSign).
  static Expected<Authority> create(const std::string& common_name, Validity validity);

  // A leaf for TLS servers and clients (CA:FALSE, digitalSignature,
  // serverAuth+clientAuth), signed by this authority.
  Expected<Credential> issue(const CertificateSpec& spec) const;

  const Certificate& certificate() const { return certificate_; }
  const PrivateKey& key() const { return key_; }
  std::string certificate_pem() const { return certificate_.to_pem(); }

 private:
  Authority(Certificate certificate, PrivateKey key) : certificate_(std::move(certificate)), key_(std::move(key)) {}
  Certificate certificate_;
  PrivateKey key_;
};

// A leaf that signs itself (what a misconfigured server presents).
Expected<Credential> make_self_signed(const CertificateSpec& spec);

}  // namespace conformance::tls
