// The JSON error a server sends as a challenge when an OAuth bearer token
// is refused: RFC 7628 §3.2.2 for OAUTHBEARER ("status", optional "scope"
// and "openid-configuration"), and the same shape in Google's XOAUTH2
// ({"status":"401","schemes":"bearer","scope":...}). Only a flat object of
// string members is accepted; unknown members are kept in order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/sasl/limits.hpp"

namespace conformance::codec::sasl {

struct OAuthError {
  std::string status;
  std::optional<std::string> scope;
  std::optional<std::string> openid_configuration;
  std::vector<std::pair<std::string, std::string>> extra;
  friend bool operator==(const OAuthError&, const OAuthError&) = default;
};

// Strict JSON (RFC 8259): UTF-8, string escapes including surrogate pairs,
// no duplicate members, "status" required.
Result<OAuthError> parse_oauth_error(std::string_view json, const Limits& limits = {});
std::string serialize_oauth_error(const OAuthError& error);

}  // namespace conformance::codec::sasl
