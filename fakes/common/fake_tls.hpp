// TLS for the fakes: one throwaway PKI per run, and per fake a leaf that is
// valid or carries the fault a scenario asks for (expired, wrong host, ...).
// Clients are told to trust the run's root through the CA file written by
// write_trusted_ca (`{ca_file}` in a client command, `--ca-out` standalone).
#pragma once

#include "harness/common/expected.hpp"
#include "harness/tls/context.hpp"
#include "harness/tls/throwaway_pki.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace conformance::fakes {

// Whether a fake offers STARTTLS on its plain ports, and what it does when asked.
enum class StartTlsPolicy {
  offered,      // advertised, and the upgrade works
  not_offered,  // not advertised; the command is refused as unknown/unavailable
  refused,      // advertised, but the command gets an error reply (a downgrade)
};

struct FakeTlsSettings {
  tls::LeafFault certificate = tls::LeafFault::none;
  // Names the leaf is issued for (ignored by wrong_host, which uses wrong-host.invalid).
  std::vector<std::string> dns_names = {"localhost"};
  std::vector<std::string> ip_addresses = {"127.0.0.1", "::1"};
  StartTlsPolicy starttls = StartTlsPolicy::offered;
  std::optional<tls::TlsVersion> min_version;
  // A certificate chain and key of the user's instead of a throwaway leaf.
  std::optional<std::filesystem::path> certificate_file;
  std::optional<std::filesystem::path> key_file;
};

class FakeCertificates {
 public:
  // The PKI's validity windows are computed from `now`, so a run given a
  // fixed time is reproducible (EC keys are fresh each run).
  static Expected<std::shared_ptr<FakeCertificates>, std::string> create(
      std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

  // A server context presenting the leaf `settings` asks for. Leaves are
  // cached per fault and names, so several fakes share one.
  Expected<tls::ServerContext, std::string> server_context(const FakeTlsSettings& settings);

  std::string trusted_ca_pem() const;
  Expected<void, std::string> write_trusted_ca(const std::filesystem::path& file) const;
  const tls::ThrowawayPki& pki() const { return pki_; }

 private:
  explicit FakeCertificates(tls::ThrowawayPki pki) : pki_(std::move(pki)) {}
  tls::ThrowawayPki pki_;
  std::vector<std::pair<std::string, tls::ServerContext>> cache_;
};

}  // namespace conformance::fakes
