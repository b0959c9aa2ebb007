#include "harness/tls/authority.hpp"

#include <openssl/bn.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <memory>

namespace conformance::tls {
namespace {

// RFC 5280 §4.1.2.6 caps the commonName at 64 characters (ub-common-name).
constexpr std::size_t kMaxCommonName = 64;

enum class Kind { root_ca, leaf };

std::string default_common_name(const CertificateSpec& spec) {
  std::string name = !spec.common_name.empty()  ? spec.common_name
                     : !spec.dns_names.empty()  ? spec.dns_names.front()
                     : !spec.ip_addresses.empty() ? spec.ip_addresses.front()
                                                  : std::string("conformance test certificate");
  if (spec.common_name.empty() && name.size() > kMaxCommonName) name.resize(kMaxCommonName);
  return name;
}

bool set_name(X509_NAME* name, const std::string& common_name) {
  static constexpr char organization[] = "conformance throwaway PKI";
  return X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(organization),
                                    -1, -1, 0) == 1 &&
         X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                    reinterpret_cast<const unsigned char*>(common_name.data()),
                                    static_cast<int>(common_name.size()), -1, 0) == 1;
}

// A random positive 127-bit serial (RFC 5280 §4.1.2.2: positive, at most 20 octets).
bool set_random_serial(X509* certificate) {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return false;
  bytes[0] &= 0x7F;
  bytes[0] |= 0x01;  // never zero
  BIGNUM* serial = BN_bin2bn(bytes, sizeof bytes, nullptr);
  if (serial == nullptr) return false;
  const bool ok = BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(certificate)) != nullptr;
  BN_free(serial);
  return ok;
}

bool add_extension(X509* certificate, X509V3_CTX* context, int nid, const char* value) {
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, context, nid, value);
  if (extension == nullptr) return false;
  const bool ok = X509_add_ext(certificate, extension, -1) == 1;
  X509_EXTENSION_free(extension);
  return ok;
}

// Built entry by entry rather than from a "DNS:a,IP:b" string, so a name
// containing a comma cannot turn into two entries.
Expected<void> add_subject_alt_names(X509* certificate, const CertificateSpec& spec) {
  if (spec.dns_names.empty() && spec.ip_addresses.empty()) return {};
  GENERAL_NAMES* names = sk_GENERAL_NAME_new_null();
  if (names == nullptr) return Error{openssl_failure("allocating subjectAltName")};
  auto fail = [&](std::string why) {
    GENERAL_NAMES_free(names);
    return Error{openssl_failure(why)};
  };
  for (const std::string& dns : spec.dns_names) {
    ASN1_IA5STRING* text = ASN1_IA5STRING_new();
    if (text == nullptr || ASN1_STRING_set(text, dns.data(), static_cast<int>(dns.size())) != 1) {
      ASN1_IA5STRING_free(text);
      return fail("encoding dNSName " + dns);
    }
    GENERAL_NAME* name = GENERAL_NAME_new();
    if (name == nullptr) {
      ASN1_IA5STRING_free(text);
      return fail("allocating a GeneralName");
    }
    GENERAL_NAME_set0_value(name, GEN_DNS, text);
    sk_GENERAL_NAME_push(names, name);
  }
  for (const std::string& ip : spec.ip_addresses) {
    ASN1_OCTET_STRING* address = a2i_IPADDRESS(ip.c_str());
    if (address == nullptr) return fail("not an IP address: " + ip);
    GENERAL_NAME* name = GENERAL_NAME_new();
    if (name == nullptr) {
      ASN1_OCTET_STRING_free(address);
      return fail("allocating a GeneralName");
    }
    GENERAL_NAME_set0_value(name, GEN_IPADD, address);
    sk_GENERAL_NAME_push(names, name);
  }
  const bool ok = X509_add1_ext_i2d(certificate, NID_subject_alt_name, names, 0, X509V3_ADD_DEFAULT) == 1;
  GENERAL_NAMES_free(names);
  if (!ok) return Error{openssl_failure("adding subjectAltName")};
  return {};
}

