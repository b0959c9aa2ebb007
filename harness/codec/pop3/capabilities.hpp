// The CAPA response as a capability list (RFC 2449 §5-6), with typed access
// to the arguments of the registered capabilities: TOP, USER, SASL,
// RESP-CODES, LOGIN-DELAY, PIPELINING, EXPIRE, UIDL, IMPLEMENTATION (RFC
// 2449 §6), STLS (RFC 2595 §4), AUTH-RESP-CODE (RFC 3206 §6), UTF8 and LANG
// (RFC 6856 §2-3).
//
// capability = capa-tag *(SP param) CRLF, capa-tag = 1*cchar, param = 1*VCHAR,
// cchar = %x21-2D / %x2F-7F (RFC 2449 §3). Tags are case-insensitive (§5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::pop3 {

namespace capa {
inline constexpr std::string_view top = "TOP";
inline constexpr std::string_view user = "USER";
inline constexpr std::string_view sasl = "SASL";
inline constexpr std::string_view resp_codes = "RESP-CODES";
inline constexpr std::string_view login_delay = "LOGIN-DELAY";
inline constexpr std::string_view pipelining = "PIPELINING";
inline constexpr std::string_view expire = "EXPIRE";
inline constexpr std::string_view uidl = "UIDL";
inline constexpr std::string_view implementation = "IMPLEMENTATION";
inline constexpr std::string_view stls = "STLS";
inline constexpr std::string_view auth_resp_code = "AUTH-RESP-CODE";
inline constexpr std::string_view utf8 = "UTF8";
inline constexpr std::string_view lang = "LANG";
}  // namespace capa

struct Capability {
  std::string tag;                  // as sent
  std::vector<std::string> params;  // the space-separated parameters

  friend bool operator==(const Capability&, const Capability&) = default;
};

// LOGIN-DELAY seconds [USER] (RFC 2449 §6.5).
struct LoginDelay {
  std::uint64_t seconds = 0;
  bool per_user = false;  // "USER": a more accurate value comes after authentication
  friend bool operator==(const LoginDelay&, const LoginDelay&) = default;
};

// EXPIRE days|NEVER [USER] (RFC 2449 §6.7).
struct Expire {
  std::optional<std::uint64_t> days;  // nullopt: NEVER (the server does not delete messages)
  bool per_user = false;
  friend bool operator==(const Expire&, const Expire&) = default;
};

struct Capabilities {
  std::vector<Capability> entries;  // in the order announced

  const Capability* find(std::string_view tag) const;  // case-insensitive
  bool has(std::string_view tag) const { return find(tag) != nullptr; }

  std::vector<std::string> sasl_mechanisms() const;   // empty without SASL
  std::optional<LoginDelay> login_delay() const;      // nullopt when absent or malformed
  std::optional<Expire> expire() const;               // nullopt when absent or malformed
  std::optional<std::string> implementation() const;  // the parameters joined by SP
  // UTF8 [USER] (RFC 6856 §2): nullopt without UTF8; true when USER follows,
  // i.e. the server takes UTF-8 user names and passwords.
  std::optional<bool> utf8_user() const;

  friend bool operator==(const Capabilities&, const Capabilities&) = default;
};

// One capability line (without CRLF). The parameters of the registered
// capabilities are checked: no parameters for TOP, USER, RESP-CODES,
// PIPELINING, UIDL, STLS, AUTH-RESP-CODE, LANG; SASL mechanism names for
// SASL; "seconds [USER]" for LOGIN-DELAY; "days|NEVER [USER]" for EXPIRE;
// at least one token for IMPLEMENTATION; "[USER]" for UTF8.
Result<Capability> parse_capability(std::string_view line);

// The body of a CAPA response. Error offsets count from the start of the
// body as if its lines were joined with CRLF.
Result<Capabilities> parse_capabilities(const std::vector<std::string>& lines);

std::string serialize(const Capability& capability);                   // one line, no CRLF
std::vector<std::string> serialize(const Capabilities& capabilities);  // the body lines

// Builders for a fake server.
Capability capability(std::string_view tag);  // a capability without parameters
Capability sasl_capability(const std::vector<std::string>& mechanisms);
Capability login_delay_capability(const LoginDelay& delay);
Capability expire_capability(const Expire& expire);
Capability implementation_capability(std::string_view text);  // split at spaces
Capability utf8_capability(bool user);

}  // namespace conformance::codec::pop3
