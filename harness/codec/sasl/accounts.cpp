#include "harness/codec/sasl/accounts.hpp"

namespace conformance::codec::sasl {

std::optional<Secret> Accounts::password(std::string_view) const { return std::nullopt; }

std::optional<ScramCredentials> Accounts::scram_credentials(HashAlgorithm, std::string_view) const {
  return std::nullopt;
}

std::optional<std::string> Accounts::bearer_token_owner(std::string_view) const { return std::nullopt; }

std::optional<std::string> Accounts::external_identity() const { return std::nullopt; }

bool Accounts::may_act_as(std::string_view authcid, std::string_view authzid) const {
  return authzid.empty() || authzid == authcid;
}

InMemoryAccounts::InMemoryAccounts(RandomSource random, std::uint32_t scram_iterations)
    : random_(std::move(random)), scram_iterations_(scram_iterations) {}

bool InMemoryAccounts::add_user(const std::string& name, std::string_view password) {
  User user;
  user.password = Secret(password);
  for (HashAlgorithm hash : {HashAlgorithm::sha1, HashAlgorithm::sha256}) {
    auto credentials = derive_scram_credentials(hash, password, scram_iterations_, random_);
    if (!credentials) return false;
    user.scram.push_back(std::move(*credentials));
  }
  users_[name] = std::move(user);
  return true;
}

void InMemoryAccounts::set_scram_credentials(const std::string& name, ScramCredentials credentials) {
  auto& scram = users_[name].scram;
  for (auto& existing : scram) {
    if (existing.hash == credentials.hash) {
      existing = std::move(credentials);
      return;
    }
  }
  scram.push_back(std::move(credentials));
}

void InMemoryAccounts::add_bearer_token(std::string_view token, std::string owner) {
  tokens_.emplace_back(Secret(token), std::move(owner));
}

void InMemoryAccounts::set_external_identity(std::optional<std::string> identity) {
  external_identity_ = std::move(identity);
}

void InMemoryAccounts::allow_proxy(std::string authcid, std::string authzid) {
  proxies_.emplace(std::move(authcid), std::move(authzid));
}

std::optional<Secret> InMemoryAccounts::password(std::string_view authcid) const {
  auto it = users_.find(authcid);
  if (it == users_.end()) return std::nullopt;
  return it->second.password;
}

std::optional<ScramCredentials> InMemoryAccounts::scram_credentials(HashAlgorithm hash,
                                                                    std::string_view authcid) const {
  auto it = users_.find(authcid);
  if (it == users_.end()) return std::nullopt;
  for (const auto& credentials : it->second.scram)
    if (credentials.hash == hash) return credentials;
  return std::nullopt;
}

std::optional<std::string> InMemoryAccounts::bearer_token_owner(std::string_view token) const {
  // Every stored token is compared, each in constant time, so the time taken
  // does not say which one (or how much of one) matched.
  const Secret candidate(token);
  std::optional<std::string> owner;
  for (const auto& [stored, who] : tokens_)
    if (stored == candidate && !owner) owner = who;
  return owner;
}

std::optional<std::string> InMemoryAccounts::external_identity() const { return external_identity_; }

bool InMemoryAccounts::may_act_as(std::string_view authcid, std::string_view authzid) const {
  if (Accounts::may_act_as(authcid, authzid)) return true;
  return proxies_.contains({std::string(authcid), std::string(authzid)});
}

}  // namespace conformance::codec::sasl
