// EDNS(0) (RFC 6891): what the OPT pseudo-record carries. The message codec
// takes the OPT record out of the additional section and puts it here, since
// its CLASS and TTL fields are not a class and a TTL (RFC 6891 §6.1.2-§6.1.3).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace conformance::codec::dns {

// Option codes seen around mail (IANA "DNS EDNS0 Option Codes").
enum class EdnsOptionCode : std::uint16_t {
  nsid = 3,             // RFC 5001
  client_subnet = 8,    // RFC 7871
  cookie = 10,          // RFC 7873
  tcp_keepalive = 11,   // RFC 7828
  padding = 12,         // RFC 7830
  extended_error = 15,  // RFC 8914
};

// RFC 6891 §6.1.2: {OPTION-CODE, OPTION-LENGTH, OPTION-DATA}.
struct EdnsOption {
  std::uint16_t code = 0;
  std::string data;
  friend bool operator==(const EdnsOption&, const EdnsOption&) = default;
};

struct Edns {
  // 1232 is what the 2020 DNS Flag Day settled on to avoid fragmentation.
  std::uint16_t udp_payload_size = 1232;  // the CLASS field
  std::uint8_t extended_rcode = 0;        // upper 8 bits of the 12-bit RCODE (RFC 6891 §6.1.3)
  std::uint8_t version = 0;
  bool dnssec_ok = false;  // the DO bit (RFC 3225 §3)
  std::uint16_t z = 0;     // the 15 flag bits after DO: must be zero, kept so they round-trip
  std::vector<EdnsOption> options;
  friend bool operator==(const Edns&, const Edns&) = default;
};

}  // namespace conformance::codec::dns
