// The numeric vocabularies of a DNS message: record types, classes, opcodes
// and response codes. Each is an enum over the full wire width, so a value
// this codec has no name for (a new RR type, a private-use class) still fits
// and round-trips (RFC 3597 §5).
#pragma once

#include <cstdint>
#include <string>

namespace conformance::codec::dns {

// RFC 1035 §3.2.2, RFC 3596 §2.1, RFC 2782, RFC 6891 §6.1.1, RFC 6698 §7.1.
enum class RecordType : std::uint16_t {
  a = 1,
  ns = 2,
  cname = 5,
  soa = 6,
  ptr = 12,
  mx = 15,
  txt = 16,
  aaaa = 28,
  srv = 33,
  opt = 41,
  ds = 43,
  rrsig = 46,
  nsec = 47,
  dnskey = 48,
  tlsa = 52,
  caa = 257,
  axfr = 252,  // QTYPE only (RFC 1035 §3.2.3)
  any = 255,   // QTYPE only
};

// RFC 1035 §3.2.4 and §3.2.5.
enum class RecordClass : std::uint16_t {
  in = 1,
  ch = 3,
  hs = 4,
  none = 254,  // RFC 2136 §1.3
  any = 255,   // QCLASS only
};

// Four bits of the header (RFC 1035 §4.1.1, RFC 1996, RFC 2136).
enum class Opcode : std::uint8_t {
  query = 0,
  iquery = 1,
  status = 2,
  notify = 4,
  update = 5,
};

// Twelve bits: four in the header, eight more in the OPT record when EDNS is
// in use (RFC 6891 §6.1.3). RFC 1035 §4.1.1 and RFC 6891 §9.
enum class Rcode : std::uint16_t {
  no_error = 0,
  form_err = 1,
  serv_fail = 2,
  nx_domain = 3,
  not_imp = 4,
  refused = 5,
  yx_domain = 6,
  yx_rrset = 7,
  nx_rrset = 8,
  not_auth = 9,
  not_zone = 10,
  bad_vers = 16,
};

// Zone-file mnemonics ("MX", "IN", "NXDOMAIN", "QUERY"). Values without a
// mnemonic print in the generic forms of RFC 3597 §5 ("TYPE65280",
// "CLASS32") or as a decimal number for opcodes and rcodes.
std::string to_text(RecordType type);
std::string to_text(RecordClass rclass);
std::string to_text(Opcode opcode);
std::string to_text(Rcode rcode);

}  // namespace conformance::codec::dns
