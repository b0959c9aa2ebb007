// SCRAM's key derivation and proofs (RFC 5802 §3):
//   SaltedPassword  = Hi(password, salt, i)        (PBKDF2-HMAC-H)
//   ClientKey       = HMAC(SaltedPassword, "Client Key")
//   StoredKey       = H(ClientKey)
//   ServerKey       = HMAC(SaltedPassword, "Server Key")
//   ClientSignature = HMAC(StoredKey, AuthMessage)
//   ClientProof     = ClientKey XOR ClientSignature
//   ServerSignature = HMAC(ServerKey, AuthMessage)
// The password is used as given: no SASLprep (RFC 4013) is applied, so
// identical octets are identical passwords and a peer that normalizes
// non-ASCII input may disagree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "harness/codec/sasl/crypto.hpp"
#include "harness/codec/sasl/mechanism.hpp"
#include "harness/codec/sasl/secret.hpp"

namespace conformance::codec::sasl {

// What a server stores instead of the password (RFC 5802 §2.1, §5).
struct ScramCredentials {
  HashAlgorithm hash = HashAlgorithm::sha256;
  std::string salt;
  std::uint32_t iterations = 4096;
  std::string stored_key;
  std::string server_key;
  friend bool operator==(const ScramCredentials&, const ScramCredentials&) = default;
};

std::optional<ScramCredentials> derive_scram_credentials(HashAlgorithm hash, std::string_view password,
                                                         std::string_view salt, std::uint32_t iterations);
// With a fresh salt of `salt_length` bytes from `random`.
std::optional<ScramCredentials> derive_scram_credentials(HashAlgorithm hash, std::string_view password,
                                                         std::uint32_t iterations, const RandomSource& random,
                                                         std::size_t salt_length = 16);

// The client's computation for one exchange.
struct ScramClientProof {
  std::string proof;             // ClientProof
  std::string server_signature;  // what the server must send back in v=
};
std::optional<ScramClientProof> compute_client_proof(HashAlgorithm hash, std::string_view password,
                                                     std::string_view salt, std::uint32_t iterations,
                                                     std::string_view auth_message);

// The server's check: recovers ClientKey from the proof and compares its
// hash with StoredKey in constant time. nullopt when OpenSSL failed.
std::optional<bool> verify_client_proof(const ScramCredentials& credentials, std::string_view auth_message,
                                        std::string_view proof);

// SCRAM-SHA-1[-PLUS] for SHA-1, SCRAM-SHA-256[-PLUS] otherwise.
Mechanism scram_mechanism(HashAlgorithm hash, bool plus);

// A fresh nonce: 18 random bytes in base64, 24 characters that are all
// "printable" in RFC 5802's sense (no ','). nullopt when the source failed.
std::optional<std::string> make_scram_nonce(const RandomSource& random);

std::optional<std::string> compute_server_signature(const ScramCredentials& credentials,
                                                    std::string_view auth_message);

}  // namespace conformance::codec::sasl
