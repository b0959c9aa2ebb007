// A byte string that holds a password or a bearer token. It is wiped with
// OPENSSL_cleanse when destroyed, overwritten or moved from, and it has no
// stream operator, so it cannot end up in a log or a transcript by accident.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace conformance::codec::sasl {

// Overwrites every byte the string owns (its whole capacity) and empties it.
void wipe(std::string& bytes);

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string_view bytes) : bytes_(bytes) {}
  Secret(const Secret& other) : bytes_(other.bytes_) {}
  Secret(Secret&& other) noexcept;
  Secret& operator=(const Secret& other);
  Secret& operator=(Secret&& other) noexcept;
  ~Secret() { wipe(bytes_); }

  std::string_view view() const { return bytes_; }
  std::size_t size() const { return bytes_.size(); }
  bool empty() const { return bytes_.empty(); }

  // Constant-time for equal lengths (CRYPTO_memcmp), so a server comparing a
  // received password does not leak how many leading bytes matched.
  friend bool operator==(const Secret& a, const Secret& b);

 private:
  std::string bytes_;
};

}  // namespace conformance::codec::sasl
