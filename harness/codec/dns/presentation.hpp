// Presentation format (RFC 1035 §5.1, RFC 3597 §5) for logs and reports:
// "example.com. 300 IN MX 10 mail.example.com.". Output only; nothing here
// parses zone files.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "harness/codec/dns/edns.hpp"
#include "harness/codec/dns/message.hpp"
#include "harness/codec/dns/rdata.hpp"

namespace conformance::codec::dns {

// The RDATA fields as a zone file writes them: "10 mail.example.com.",
// "\"v=spf1 -all\"", "3 1 1 0C72...", and "\# 4 0A000001" for unknown types.
std::string to_text(const Rdata& rdata);

// "example.com. 300 IN MX 10 mail.example.com."
std::string to_text(const ResourceRecord& record);

// "example.com. IN MX"
std::string to_text(const Question& question);

// "EDNS version 0; flags: do; udp 1232; option 10: 0123ABCD"
std::string to_text(const Edns& edns);

// Several lines in the layout dig uses: header, flags and counts, then each
// section with one record per line.
std::string to_text(const Message& message);

// RFC 5952 §4 text for an IPv6 address: lower-case hex, the longest run of
// two or more zero groups as "::".
std::string ipv6_to_text(const std::array<std::uint8_t, 16>& address);

}  // namespace conformance::codec::dns
