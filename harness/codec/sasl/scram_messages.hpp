// The four SCRAM messages (RFC 5802 §7), parsed strictly in the fixed
// attribute order the RFC prescribes, and serialized back:
//   client-first = gs2-header [m=..,] n=user,r=c-nonce [,ext]
//   server-first = [m=..,] r=c-nonce s-nonce,s=salt,i=count [,ext]
//   client-final = c=base64(gs2-header cbind-data),r=nonce [,ext],p=proof
//   server-final = (e=error / v=signature) [,ext]
// Parsing is syntax only. The reserved "m=" attribute parses into
// `mandatory_extension` so that a test client can send it and a peer can
// report it; the state machines reject it (RFC 5802 §5.1: its presence
// "MUST cause authentication failure").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/sasl/gs2.hpp"
#include "harness/codec/sasl/limits.hpp"

namespace conformance::codec::sasl {

// An optional extension attribute (RFC 5802 §7 "extensions"): ALPHA "=" value.
struct ScramExtension {
  char name = 'x';
  std::string value;
  friend bool operator==(const ScramExtension&, const ScramExtension&) = default;
};

struct ScramClientFirst {
  Gs2Header gs2;
  std::optional<std::string> mandatory_extension;
  std::string username;  // decoded saslname
  std::string nonce;
  std::vector<ScramExtension> extensions;
  friend bool operator==(const ScramClientFirst&, const ScramClientFirst&) = default;
};

struct ScramServerFirst {
  std::optional<std::string> mandatory_extension;
  std::string nonce;  // the client's nonce followed by the server's
  std::string salt;   // decoded
  std::uint32_t iterations = 0;
  std::vector<ScramExtension> extensions;
  friend bool operator==(const ScramServerFirst&, const ScramServerFirst&) = default;
};

struct ScramClientFinal {
  std::string channel_binding;  // decoded c=: the GS2 header, then any channel binding data
  std::string nonce;
  std::vector<ScramExtension> extensions;
  std::string proof;  // decoded
  friend bool operator==(const ScramClientFinal&, const ScramClientFinal&) = default;
};

struct ScramServerFinal {
  std::optional<std::string> error;  // e= (RFC 5802 §7 server-error-value); when set, verifier is unused
  std::string verifier;              // decoded v=: ServerSignature
  std::vector<ScramExtension> extensions;
  friend bool operator==(const ScramServerFinal&, const ScramServerFinal&) = default;
};

Result<ScramClientFirst> parse_scram_client_first(std::string_view message, const Limits& limits = {});
Result<ScramServerFirst> parse_scram_server_first(std::string_view message, const Limits& limits = {});
Result<ScramClientFinal> parse_scram_client_final(std::string_view message, const Limits& limits = {});
Result<ScramServerFinal> parse_scram_server_final(std::string_view message, const Limits& limits = {});

std::string serialize_scram_client_first(const ScramClientFirst& message);
std::string serialize_scram_client_first_bare(const ScramClientFirst& message);  // without the GS2 header
std::string serialize_scram_server_first(const ScramServerFirst& message);
std::string serialize_scram_client_final(const ScramClientFinal& message);
std::string serialize_scram_client_final_without_proof(const ScramClientFinal& message);
std::string serialize_scram_server_final(const ScramServerFinal& message);

// RFC 5802 §7 "printable": %x21-2B / %x2D-7E, the characters of a nonce.
bool is_valid_scram_nonce(std::string_view nonce);

}  // namespace conformance::codec::sasl
