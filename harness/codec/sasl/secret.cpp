#include "harness/codec/sasl/secret.hpp"

#include <openssl/crypto.h>

#include <utility>

namespace conformance::codec::sasl {

void wipe(std::string& bytes) {
  // Growing to the capacity makes the whole buffer addressable, including
  // bytes left behind by an earlier, longer value, without reallocating.
  bytes.resize(bytes.capacity());
  if (!bytes.empty()) OPENSSL_cleanse(bytes.data(), bytes.size());
  bytes.clear();
}

// Moving steals a heap buffer; a short string lives inside the object and is
// copied, so what stays behind in `other` is wiped either way.
Secret::Secret(Secret&& other) noexcept : bytes_(std::move(other.bytes_)) { wipe(other.bytes_); }

Secret& Secret::operator=(const Secret& other) {
  if (this != &other) {
    wipe(bytes_);
    bytes_ = other.bytes_;
  }
  return *this;
}

Secret& Secret::operator=(Secret&& other) noexcept {
  if (this != &other) {
    wipe(bytes_);
    bytes_ = std::move(other.bytes_);
    wipe(other.bytes_);
  }
  return *this;
}

bool operator==(const Secret& a, const Secret& b) {
  if (a.bytes_.size() != b.bytes_.size()) return false;
  return a.bytes_.empty() || CRYPTO_memcmp(a.bytes_.data(), b.bytes_.data(), a.bytes_.size()) == 0;
}

}  // namespace conformance::codec::sasl
