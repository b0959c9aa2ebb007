#include "harness/codec/dns/presentation.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/codec/dns/wire_bytes.hpp"

namespace conformance::codec::dns {
namespace {

using testing::bytes;

DomainName name(std::string_view text) { return DomainName::from_text(text).value(); }

ResourceRecord record(Rdata rdata, std::uint32_t ttl = 300) {
  return {name("example.com"), RecordClass::in, ttl, std::move(rdata)};
}

TEST(DnsPresentation, PrintsMxRecordLine) {
  EXPECT_EQ(to_text(record(MxRdata{10, name("mail.example.com")})), "example.com. 300 IN MX 10 mail.example.com.");
}

TEST(DnsPresentation, PrintsNullMx) {
  EXPECT_EQ(to_text(record(MxRdata::null_mx(), 3600)), "example.com. 3600 IN MX 0 .");
}

TEST(DnsPresentation, PrintsAddresses) {
  EXPECT_EQ(to_text(record(ARdata{{192, 0, 2, 1}})), "example.com. 300 IN A 192.0.2.1");
  AaaaRdata loopback;
  loopback.address[15] = 1;
  EXPECT_EQ(to_text(record(loopback)), "example.com. 300 IN AAAA ::1");
}

TEST(DnsPresentation, PrintsIpv6AsRfc5952Recommends) {
  auto v6 = [](const std::string& hex) {
    std::array<std::uint8_t, 16> address{};
    const std::string raw = bytes(hex);
    for (std::size_t i = 0; i < 16; ++i) address[i] = static_cast<std::uint8_t>(raw[i]);
    return ipv6_to_text(address);
  };
  EXPECT_EQ(v6("20010DB8000000000000000000000001"), "2001:db8::1");
  EXPECT_EQ(v6("00000000000000000000000000000000"), "::");
  EXPECT_EQ(v6("20010DB8000000010001000100010001"), "2001:db8:0:1:1:1:1:1");  // §4.2.2: no "::" for one group
  EXPECT_EQ(v6("20010DB8000000000001000000000001"), "2001:db8::1:0:0:1");     // §4.2.3: first of equal runs
  EXPECT_EQ(v6("20010DB80000000000000000000A0000"), "2001:db8::a:0");
  EXPECT_EQ(v6("FE800000000000000000000000000000"), "fe80::");
}

TEST(DnsPresentation, QuotesTxtStringsSeparatelyWithEscapes) {
  EXPECT_EQ(to_text(record(TxtRdata{{"v=spf1 mx -all"}})), "example.com. 300 IN TXT \"v=spf1 mx -all\"");
  EXPECT_EQ(to_text(TxtRdata{{"a\"b\\c", std::string("\x01", 1)}}), "\"a\\\"b\\\\c\" \"\\001\"");
}

TEST(DnsPresentation, PrintsSoaSrvAndTlsa) {
  EXPECT_EQ(
      to_text(SoaRdata{name("ns1.example.com"), name("hostmaster.example.com"), 2024010101, 7200, 3600, 1209600, 300}),
      "ns1.example.com. hostmaster.example.com. 2024010101 7200 3600 1209600 300");
  EXPECT_EQ(to_text(SrvRdata{0, 1, 993, name("imap.example.com")}), "0 1 993 imap.example.com.");
  EXPECT_EQ(to_text(TlsaRdata{3, 1, 1, bytes("0A1B2C")}), "3 1 1 0A1B2C");
}

TEST(DnsPresentation, PrintsUnknownTypesInRfc3597GenericForm) {
  ResourceRecord r{name("example.com"), static_cast<RecordClass>(32), 0,
                   UnknownRdata{static_cast<RecordType>(65280), bytes("0A000001")}};
  EXPECT_EQ(to_text(r), "example.com. 0 CLASS32 TYPE65280 \\# 4 0A000001");
  EXPECT_EQ(to_text(UnknownRdata{RecordType::caa, ""}), "\\# 0");
}

TEST(DnsPresentation, PrintsQuestionAndEdns) {
  EXPECT_EQ(to_text(Question{name("example.com"), RecordType::mx, RecordClass::in}), "example.com. IN MX");
  Edns edns;
  edns.dnssec_ok = true;
  edns.options.push_back({10, bytes("0102")});
  EXPECT_EQ(to_text(edns), "EDNS version 0; flags: do; udp 1232; option 10: 0102");
}

TEST(DnsPresentation, PrintsWholeMessageLikeDig) {
  Message m;
  m.header.id = 4660;
  m.header.qr = true;
  m.header.rd = true;
  m.header.ra = true;
  m.questions.push_back({name("example.com"), RecordType::mx, RecordClass::in});
  m.answers.push_back(record(MxRdata{10, name("mail.example.com")}));
  m.additionals.push_back({name("mail.example.com"), RecordClass::in, 300, ARdata{{192, 0, 2, 25}}});
  EXPECT_EQ(to_text(m),
            ";; opcode: QUERY, status: NOERROR, id: 4660\n"
            ";; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n"
            ";; QUESTION SECTION:\n"
            ";example.com. IN MX\n"
            ";; ANSWER SECTION:\n"
            "example.com. 300 IN MX 10 mail.example.com.\n"
            ";; ADDITIONAL SECTION:\n"
            "mail.example.com. 300 IN A 192.0.2.25\n");
}

TEST(DnsPresentation, NamesTypesClassesAndCodes) {
  EXPECT_EQ(to_text(RecordType::tlsa), "TLSA");
  EXPECT_EQ(to_text(static_cast<RecordType>(99)), "TYPE99");
  EXPECT_EQ(to_text(RecordClass::ch), "CH");
  EXPECT_EQ(to_text(Rcode::nx_domain), "NXDOMAIN");
  EXPECT_EQ(to_text(Rcode::bad_vers), "BADVERS");
  EXPECT_EQ(to_text(static_cast<Rcode>(23)), "23");
  EXPECT_EQ(to_text(Opcode::notify), "NOTIFY");
}

}  // namespace
}  // namespace conformance::codec::dns
