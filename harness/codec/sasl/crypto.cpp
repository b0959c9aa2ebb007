#include "harness/codec/sasl/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <climits>

namespace conformance::codec::sasl {
namespace {

const EVP_MD* evp_of(HashAlgorithm hash) {
  switch (hash) {
    case HashAlgorithm::md5:
      return EVP_md5();
    case HashAlgorithm::sha1:
      return EVP_sha1();
    case HashAlgorithm::sha256:
      return EVP_sha256();
  }
  return nullptr;
}

bool fits_int(std::size_t n) { return n <= static_cast<std::size_t>(INT_MAX); }

}  // namespace

std::size_t digest_size(HashAlgorithm hash) {
  switch (hash) {
    case HashAlgorithm::md5:
      return 16;
    case HashAlgorithm::sha1:
      return 20;
    case HashAlgorithm::sha256:
      return 32;
  }
  return 0;
}

std::optional<std::string> digest(HashAlgorithm hash, std::string_view data) {
  const EVP_MD* md = evp_of(hash);
  if (md == nullptr) return std::nullopt;
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), out, &length, md, nullptr) != 1) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(out), length);
}

std::optional<std::string> hmac(HashAlgorithm hash, std::string_view key, std::string_view data) {
  const EVP_MD* md = evp_of(hash);
  if (md == nullptr || !fits_int(key.size())) return std::nullopt;
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // A null key pointer with length 0 is refused by some OpenSSL builds.
  static const unsigned char kEmpty = 0;
  const void* key_bytes = key.empty() ? static_cast<const void*>(&kEmpty) : key.data();
  if (HMAC(md, key_bytes, static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
           data.size(), out, &length) == nullptr)
    return std::nullopt;
  std::string result(reinterpret_cast<const char*>(out), length);
  OPENSSL_cleanse(out, sizeof out);
  return result;
}

std::optional<std::string> pbkdf2_hmac(HashAlgorithm hash, std::string_view password, std::string_view salt,
                                       std::uint32_t iterations) {
  const EVP_MD* md = evp_of(hash);
  if (md == nullptr || iterations == 0 || iterations > static_cast<std::uint32_t>(INT_MAX) ||
      !fits_int(password.size()) || !fits_int(salt.size()))
    return std::nullopt;
  std::string out(digest_size(hash), '\0');
  static const char kEmpty = 0;
  if (PKCS5_PBKDF2_HMAC(password.empty() ? &kEmpty : password.data(), static_cast<int>(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.empty() ? &kEmpty : salt.data()),
                        static_cast<int>(salt.size()), static_cast<int>(iterations), md,
                        static_cast<int>(out.size()), reinterpret_cast<unsigned char*>(out.data())) != 1)
    return std::nullopt;
  return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

RandomSource system_random() {
  return [](std::span<unsigned char> out) {
    if (out.empty()) return true;
    if (!fits_int(out.size())) return false;
    return RAND_bytes(out.data(), static_cast<int>(out.size())) == 1;
  };
}

std::string hex_lower(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0x0F]);
  }
  return out;
}

}  // namespace conformance::codec::sasl
