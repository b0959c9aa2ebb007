#include "fakes/dns/zone.hpp"

#include "harness/codec/dns/presentation_parse.hpp"
#include "harness/codec/dns/response.hpp"

#include <algorithm>

namespace conformance::fakes::dns {
namespace {

constexpr int kMaxCnameChain = 8;  // loops and long chains end here

codec::DomainName name(std::string_view text) { return codec::DomainName::from_text(text).value(); }

ZoneRecord record(std::string_view owner, codec::RecordType type, std::string_view data, bool authenticated = false,
                  std::uint32_t ttl = 300) {
  codec::ResourceRecord rr;
  rr.name = name(owner);
  rr.ttl = ttl;
  rr.rdata = codec::rdata_from_text(type, data).value();
  return ZoneRecord{rr, authenticated};
}

bool matches_type(const codec::ResourceRecord& rr, codec::RecordType qtype) {
  return qtype == codec::RecordType::any || rr.type() == qtype;
}

}  // namespace

std::string_view to_string(Transport transport) { return transport == Transport::udp ? "udp" : "tcp"; }

codec::ResourceRecord soa_for(const codec::DomainName& apex) {
  codec::ResourceRecord rr;
  rr.name = apex;
  rr.ttl = 300;
  codec::SoaRdata soa;
  auto below_apex = [&apex](const std::string& label) {
    auto below = codec::DomainName::from_text(label + "." + apex.to_text());
    return below ? *below : apex;  // the apex is already 250+ octets long
  };
  soa.mname = below_apex("ns1");
  soa.rname = below_apex("hostmaster");
  soa.serial = 2026112201;
  soa.refresh = 3600;
  soa.retry = 600;
  soa.expire = 86400;
  soa.minimum = 300;  // the negative-caching TTL (RFC 2308 §4)
  rr.rdata = soa;
  return rr;
}

Zone default_zone() {
  using T = codec::RecordType;
  Zone zone;
  zone.default_soa = soa_for(name("example.test"));
  zone.records = {
      ZoneRecord{zone.default_soa, false},
      record("example.test", T::mx, "10 mail.example.test"),
      record("example.test", T::mx, "20 backup-mx.example.test"),
      record("example.test", T::txt, "\"v=spf1 ip4:127.0.0.1 ip6:::1 -all\""),
      record("_dmarc.example.test", T::txt, "\"v=DMARC1; p=reject; rua=mailto:dmarc@example.test\""),
      record("_mta-sts.example.test", T::txt, "\"v=STSv1; id=20261122\""),
      record("_smtp._tls.example.test", T::txt, "\"v=TLSRPTv1; rua=mailto:tlsrpt@example.test\""),
      record("sel1._domainkey.example.test", T::txt,
             "\"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\""),
      record("mail.example.test", T::a, "127.0.0.1"),
      record("mail.example.test", T::aaaa, "::1"),
      record("backup-mx.example.test", T::a, "127.0.0.2"),
      record("_25._tcp.mail.example.test", T::tlsa,
             "3 1 1 0f3e1c6c2ab1d7f0e6b5f1d9a3c4e2b8a7d6c5b4a3928170615243342516071a", true),
      record("smtp.example.test", T::cname, "mail.example.test"),
      record("1.0.0.127.in-addr.arpa", T::ptr, "mail.example.test"),
      record("nullmx.example.test", T::mx, "0 ."),
      record("nullmx.example.test", T::a, "127.0.0.3"),
      record("servfail.example.test", T::a, "127.0.0.4"),
  };
  // Enough TXT strings that the answer passes 1232 octets: over UDP it is
  // truncated and a client retries over TCP (RFC 7766 §5).
  for (int i = 0; i < 12; ++i) {
    zone.records.push_back(record("big.example.test", T::txt, "\"" + std::string(120, static_cast<char>('a' + i)) + "\""));
  }
  NameBehaviour servfail;
  servfail.name = name("servfail.example.test");
  servfail.rcode = codec::Rcode::serv_fail;
  NameBehaviour slow;
  slow.name = name("slow.example.test");
  slow.latency = std::chrono::milliseconds(1500);
  NameBehaviour silent;
  silent.name = name("timeout.example.test");
  silent.drop = true;
  zone.records.push_back(record("slow.example.test", T::a, "127.0.0.5"));
  zone.behaviours = {servfail, slow, silent};
  return zone;
}

Answerer::Answerer(Zone zone) : zone_(std::move(zone)), used_(zone_.behaviours.size(), 0) {}

const NameBehaviour* Answerer::behaviour_for(const codec::DomainName& qname) {
  for (std::size_t i = 0; i < zone_.behaviours.size(); ++i) {
    const NameBehaviour& behaviour = zone_.behaviours[i];
    if (!codec::equals_ignore_case(behaviour.name, qname)) continue;
    if (behaviour.times != 0 && used_[i] >= behaviour.times) continue;
    ++used_[i];
    return &behaviour;
  }
  return nullptr;
}

bool Answerer::exists(const codec::DomainName& qname) const {
  // A name with no records but with names below it is an empty non-terminal:
  // it exists (RFC 8020 §2), so the answer is NODATA, not NXDOMAIN.
  return std::any_of(zone_.records.begin(), zone_.records.end(), [&](const ZoneRecord& entry) {
    return codec::equals_ignore_case(entry.record.name, qname) || entry.record.name.is_subdomain_of(qname);
  });
}

const codec::ResourceRecord& Answerer::soa_above(const codec::DomainName& qname) const {
  const codec::ResourceRecord* best = nullptr;
  for (const ZoneRecord& entry : zone_.records) {
    if (entry.record.type() != codec::RecordType::soa) continue;
    const bool above = codec::equals_ignore_case(entry.record.name, qname) || qname.is_subdomain_of(entry.record.name);
    if (above && (!best || entry.record.name.label_count() > best->name.label_count())) best = &entry.record;
  }
  return best ? *best : zone_.default_soa;
}

void Answerer::resolve(const codec::Question& question, codec::Message& response) const {
  codec::DomainName current = question.name;
  bool all_authenticated = true;
  for (int hop = 0; hop < kMaxCnameChain; ++hop) {
    std::vector<const ZoneRecord*> here;
    for (const ZoneRecord& entry : zone_.records) {
      if (codec::equals_ignore_case(entry.record.name, current)) here.push_back(&entry);
    }
    std::vector<const ZoneRecord*> matching;
    for (const ZoneRecord* entry : here) {
      if (matches_type(entry->record, question.type)) matching.push_back(entry);
    }
    if (!matching.empty()) {
      for (const ZoneRecord* entry : matching) {
        codec::ResourceRecord rr = entry->record;
        // The owner as asked on the first hop: names are compared without
        // case, and resolvers expect their own spelling back.
        if (hop == 0) rr.name = question.name;
        response.answers.push_back(std::move(rr));
        all_authenticated = all_authenticated && entry->authenticated;
      }
      break;
    }
    const auto cname = std::find_if(here.begin(), here.end(), [](const ZoneRecord* entry) {
      return entry->record.type() == codec::RecordType::cname;
    });
    if (cname != here.end()) {
      codec::ResourceRecord rr = (*cname)->record;
      if (hop == 0) rr.name = question.name;
      response.answers.push_back(rr);
      all_authenticated = all_authenticated && (*cname)->authenticated;
      current = std::get<codec::CnameRdata>(rr.rdata).target;
      continue;
    }
    // Nothing of the type: NODATA if the name exists, else NXDOMAIN (for the
    // last name of a CNAME chain, RFC 6604 §2).
    if (!exists(current)) codec::set_rcode(response, codec::Rcode::nx_domain);
    response.authorities.push_back(soa_above(current));
    break;
  }
  response.header.ad = response.header.ad && all_authenticated && !response.answers.empty() &&
                       codec::rcode_of(response) == codec::Rcode::no_error;
}

Answer Answerer::answer(const codec::Message& query, Transport transport) {
  Answer answer;
  if (query.header.qr) return answer;  // a response sent to us: never answer one (RFC 1035 §4.1.1)
  codec::Message response = codec::make_response(query);
  response.header.aa = true;
  response.header.ra = false;
  // AD only when the client said it understands it (RFC 6840 §5.7, §5.8).
  response.header.ad = query.header.ad || (query.edns && query.edns->dnssec_ok);
  if (query.header.opcode != codec::Opcode::query) {
    response.header.ad = false;
    codec::set_rcode(response, codec::Rcode::not_imp);
    answer.response = std::move(response);
    return answer;
  }
  if (query.questions.size() != 1) {
    response.header.ad = false;
    codec::set_rcode(response, codec::Rcode::form_err);
    answer.response = std::move(response);
    return answer;
  }
  const codec::Question& question = query.questions.front();
  if (question.qclass != codec::RecordClass::in && question.qclass != codec::RecordClass::any) {
    response.header.ad = false;
    response.header.aa = false;
    codec::set_rcode(response, codec::Rcode::refused);
    answer.response = std::move(response);
    return answer;
  }
  if (const NameBehaviour* behaviour = behaviour_for(question.name)) {
    answer.delay = behaviour->latency;
    if (behaviour->drop) {
      answer.dropped = true;
      return answer;
    }
    if (behaviour->rcode) {
      response.header.ad = false;
      codec::set_rcode(response, *behaviour->rcode);
      if (*behaviour->rcode == codec::Rcode::nx_domain) response.authorities.push_back(soa_above(question.name));
      answer.response = std::move(response);
      return answer;
    }
    if (behaviour->truncate_udp && transport == Transport::udp) {
      response.header.ad = false;
      response.header.tc = true;
      answer.truncated = true;
      answer.response = std::move(response);
      return answer;
    }
  }
  resolve(question, response);
  if (transport == Transport::udp) {
    auto fitted = codec::truncate_to_fit(response, codec::udp_size_limit(query));
    if (fitted) {
      answer.truncated = fitted->header.tc;
      response = std::move(*fitted);
    }
  }
  answer.response = std::move(response);
  return answer;
}

std::optional<codec::Message> Answerer::format_error(std::string_view wire) const {
  auto header = codec::decode_header(wire);
  if (!header || header->qr) return std::nullopt;
  codec::Message response;
  response.header.id = header->id;
  response.header.qr = true;
  response.header.opcode = header->opcode;
  response.header.rd = header->rd;
  codec::set_rcode(response, codec::Rcode::form_err);
  return response;
}

}  // namespace conformance::fakes::dns
