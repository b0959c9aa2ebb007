#include "harness/tls/throwaway_pki.hpp"

namespace conformance::tls {
namespace {

using std::chrono::hours;
using days = std::chrono::duration<std::int64_t, std::ratio<86400>>;

std::chrono::seconds secs(auto duration) { return std::chrono::duration_cast<std::chrono::seconds>(duration); }

}  // namespace

std::string_view to_string(LeafFault fault) {
  switch (fault) {
    case LeafFault::none: return "valid";
    case LeafFault::expired: return "expired";
    case LeafFault::not_yet_valid: return "not yet valid";
    case LeafFault::wrong_host: return "wrong host name";
    case LeafFault::self_signed: return "self-signed";
    case LeafFault::untrusted_root: return "untrusted root";
  }
  return "unknown";
}

Validity ThrowawayPki::leaf_validity(LeafFault fault, std::chrono::system_clock::time_point now) {
  switch (fault) {
    case LeafFault::expired: return Validity::around(now, secs(days(30)), -secs(days(1)));
    case LeafFault::not_yet_valid: return Validity::around(now, -secs(days(1)), secs(days(30)));
    default: return Validity::around(now, secs(hours(1)), secs(days(30)));
  }
}

Validity ThrowawayPki::root_validity(std::chrono::system_clock::time_point now) {
  return Validity::around(now, secs(days(365)), secs(days(365)));
}

Expected<ThrowawayPki> ThrowawayPki::create(std::chrono::system_clock::time_point now) {
  auto trusted = Authority::create("conformance trusted test root", root_validity(now));
  if (!trusted) return trusted.error();
  auto untrusted = Authority::create("conformance untrusted test root", root_validity(now));
  if (!untrusted) return untrusted.error();
  return ThrowawayPki(std::move(*trusted), std::move(*untrusted), now);
}

Expected<Credential> ThrowawayPki::leaf(LeafFault fault, const std::vector<std::string>& dns_names,
                                        const std::vector<std::string>& ip_addresses) const {
  CertificateSpec spec;
  spec.dns_names = dns_names;
  spec.ip_addresses = ip_addresses;
  spec.validity = leaf_validity(fault, now_);
  switch (fault) {
    case LeafFault::wrong_host:
      spec.dns_names = {std::string(wrong_host_name)};
      spec.ip_addresses.clear();
      return trusted_.issue(spec);
    case LeafFault::self_signed: return make_self_signed(spec);
    case LeafFault::untrusted_root: return untrusted_.issue(spec);
    default: return trusted_.issue(spec);
  }
}

}  // namespace conformance::tls
