// The GS2 header that starts SCRAM's and OAUTHBEARER's first client message
// (RFC 5801 §4, as profiled by RFC 5802 §7):
//   gs2-header     = gs2-cbind-flag "," [ authzid ] ","
//   gs2-cbind-flag = ("p=" cb-name) / "n" / "y"
//   authzid        = "a=" saslname
// and saslname, the escaped form of names in SCRAM attributes, where ","
// is written "=2C" and "=" is written "=3D" (RFC 5802 §5.1).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"
#include "harness/codec/sasl/limits.hpp"

namespace conformance::codec::sasl {

// A channel binding: its type name (RFC 5929 "tls-server-end-point",
// RFC 9266 "tls-exporter", ...) and the data the TLS layer produced for it.
struct ChannelBinding {
  std::string type;
  std::string data;
  friend bool operator==(const ChannelBinding&, const ChannelBinding&) = default;
};

struct Gs2Header {
  enum class Flag {
    not_supported,    // "n": the client does not support channel binding
    client_supports,  // "y": the client does, but thinks the server does not
    bound,            // "p=<cb-name>": the client binds to the channel
  };
  Flag flag = Flag::not_supported;
  std::string cb_name;  // only with Flag::bound
  std::string authzid;  // decoded; empty when absent
  friend bool operator==(const Gs2Header&, const Gs2Header&) = default;
};

struct Gs2HeaderParse {
  Gs2Header header;
  std::size_t consumed = 0;  // through the header's final ","
};

// Parses the header at the start of `message`.
Result<Gs2HeaderParse> parse_gs2_header(std::string_view message, const Limits& limits = {});
std::string serialize_gs2_header(const Gs2Header& header);

// `text` is a saslname starting at byte `base` of the caller's message.
Result<std::string> decode_saslname(std::string_view text, std::size_t base, std::size_t max_length);
std::string encode_saslname(std::string_view name);

}  // namespace conformance::codec::sasl
