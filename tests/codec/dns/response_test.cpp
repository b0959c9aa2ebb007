#include "harness/codec/dns/response.hpp"

#include <gtest/gtest.h>

#include <string>

namespace conformance::codec::dns {
namespace {

DomainName name(std::string_view text) { return DomainName::from_text(text).value(); }

Message mx_query(bool with_edns) {
  Message query;
  query.header.id = 0x5151;
  query.header.rd = true;
  query.header.cd = true;
  query.questions.push_back({name("example.com"), RecordType::mx, RecordClass::in});
  if (with_edns) {
    Edns edns;
    edns.udp_payload_size = 4096;
    edns.dnssec_ok = true;
    edns.options.push_back({static_cast<std::uint16_t>(EdnsOptionCode::cookie), "12345678"});
    query.edns = edns;
  }
  return query;
}

ResourceRecord txt(std::string_view owner, std::size_t length) {
  return {name(owner), RecordClass::in, 300, TxtRdata{{std::string(length, 't')}}};
}

ResourceRecord a(std::string_view owner, std::uint8_t last) {
  return {name(owner), RecordClass::in, 300, ARdata{{192, 0, 2, last}}};
}

std::size_t encoded_size(const Message& m) { return encode_message(m).value().size(); }

TEST(DnsResponse, CopiesIdOpcodeQuestionAndRdCd) {
  Message response = make_response(mx_query(false));
  EXPECT_EQ(response.header.id, 0x5151);
  EXPECT_TRUE(response.header.qr);
  EXPECT_TRUE(response.header.rd);
  EXPECT_TRUE(response.header.cd);
  EXPECT_FALSE(response.header.aa);
  EXPECT_FALSE(response.header.ra);
  EXPECT_EQ(response.header.opcode, Opcode::query);
  EXPECT_EQ(rcode_of(response), Rcode::no_error);
  EXPECT_EQ(response.questions, mx_query(false).questions);
  EXPECT_TRUE(response.answers.empty());
  EXPECT_FALSE(response.edns.has_value());
}

TEST(DnsResponse, AnswersEdnsWithEdnsEchoingDoButNotOptions) {
  Message response = make_response(mx_query(true), 1400);
  ASSERT_TRUE(response.edns.has_value());
  EXPECT_EQ(response.edns->udp_payload_size, 1400);
  EXPECT_TRUE(response.edns->dnssec_ok);
  EXPECT_TRUE(response.edns->options.empty());
}

TEST(DnsResponse, UdpLimitIs512WithoutEdns) { EXPECT_EQ(udp_size_limit(mx_query(false)), 512u); }

TEST(DnsResponse, UdpLimitIsTheAdvertisedSizeButNeverBelow512) {
  Message query = mx_query(true);
  EXPECT_EQ(udp_size_limit(query), 4096u);
  query.edns->udp_payload_size = 100;
  EXPECT_EQ(udp_size_limit(query), 512u);
}

TEST(DnsResponse, LeavesAResponseThatFitsAlone) {
  Message response = make_response(mx_query(false));
  response.answers.push_back({name("example.com"), RecordClass::in, 300, MxRdata{10, name("mail.example.com")}});
  auto fitted = truncate_to_fit(response, 512);
  ASSERT_TRUE(fitted.ok());
  EXPECT_EQ(*fitted, response);
}

TEST(DnsResponse, DropsAdditionalRecordsWithoutSettingTc) {
  Message response = make_response(mx_query(false));
  response.answers.push_back(txt("example.com", 200));
  response.additionals.push_back(txt("a.example.com", 200));
  response.additionals.push_back(txt("b.example.com", 200));
  auto fitted = truncate_to_fit(response, 512);
  ASSERT_TRUE(fitted.ok()) << fitted.error().message();
  EXPECT_FALSE(fitted->header.tc);  // RFC 2181 §9
  EXPECT_EQ(fitted->answers, response.answers);
  ASSERT_EQ(fitted->additionals.size(), 1u);
  EXPECT_EQ(fitted->additionals[0].name, name("a.example.com"));
  EXPECT_LE(encoded_size(*fitted), 512u);
}

TEST(DnsResponse, DropsAdditionalRrsetsWhole) {
  Message response = make_response(mx_query(false));
  response.answers.push_back({name("example.com"), RecordClass::in, 300, MxRdata{10, name("mx.example.com")}});
  response.additionals.push_back(txt("pad.example.com", 250));
  for (std::uint8_t i = 1; i <= 30; ++i) response.additionals.push_back(a("mx.example.com", i));
  auto fitted = truncate_to_fit(response, 512);
  ASSERT_TRUE(fitted.ok()) << fitted.error().message();
  EXPECT_FALSE(fitted->header.tc);
  // Some of the 30 A records would fit, but not all: the RRset goes entirely.
  ASSERT_EQ(fitted->additionals.size(), 1u);
  EXPECT_EQ(fitted->additionals[0].name, name("pad.example.com"));
}

TEST(DnsResponse, SetsTcWhenAnswersMustGo) {
  Message response = make_response(mx_query(true));
  for (int i = 0; i < 5; ++i) response.answers.push_back(txt("example.com", 200));
  auto fitted = truncate_to_fit(response, 512);
  ASSERT_TRUE(fitted.ok()) << fitted.error().message();
  EXPECT_TRUE(fitted->header.tc);  // RFC 1035 §4.1.1
  EXPECT_EQ(fitted->answers.size(), 2u);
  EXPECT_EQ(fitted->questions, response.questions);
  EXPECT_EQ(fitted->edns, response.edns);  // RFC 6891 §7: the OPT record stays
  EXPECT_LE(encoded_size(*fitted), 512u);
}

TEST(DnsResponse, KeepsHeaderQuestionAndOptWhenNoRecordFits) {
  Message response = make_response(mx_query(true));
  response.answers.push_back(txt("example.com", 255));
  auto fitted = truncate_to_fit(response, 100);
  ASSERT_TRUE(fitted.ok()) << fitted.error().message();
  EXPECT_TRUE(fitted->header.tc);
  EXPECT_TRUE(fitted->answers.empty());
  EXPECT_TRUE(fitted->edns.has_value());
}

TEST(DnsResponse, FailsWhenEvenTheQuestionDoesNotFit) {
  Message response = make_response(mx_query(true));
  // 12 header + 17 question + 11 OPT.
  auto fitted = truncate_to_fit(response, 39);
  ASSERT_FALSE(fitted.ok());
  EXPECT_EQ(fitted.error().expected, "a size limit of at least 40 octets (header, questions and OPT record)");
  EXPECT_TRUE(truncate_to_fit(response, 40).ok());
}

}  // namespace
}  // namespace conformance::codec::dns
