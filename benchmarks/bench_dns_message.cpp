// DNS message decoding throughput over responses shaped like those an MTA
// receives: MX with address glue, SPF and DKIM TXT, DANE TLSA; plus encoding
// of the same messages, and the memchr floor over the same octets.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "floor.hpp"
#include "harness/codec/dns/message.hpp"

namespace {

using namespace conformance::codec::dns;

DomainName name(std::string_view text) { return DomainName::from_text(text).value(); }

ResourceRecord rr(std::string_view owner, std::uint32_t ttl, Rdata rdata) {
  return {name(owner), RecordClass::in, ttl, std::move(rdata)};
}

Message response_to(std::string_view qname, RecordType qtype) {
  Message m;
  m.header.id = 0x2b7e;
  m.header.qr = true;
  m.header.rd = true;
  m.header.ra = true;
  m.questions.push_back({name(qname), qtype, RecordClass::in});
  m.edns = Edns{};
  return m;
}

std::vector<Message> realistic_responses() {
  std::vector<Message> out;

  Message mx = response_to("example.com", RecordType::mx);
  mx.answers.push_back(rr("example.com", 3600, MxRdata{10, name("mx1.mail.example.com")}));
  mx.answers.push_back(rr("example.com", 3600, MxRdata{20, name("mx2.mail.example.com")}));
  mx.answers.push_back(rr("example.com", 3600, MxRdata{30, name("backup-mx.example.net")}));
  mx.additionals.push_back(rr("mx1.mail.example.com", 300, ARdata{{192, 0, 2, 25}}));
  mx.additionals.push_back(
      rr("mx1.mail.example.com", 300, AaaaRdata{{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x25}}));
  mx.additionals.push_back(rr("mx2.mail.example.com", 300, ARdata{{192, 0, 2, 26}}));
  mx.additionals.push_back(
      rr("mx2.mail.example.com", 300, AaaaRdata{{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x26}}));
  out.push_back(mx);

  Message spf = response_to("example.com", RecordType::txt);
  spf.answers.push_back(
      rr("example.com", 300, TxtRdata{{"v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 include:_spf.example.net -all"}}));
  spf.answers.push_back(
      rr("example.com", 300, TxtRdata{{"google-site-verification=0123456789abcdefghijklmnopqrstuvwxyzABCDEFG"}}));
  out.push_back(spf);

  // A 2048-bit RSA DKIM key is about 400 base64 characters: two strings.
  const std::string key(392, 'Q');
  Message dkim = response_to("selector1._domainkey.example.com", RecordType::txt);
  dkim.answers.push_back(rr("selector1._domainkey.example.com", 3600,
                            TxtRdata{{"v=DKIM1; k=rsa; p=" + key.substr(0, 200), key.substr(200)}}));
  out.push_back(dkim);

  Message tlsa = response_to("_25._tcp.mx1.mail.example.com", RecordType::tlsa);
  tlsa.header.ad = true;
  tlsa.answers.push_back(rr("_25._tcp.mx1.mail.example.com", 3600, TlsaRdata{3, 1, 1, std::string(32, '\x5a')}));
  tlsa.answers.push_back(rr("_25._tcp.mx1.mail.example.com", 3600, TlsaRdata{2, 1, 1, std::string(32, '\xa5')}));
  out.push_back(tlsa);
  return out;
}

std::vector<std::string> encoded(const std::vector<Message>& messages) {
  std::vector<std::string> out;
  for (const auto& m : messages) out.push_back(encode_message(m).value());
  return out;
}

std::int64_t total_size(const std::vector<std::string>& wires) {
  std::int64_t total = 0;
  for (const auto& w : wires) total += static_cast<std::int64_t>(w.size());
  return total;
}

void BM_DnsDecodeResponses(benchmark::State& state) {
  const auto wires = encoded(realistic_responses());
  for (auto _ : state) {
    for (const auto& wire : wires) {
      auto message = decode_message(wire);
      benchmark::DoNotOptimize(message);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * total_size(wires));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * wires.size()));
}
BENCHMARK(BM_DnsDecodeResponses);

void BM_DnsEncodeResponses(benchmark::State& state) {
  const auto messages = realistic_responses();
  const auto wires = encoded(messages);
  for (auto _ : state) {
    for (const auto& m : messages) {
      auto wire = encode_message(m);
      benchmark::DoNotOptimize(wire);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * total_size(wires));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * messages.size()));
}
BENCHMARK(BM_DnsEncodeResponses);

void BM_DnsMemchrFloor(benchmark::State& state) {
  std::string all;
  for (const auto& wire : encoded(realistic_responses())) all += wire;
  conformance::bench::memchr_line_scan(state, all);
}
BENCHMARK(BM_DnsMemchrFloor);

}  // namespace
