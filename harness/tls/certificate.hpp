// Certificates and private keys as values: PEM in and out, and the fields a
// report shows about a certificate (subject, issuer, names, validity).
#pragma once

#include "harness/tls/expected.hpp"
#include "harness/tls/openssl_handles.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::tls {

// What a report says about one certificate.
struct CertificateInfo {
  std::string subject;                     // RFC 2253 form, e.g. "CN=mail.example,O=..."
  std::string issuer;                      // RFC 2253 form
  std::vector<std::string> dns_names;      // subjectAltName dNSName entries, in order
  std::vector<std::string> ip_addresses;   // subjectAltName iPAddress entries, textual
  std::chrono::system_clock::time_point not_before;
  std::chrono::system_clock::time_point not_after;
  std::string serial_hex;                  // uppercase hex, no separators
  std::string sha256_fingerprint;          // uppercase hex pairs joined by ':'
  bool self_issued = false;                // issuer name equals subject name

  friend bool operator==(const CertificateInfo&, const CertificateInfo&) = default;
};

class PrivateKey {
 public:
  // A fresh EC P-256 key: fast to generate, accepted by every TLS stack.
  static Expected<PrivateKey> generate_p256();
  static Expected<PrivateKey> from_pem(std::string_view pem);

  std::string to_pem() const;  // unencrypted PKCS#8
  EVP_PKEY* native() const { return key_.get(); }
  explicit PrivateKey(KeyHandle key) : key_(std::move(key)) {}

 private:
  KeyHandle key_;
};

class Certificate {
 public:
  static Expected<Certificate> from_pem(std::string_view pem);
  // Every certificate in a PEM bundle, in order (at least one, or an error).
  static Expected<std::vector<Certificate>> all_from_pem(std::string_view pem);
  // Shares an X509 owned elsewhere (for example by an SSL session).
  static Certificate share(X509* certificate);
  explicit Certificate(X509Handle certificate) : certificate_(std::move(certificate)) {}

  std::string to_pem() const;
  CertificateInfo info() const;
  X509* native() const { return certificate_.get(); }

 private:
  X509Handle certificate_;
};

// Describes a certificate OpenSSL hands out (peer certificates, chains).
CertificateInfo describe_certificate(X509* certificate);

// Writes `text` to `path`, replacing it; `private_file` restricts it to the
// owner (0600), as a key file should be.
Expected<void> write_text_file(const std::filesystem::path& path, std::string_view text, bool private_file);
Expected<std::string> read_text_file(const std::filesystem::path& path);

}  // namespace conformance::tls
