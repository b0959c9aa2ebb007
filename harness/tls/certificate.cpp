#include "harness/tls/certificate.hpp"

#include "harness/common/civil_time.hpp"

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>
#include <system_error>

namespace conformance::tls {
namespace {

struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
using Bio = std::unique_ptr<BIO, BioFree>;

std::string drain(BIO* bio) {
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  return length > 0 ? std::string(data, static_cast<std::size_t>(length)) : std::string();
}

Bio read_only_bio(std::string_view text) {
  return Bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
}

std::string name_text(const X509_NAME* name) {
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || name == nullptr) return {};
  X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253);
  return drain(bio.get());
}

// RFC 5280 §4.1.2.5 gives 99991231235959Z to a certificate with no end date,
// past what system_clock holds (2262): such a bound reads as the clock's end.
std::chrono::system_clock::time_point time_point_of(const ASN1_TIME* time) {
  using Clock = std::chrono::system_clock;
  std::tm parts{};
  if (time == nullptr || ASN1_TIME_to_tm(time, &parts) != 1) return {};
  const int year = parts.tm_year + 1900;
  auto instant = instant_of({year, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, 0});
  if (instant) return *instant;
  if (instant.error() != CivilTimeError::out_of_range) return {};
  return year > 1970 ? Clock::time_point::max() : Clock::time_point::min();
}

std::string ip_text(const ASN1_OCTET_STRING* address) {
  const unsigned char* bytes = ASN1_STRING_get0_data(address);
  const int length = ASN1_STRING_length(address);
  char text[INET6_ADDRSTRLEN] = {};
  if (length == 4) {
    inet_ntop(AF_INET, bytes, text, sizeof text);
  } else if (length == 16) {
    inet_ntop(AF_INET6, bytes, text, sizeof text);
  } else {
    return "<" + std::to_string(length) + "-byte address>";
  }
  return text;
}

std::string hex(const unsigned char* bytes, unsigned length, bool colons) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string text;
  for (unsigned i = 0; i < length; ++i) {
    if (colons && i > 0) text += ':';
    text += digits[bytes[i] >> 4];
    text += digits[bytes[i] & 0xF];
  }
  return text;
}

}  // namespace

Expected<PrivateKey> PrivateKey::generate_p256() {
  clear_openssl_errors();
  EVP_PKEY* key = EVP_EC_gen("P-256");
  if (key == nullptr) return Error{openssl_failure("generating an EC P-256 key")};
  return PrivateKey(KeyHandle::adopt(key));
}

Expected<PrivateKey> PrivateKey::from_pem(std::string_view pem) {
  clear_openssl_errors();
  Bio bio = read_only_bio(pem);
  EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
  if (key == nullptr) return Error{openssl_failure("reading a PEM private key")};
  return PrivateKey(KeyHandle::adopt(key));
}

std::string PrivateKey::to_pem() const {
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || !key_) return {};
  PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr);
  return drain(bio.get());
}

Expected<Certificate> Certificate::from_pem(std::string_view pem) {
  clear_openssl_errors();
  Bio bio = read_only_bio(pem);
  X509* certificate = bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr;
  if (certificate == nullptr) return Error{openssl_failure("reading a PEM certificate")};
  return Certificate(X509Handle::adopt(certificate));
}

Expected<std::vector<Certificate>> Certificate::all_from_pem(std::string_view pem) {
  clear_openssl_errors();
  Bio bio = read_only_bio(pem);
  std::vector<Certificate> certificates;
  while (bio) {
    X509* certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
    if (certificate == nullptr) break;
    certificates.emplace_back(X509Handle::adopt(certificate));
  }
  if (certificates.empty()) return Error{openssl_failure("reading PEM certificates (none found)")};
  // Running off the end of the bundle leaves a "no start line" entry behind.
  clear_openssl_errors();
  return certificates;
}

Certificate Certificate::share(X509* certificate) { return Certificate(X509Handle::share(certificate)); }

std::string Certificate::to_pem() const {
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || !certificate_) return {};
  PEM_write_bio_X509(bio.get(), certificate_.get());
  return drain(bio.get());
}

CertificateInfo Certificate::info() const { return describe_certificate(certificate_.get()); }

CertificateInfo describe_certificate(X509* certificate) {
  CertificateInfo info;
  if (certificate == nullptr) return info;
  info.subject = name_text(X509_get_subject_name(certificate));
  info.issuer = name_text(X509_get_issuer_name(certificate));
  info.self_issued = X509_NAME_cmp(X509_get_subject_name(certificate), X509_get_issuer_name(certificate)) == 0;
  info.not_before = time_point_of(X509_get0_notBefore(certificate));
  info.not_after = time_point_of(X509_get0_notAfter(certificate));

  if (auto* names = static_cast<GENERAL_NAMES*>(
          X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr))) {
    for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
      const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, i);
      if (name->type == GEN_DNS) {
        const ASN1_IA5STRING* dns = name->d.dNSName;
        info.dns_names.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(dns)),
                                    static_cast<std::size_t>(ASN1_STRING_length(dns)));
      } else if (name->type == GEN_IPADD) {
        info.ip_addresses.push_back(ip_text(name->d.iPAddress));
      }
    }
    GENERAL_NAMES_free(names);
  }

  if (BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr)) {
    if (char* text = BN_bn2hex(serial)) {
      info.serial_hex = text;
      OPENSSL_free(text);
    }
    BN_free(serial);
  }

  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned length = 0;
  if (X509_digest(certificate, EVP_sha256(), digest, &length) == 1) {
    info.sha256_fingerprint = hex(digest, length, true);
  }
  clear_openssl_errors();
  return info;
}

Expected<void> write_text_file(const std::filesystem::path& path, std::string_view text, bool private_file) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  {
    // Create the file empty and restrict it before the secret goes in.
    std::ofstream create(path, std::ios::binary | std::ios::trunc);
    if (!create) return Error{"cannot create " + path.string()};
  }
  if (private_file) {
    std::error_code failure;
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace, failure);
    if (failure) return Error{"cannot restrict " + path.string() + ": " + failure.message()};
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) return Error{"cannot write " + path.string()};
  return {};
}

Expected<std::string> read_text_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot open " + path.string()};
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return Error{"cannot read " + path.string()};
  return content.str();
}

}  // namespace conformance::tls
