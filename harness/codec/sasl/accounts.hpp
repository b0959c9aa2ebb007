// What a server mechanism asks about users: their passwords (or SCRAM's
// stored keys), bearer tokens, the identity established outside SASL, and
// who may act as whom. A fake server implements it, or uses InMemoryAccounts.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/codec/sasl/crypto.hpp"
#include "harness/codec/sasl/scram_keys.hpp"
#include "harness/codec/sasl/secret.hpp"

namespace conformance::codec::sasl {

class Accounts {
 public:
  virtual ~Accounts() = default;

  // The plain password, for PLAIN, LOGIN and CRAM-MD5 (which needs it to
  // recompute the digest). nullopt: no such user, or no password kept.
  virtual std::optional<Secret> password(std::string_view authcid) const;
  // SCRAM's stored credentials for `hash`. nullopt: no such user.
  virtual std::optional<ScramCredentials> scram_credentials(HashAlgorithm hash, std::string_view authcid) const;
  // The user a bearer token was issued to (XOAUTH2, OAUTHBEARER); nullopt: invalid token.
  virtual std::optional<std::string> bearer_token_owner(std::string_view token) const;
  // EXTERNAL (RFC 4422 Appendix A): the identity the lower layer (TLS client
  // certificate, IPsec, a Unix socket's peer) established; nullopt: none.
  virtual std::optional<std::string> external_identity() const;
  // RFC 4422 §2: may `authcid` act as `authzid`? By default only as itself.
  virtual bool may_act_as(std::string_view authcid, std::string_view authzid) const;
};

class InMemoryAccounts : public Accounts {
 public:
  explicit InMemoryAccounts(RandomSource random = system_random(), std::uint32_t scram_iterations = 4096);

  // Adds (or replaces) a user. SCRAM-SHA-1 and SCRAM-SHA-256 credentials
  // are derived now, with fresh salts; false when that failed.
  bool add_user(const std::string& name, std::string_view password);
  // Stores given SCRAM credentials (e.g. a published test vector's salt and
  // iteration count), replacing those of the same hash.
  void set_scram_credentials(const std::string& name, ScramCredentials credentials);
  void add_bearer_token(std::string_view token, std::string owner);
  void set_external_identity(std::optional<std::string> identity);
  void allow_proxy(std::string authcid, std::string authzid);

  std::optional<Secret> password(std::string_view authcid) const override;
  std::optional<ScramCredentials> scram_credentials(HashAlgorithm hash, std::string_view authcid) const override;
  std::optional<std::string> bearer_token_owner(std::string_view token) const override;
  std::optional<std::string> external_identity() const override;
  bool may_act_as(std::string_view authcid, std::string_view authzid) const override;

 private:
  struct User {
    std::optional<Secret> password;
    std::vector<ScramCredentials> scram;
  };
  RandomSource random_;
  std::uint32_t scram_iterations_;
  std::map<std::string, User, std::less<>> users_;
  std::vector<std::pair<Secret, std::string>> tokens_;
  std::optional<std::string> external_identity_;
  std::set<std::pair<std::string, std::string>> proxies_;
};

}  // namespace conformance::codec::sasl
