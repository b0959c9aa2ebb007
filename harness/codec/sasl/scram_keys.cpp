#include "harness/codec/sasl/scram_keys.hpp"

#include <array>
#include <vector>

#include "harness/codec/common/base64.hpp"

namespace conformance::codec::sasl {
namespace {

std::string xor_bytes(std::string_view a, std::string_view b) {
  std::string out(a.size(), '\0');
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) out[i] = static_cast<char>(a[i] ^ b[i]);
  return out;
}

}  // namespace

std::optional<ScramCredentials> derive_scram_credentials(HashAlgorithm hash, std::string_view password,
                                                         std::string_view salt, std::uint32_t iterations) {
  auto salted = pbkdf2_hmac(hash, password, salt, iterations);
  if (!salted) return std::nullopt;
  const Secret salted_password(*salted);
  wipe(*salted);
  auto client_key = hmac(hash, salted_password.view(), "Client Key");
  auto server_key = hmac(hash, salted_password.view(), "Server Key");
  if (!client_key || !server_key) return std::nullopt;
  auto stored_key = digest(hash, *client_key);
  wipe(*client_key);
  if (!stored_key) return std::nullopt;
  return ScramCredentials{hash, std::string(salt), iterations, std::move(*stored_key), std::move(*server_key)};
}

std::optional<ScramCredentials> derive_scram_credentials(HashAlgorithm hash, std::string_view password,
                                                         std::uint32_t iterations, const RandomSource& random,
                                                         std::size_t salt_length) {
  std::vector<unsigned char> salt(salt_length);
  if (!random || !random(salt)) return std::nullopt;
  return derive_scram_credentials(hash, password,
                                  std::string_view(reinterpret_cast<const char*>(salt.data()), salt.size()),
                                  iterations);
}

std::optional<ScramClientProof> compute_client_proof(HashAlgorithm hash, std::string_view password,
                                                     std::string_view salt, std::uint32_t iterations,
                                                     std::string_view auth_message) {
  auto salted = pbkdf2_hmac(hash, password, salt, iterations);
  if (!salted) return std::nullopt;
  const Secret salted_password(*salted);
  wipe(*salted);
  auto client_key = hmac(hash, salted_password.view(), "Client Key");
  auto server_key = hmac(hash, salted_password.view(), "Server Key");
  if (!client_key || !server_key) return std::nullopt;
  const Secret client_key_secret(*client_key);
  wipe(*client_key);
  auto stored_key = digest(hash, client_key_secret.view());
  if (!stored_key) return std::nullopt;
  auto client_signature = hmac(hash, *stored_key, auth_message);
  auto server_signature = hmac(hash, *server_key, auth_message);
  wipe(*server_key);
  if (!client_signature || !server_signature) return std::nullopt;
  return ScramClientProof{xor_bytes(client_key_secret.view(), *client_signature), std::move(*server_signature)};
}

std::optional<bool> verify_client_proof(const ScramCredentials& credentials, std::string_view auth_message,
                                        std::string_view proof) {
  if (proof.size() != digest_size(credentials.hash)) return false;
  auto client_signature = hmac(credentials.hash, credentials.stored_key, auth_message);
  if (!client_signature) return std::nullopt;
  std::string client_key = xor_bytes(proof, *client_signature);
  auto stored_key = digest(credentials.hash, client_key);
  wipe(client_key);
  if (!stored_key) return std::nullopt;
  return constant_time_equal(*stored_key, credentials.stored_key);
}

std::optional<std::string> compute_server_signature(const ScramCredentials& credentials,
                                                    std::string_view auth_message) {
  return hmac(credentials.hash, credentials.server_key, auth_message);
}

Mechanism scram_mechanism(HashAlgorithm hash, bool plus) {
  if (hash == HashAlgorithm::sha1) return plus ? Mechanism::scram_sha_1_plus : Mechanism::scram_sha_1;
  return plus ? Mechanism::scram_sha_256_plus : Mechanism::scram_sha_256;
}

std::optional<std::string> make_scram_nonce(const RandomSource& random) {
  std::array<unsigned char, 18> bytes{};
  if (!random || !random(bytes)) return std::nullopt;
  return base64_encode(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace conformance::codec::sasl
