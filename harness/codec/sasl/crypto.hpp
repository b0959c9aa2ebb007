// The few cryptographic primitives the SASL mechanisms need, all from
// OpenSSL 3: digests, HMAC (RFC 2104), PBKDF2 (RFC 8018 §5.2, SCRAM's Hi()),
// a constant-time comparison and an injectable source of random bytes.
// Every function reports an OpenSSL failure (for instance MD5 refused by a
// FIPS provider) as nullopt or false rather than producing a wrong value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace conformance::codec::sasl {

enum class HashAlgorithm { md5, sha1, sha256 };

std::size_t digest_size(HashAlgorithm hash);

std::optional<std::string> digest(HashAlgorithm hash, std::string_view data);
std::optional<std::string> hmac(HashAlgorithm hash, std::string_view key, std::string_view data);
// PBKDF2 with HMAC-`hash`, producing digest_size(hash) bytes (RFC 5802 §2.2 Hi()).
std::optional<std::string> pbkdf2_hmac(HashAlgorithm hash, std::string_view password, std::string_view salt,
                                       std::uint32_t iterations);

// True when a and b are the same bytes. Time depends only on the lengths.
bool constant_time_equal(std::string_view a, std::string_view b);

// Fills the span with random bytes; false when the source failed. Injected
// wherever a mechanism needs randomness (nonces, salts, challenges), so that
// tests can replay published exchanges byte for byte.
using RandomSource = std::function<bool(std::span<unsigned char>)>;

// RAND_bytes, OpenSSL's CSPRNG.
RandomSource system_random();

// Lower-case hexadecimal, two digits per byte.
std::string hex_lower(std::string_view bytes);

}  // namespace conformance::codec::sasl
