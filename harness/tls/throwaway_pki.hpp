// A throwaway PKI for tests and fake servers: one root that clients are told
// to trust, one they are not, and leaf certificates that are valid or carry
// exactly one of the faults a TLS client must reject. Validity windows are
// computed from a given "now", so a run is reproducible.
#pragma once

#include "harness/tls/authority.hpp"
#include "harness/tls/expected.hpp"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::tls {

enum class LeafFault {
  none,            // valid for the names asked, issued by the trusted root
  expired,         // notAfter in the past
  not_yet_valid,   // notBefore in the future
  wrong_host,      // valid, but only for wrong-host.invalid (RFC 6761 reserves .invalid)
  self_signed,     // signs itself
  untrusted_root,  // issued by a root the client does not trust
};

std::string_view to_string(LeafFault fault);

class ThrowawayPki {
 public:
  // The name a wrong_host leaf is issued for, whatever names were asked.
  static constexpr std::string_view wrong_host_name = "wrong-host.invalid";

  static Expected<ThrowawayPki> create(std::chrono::system_clock::time_point now);

  // The validity window a leaf with `fault` gets (relative to now):
  //   valid, wrong_host, self_signed, untrusted_root: [now - 1 h, now + 30 d]
  //   expired:        [now - 30 d, now - 1 d]
  //   not_yet_valid:  [now + 1 d, now + 30 d]
  // Both roots: [now - 365 d, now + 365 d], so only the leaf is at fault.
  static Validity leaf_validity(LeafFault fault, std::chrono::system_clock::time_point now);
  static Validity root_validity(std::chrono::system_clock::time_point now);

  Expected<Credential> leaf(LeafFault fault, const std::vector<std::string>& dns_names,
                            const std::vector<std::string>& ip_addresses = {}) const;

  const Authority& trusted_root() const { return trusted_; }
  const Authority& untrusted_root() const { return untrusted_; }
  std::chrono::system_clock::time_point now() const { return now_; }

 private:
  ThrowawayPki(Authority trusted, Authority untrusted, std::chrono::system_clock::time_point now)
      : trusted_(std::move(trusted)), untrusted_(std::move(untrusted)), now_(now) {}
  Authority trusted_;
  Authority untrusted_;
  std::chrono::system_clock::time_point now_;
};

}  // namespace conformance::tls
