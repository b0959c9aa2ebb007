// Typed RDATA for the record types mail depends on, and raw RDATA for every
// other type (RFC 3597), so that any record survives decode and re-encode.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "harness/codec/dns/name.hpp"
#include "harness/codec/dns/types.hpp"

namespace conformance::codec::dns {

// RFC 1035 §3.4.1 (class IN only).
struct ARdata {
  std::array<std::uint8_t, 4> address{};
  friend bool operator==(const ARdata&, const ARdata&) = default;
};

// RFC 3596 §2.2 (class IN only).
struct AaaaRdata {
  std::array<std::uint8_t, 16> address{};
  friend bool operator==(const AaaaRdata&, const AaaaRdata&) = default;
};

// RFC 1035 §3.3.11.
struct NsRdata {
  DomainName host;
  friend bool operator==(const NsRdata&, const NsRdata&) = default;
};

// RFC 1035 §3.3.1.
struct CnameRdata {
  DomainName target;
  friend bool operator==(const CnameRdata&, const CnameRdata&) = default;
};

// RFC 1035 §3.3.12.
struct PtrRdata {
  DomainName target;
  friend bool operator==(const PtrRdata&, const PtrRdata&) = default;
};

// RFC 1035 §3.3.9. A "null MX" (preference 0, exchange ".") says the domain
// accepts no mail at all (RFC 7505 §3).
struct MxRdata {
  std::uint16_t preference = 0;
  DomainName exchange;

  static MxRdata null_mx() { return MxRdata{}; }
  bool is_null_mx() const { return preference == 0 && exchange.is_root(); }
  friend bool operator==(const MxRdata&, const MxRdata&) = default;
};

// RFC 1035 §3.3.14: one or more character-strings of up to 255 octets each,
// kept apart because their boundaries are part of the record.
struct TxtRdata {
  std::vector<std::string> strings;

  // The strings concatenated with nothing between them, which is how SPF
  // (RFC 7208 §3.3) and DKIM (RFC 6376 §3.6.2.2) read a long TXT record.
  std::string joined() const;
  friend bool operator==(const TxtRdata&, const TxtRdata&) = default;
};

// RFC 1035 §3.3.13.
struct SoaRdata {
  DomainName mname;
  DomainName rname;
  std::uint32_t serial = 0;
  std::uint32_t refresh = 0;
  std::uint32_t retry = 0;
  std::uint32_t expire = 0;
  std::uint32_t minimum = 0;
  friend bool operator==(const SoaRdata&, const SoaRdata&) = default;
};

// RFC 2782. The target is sent uncompressed (RFC 2782 "Target"; RFC 3597 §4).
struct SrvRdata {
  std::uint16_t priority = 0;
  std::uint16_t weight = 0;
  std::uint16_t port = 0;
  DomainName target;
  friend bool operator==(const SrvRdata&, const SrvRdata&) = default;
};

// RFC 6698 §2.1: DANE for SMTP (RFC 7672) publishes these at _25._tcp.<mx>.
struct TlsaRdata {
  std::uint8_t usage = 0;          // 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE (RFC 7218)
  std::uint8_t selector = 0;       // 0 full certificate, 1 SubjectPublicKeyInfo
  std::uint8_t matching_type = 0;  // 0 exact, 1 SHA-256, 2 SHA-512
  std::string data;                // certificate association data, raw octets
  friend bool operator==(const TlsaRdata&, const TlsaRdata&) = default;
};

// Any other type, and A/AAAA outside class IN, as the octets received
// (RFC 3597 §4). Encoding writes `data` verbatim under `type`, whatever the
// type, which also lets a fake server send deliberately malformed RDATA.
struct UnknownRdata {
  RecordType type = RecordType::a;
  std::string data;
  friend bool operator==(const UnknownRdata&, const UnknownRdata&) = default;
};

using Rdata = std::variant<ARdata, AaaaRdata, NsRdata, CnameRdata, PtrRdata, MxRdata, TxtRdata, SoaRdata, SrvRdata,
                           TlsaRdata, UnknownRdata>;

// The TYPE field that goes with the RDATA.
RecordType type_of(const Rdata& rdata);

}  // namespace conformance::codec::dns