// `issuer` null means self-signed.
Expected<Certificate> build(Kind kind, const CertificateSpec& spec, const PrivateKey& subject_key,
                            const Certificate* issuer, const PrivateKey& issuer_key) {
  clear_openssl_errors();
  X509Handle owned = X509Handle::adopt(X509_new());
  X509* certificate = owned.get();
  if (certificate == nullptr) return Error{openssl_failure("allocating a certificate")};

  const auto not_before = std::chrono::system_clock::to_time_t(spec.validity.not_before);
  const auto not_after = std::chrono::system_clock::to_time_t(spec.validity.not_after);
  if (X509_set_version(certificate, X509_VERSION_3) != 1 || !set_random_serial(certificate) ||
      ASN1_TIME_set(X509_getm_notBefore(certificate), not_before) == nullptr ||
      ASN1_TIME_set(X509_getm_notAfter(certificate), not_after) == nullptr ||
      X509_set_pubkey(certificate, subject_key.native()) != 1) {
    return Error{openssl_failure("filling in a certificate")};
  }
  if (!set_name(X509_get_subject_name(certificate), default_common_name(spec))) {
    return Error{openssl_failure("setting the subject name")};
  }
  const X509_NAME* issuer_name =
      issuer != nullptr ? X509_get_subject_name(issuer->native()) : X509_get_subject_name(certificate);
  if (X509_set_issuer_name(certificate, issuer_name) != 1) return Error{openssl_failure("setting the issuer name")};

  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, issuer != nullptr ? issuer->native() : certificate, certificate, nullptr, nullptr, 0);

  bool ok = add_extension(certificate, &context, NID_subject_key_identifier, "hash");
  if (kind == Kind::root_ca) {
    ok = ok && add_extension(certificate, &context, NID_basic_constraints, "critical,CA:TRUE") &&
         add_extension(certificate, &context, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    ok = ok && add_extension(certificate, &context, NID_basic_constraints, "critical,CA:FALSE") &&
         add_extension(certificate, &context, NID_key_usage, "critical,digitalSignature") &&
         add_extension(certificate, &context, NID_ext_key_usage, "serverAuth,clientAuth");
    if (issuer != nullptr) ok = ok && add_extension(certificate, &context, NID_authority_key_identifier, "keyid:always");
  }
  if (!ok) return Error{openssl_failure("adding certificate extensions")};
  if (kind == Kind::leaf) {
    if (auto added = add_subject_alt_names(certificate, spec); !added) return added.error();
  }

  if (X509_sign(certificate, issuer_key.native(), EVP_sha256()) <= 0) {
    return Error{openssl_failure("signing a certificate")};
  }
  return Certificate(std::move(owned));
}

}  // namespace

Validity Validity::around(std::chrono::system_clock::time_point now, std::chrono::seconds before,
                          std::chrono::seconds after) {
  const auto whole = std::chrono::floor<std::chrono::seconds>(now);
  return Validity{whole - before, whole + after};
}

std::string Credential::certificate_chain_pem() const {
  std::string pem = certificate.to_pem();
  for (const Certificate& intermediate : chain) pem += intermediate.to_pem();
  return pem;
}

std::string Credential::key_pem() const { return key.to_pem(); }

Expected<void> Credential::write_pem_files(const std::filesystem::path& certificate_file,
                                           const std::filesystem::path& key_file) const {
  if (auto written = write_text_file(certificate_file, certificate_chain_pem(), false); !written) return written;
  return write_text_file(key_file, key_pem(), true);
}

Expected<Authority> Authority::create(const std::string& common_name, Validity validity) {
  auto key = PrivateKey::generate_p256();
  if (!key) return key.error();
  CertificateSpec spec;
  spec.common_name = common_name;
  spec.validity = validity;
  auto certificate = build(Kind::root_ca, spec, *key, nullptr, *key);
  if (!certificate) return certificate.error();
  return Authority(std::move(*certificate), std::move(*key));
}

Expected<Credential> Authority::issue(const CertificateSpec& spec) const {
  auto key = PrivateKey::generate_p256();
  if (!key) return key.error();
  auto certificate = build(Kind::leaf, spec, *key, &certificate_, key_);
  if (!certificate) return certificate.error();
  return Credential{std::move(*certificate), std::move(*key), {}};
}

Expected<Credential> make_self_signed(const CertificateSpec& spec) {
  auto key = PrivateKey::generate_p256();
  if (!key) return key.error();
  auto certificate = build(Kind::leaf, spec, *key, nullptr, *key);
  if (!certificate) return certificate.error();
  return Credential{std::move(*certificate), std::move(*key), {}};
}

}  // namespace conformance::tls
