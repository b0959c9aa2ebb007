// Owning handles for the OpenSSL objects this library passes around, and the
// one place that turns OpenSSL's thread-local error queue into text.
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <string>
#include <string_view>
#include <utility>

namespace conformance::tls {

// A reference-counted OpenSSL object with value semantics: copying takes
// another reference (OpenSSL's *_up_ref), destruction drops one.
template <class T, int (*UpRef)(T*), void (*Free)(T*)>
class SharedHandle {
 public:
  SharedHandle() = default;
  // Takes ownership of one reference the caller already holds.
  static SharedHandle adopt(T* raw) { return SharedHandle(raw); }
  // Takes a new reference to an object owned elsewhere.
  static SharedHandle share(T* raw) {
    if (raw != nullptr) UpRef(raw);
    return SharedHandle(raw);
  }

  SharedHandle(const SharedHandle& other) : raw_(other.raw_) {
    if (raw_ != nullptr) UpRef(raw_);
  }
  SharedHandle(SharedHandle&& other) noexcept : raw_(std::exchange(other.raw_, nullptr)) {}
  SharedHandle& operator=(SharedHandle other) noexcept {
    std::swap(raw_, other.raw_);
    return *this;
  }
  ~SharedHandle() {
    if (raw_ != nullptr) Free(raw_);
  }

  T* get() const { return raw_; }
  explicit operator bool() const { return raw_ != nullptr; }

 private:
  explicit SharedHandle(T* raw) : raw_(raw) {}
  T* raw_ = nullptr;
};

using X509Handle = SharedHandle<X509, X509_up_ref, X509_free>;
using KeyHandle = SharedHandle<EVP_PKEY, EVP_PKEY_up_ref, EVP_PKEY_free>;

// "<what>: <reason>; <reason>" from the calling thread's OpenSSL error queue,
// which it empties (a stale entry would otherwise be blamed on the next call).
std::string openssl_failure(std::string_view what);

// Empties the queue without reporting (before an operation whose failure is
// read from the queue).
void clear_openssl_errors();

}  // namespace conformance::tls
