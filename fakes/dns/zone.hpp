// The DNS fake's data and behaviour, as plain structures (the YAML form is
// fakes/config/dns_zone_yaml.hpp), and the sans-I/O answerer: a query in, a
// response (or silence, after a delay) out. docs/fakes/dns.md.
#pragma once

#include "harness/codec/dns/message.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace conformance::fakes::dns {

namespace codec = conformance::codec::dns;

struct ZoneRecord {
  codec::ResourceRecord record;
  // Answers made only of authenticated records carry the AD bit (RFC 4035
  // §3.2.3) when the query asked for it (AD or DO set, RFC 6840 §5.7-5.8):
  // what a validating resolver says of DNSSEC-signed data, for DANE tests.
  bool authenticated = false;
};

// Scripted misbehaviour for one name (any type), for its first `times`
// queries (0: every query).
struct NameBehaviour {
  codec::DomainName name;
  std::optional<codec::Rcode> rcode;        // answer with this and no records (SERVFAIL, NXDOMAIN, REFUSED)
  std::chrono::milliseconds latency{0};     // wait this long before answering
  bool drop = false;                        // never answer: the client times out
  bool truncate_udp = false;                // over UDP, TC=1 and no records: the client retries over TCP
  std::uint32_t times = 0;
};

struct Zone {
  std::vector<ZoneRecord> records;
  std::vector<NameBehaviour> behaviours;
  // Sent in the authority section of NXDOMAIN and NODATA answers (RFC 2308
  // §3) when the data has no SOA above the name.
  codec::ResourceRecord default_soa;
};

// The documented zone a fake starts with when given none (example.test:
// MX, A/AAAA, SPF, DMARC, MTA-STS, TLSA with AD, a null MX domain, a CNAME,
// a PTR, a name that SERVFAILs, one too big for UDP). docs/fakes/dns.md.
Zone default_zone();
// An SOA for `apex`, for zones that give none.
codec::ResourceRecord soa_for(const codec::DomainName& apex);

enum class Transport { udp, tcp };
std::string_view to_string(Transport transport);

struct Answer {
  std::optional<codec::Message> response;  // nullopt: no reply at all (dropped, or a query not worth one)
  std::chrono::milliseconds delay{0};
  bool dropped = false;
  bool truncated = false;
};

// Keeps the behaviours' counters, so one instance serves a fake's life.
class Answerer {
 public:
  explicit Answerer(Zone zone);
  // `query` as decoded. Over UDP the response is cut to what the query allows.
  Answer answer(const codec::Message& query, Transport transport);
  // For a datagram that did not decode: FORMERR with its ID when at least
  // a header is there (RFC 1035 §4.1.1), else nothing.
  std::optional<codec::Message> format_error(std::string_view wire) const;

 private:
  const NameBehaviour* behaviour_for(const codec::DomainName& name);
  void resolve(const codec::Question& question, codec::Message& response) const;
  const codec::ResourceRecord& soa_above(const codec::DomainName& name) const;
  bool exists(const codec::DomainName& name) const;

  Zone zone_;
  std::vector<std::uint32_t> used_;  // per behaviour
};

}  // namespace conformance::fakes::dns
