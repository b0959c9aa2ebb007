#include "harness/codec/dns/message.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/codec/dns/wire_bytes.hpp"

namespace conformance::codec::dns {
namespace {

using testing::bytes;

DomainName name(std::string_view text) { return DomainName::from_text(text).value(); }

// A response to "example.com. IN MX" as a recursive resolver sends it: two
// MX records and the addresses of both exchanges, every name compressed.
const std::string mx_response = bytes(
    "1234 8180 0001 0002 0000 0002"
    "07 'example' 03 'com' 00  000F 0001"
    "C00C 000F 0001 00000E10 0009  000A 04 'mail' C00C"  // mail at offset 43
    "C00C 000F 0001 00000E10 0008  0014 03 'mx2' C00C"   // mx2 at offset 64
    "C02B 0001 0001 00000E10 0004  C0000219"
    "C040 001C 0001 00000E10 0010  20010DB8000000000000000000000025");

// A query for the same, with RD and an EDNS(0) OPT record: 1232-octet
// payload, DO set, one COOKIE option (RFC 7873).
const std::string edns_query = bytes(
    "BEEF 0100 0001 0000 0000 0001"
    "07 'example' 03 'com' 00  000F 0001"
    "00 0029 04D0 00 00 8000 000C  000A 0008 0102030405060708");

Message decoded(std::string_view wire) {
  auto message = decode_message(wire);
  if (!message) ADD_FAILURE() << message.error().message();
  return message ? *message : Message{};
}

TEST(DnsMessage, DecodesMxResponseForExampleCom) {
  Message m = decoded(mx_response);
  EXPECT_EQ(m.header.id, 0x1234);
  EXPECT_TRUE(m.header.qr);
  EXPECT_TRUE(m.header.rd);
  EXPECT_TRUE(m.header.ra);
  EXPECT_FALSE(m.header.aa);
  EXPECT_EQ(m.header.rcode, 0);
  ASSERT_EQ(m.questions.size(), 1u);
  EXPECT_EQ(m.questions[0], (Question{name("example.com"), RecordType::mx, RecordClass::in}));
  ASSERT_EQ(m.answers.size(), 2u);
  EXPECT_EQ(m.answers[0],
            (ResourceRecord{name("example.com"), RecordClass::in, 3600, MxRdata{10, name("mail.example.com")}}));
  EXPECT_EQ(m.answers[1],
            (ResourceRecord{name("example.com"), RecordClass::in, 3600, MxRdata{20, name("mx2.example.com")}}));
  EXPECT_TRUE(m.authorities.empty());
  ASSERT_EQ(m.additionals.size(), 2u);
  EXPECT_EQ(m.additionals[0],
            (ResourceRecord{name("mail.example.com"), RecordClass::in, 3600, ARdata{{192, 0, 2, 25}}}));
  EXPECT_EQ(m.additionals[1].name, name("mx2.example.com"));
  EXPECT_EQ(m.additionals[1].type(), RecordType::aaaa);
  EXPECT_FALSE(m.edns.has_value());
}

TEST(DnsMessage, ReencodesMxResponseToTheSameOctets) {
  auto wire = encode_message(decoded(mx_response));
  ASSERT_TRUE(wire.ok()) << wire.error().message();
  EXPECT_EQ(*wire, mx_response);
}

TEST(DnsMessage, EncodesQueryWithEdnsToTheExpectedOctets) {
  Message query;
  query.header.id = 0xBEEF;
  query.header.rd = true;
  query.questions.push_back({name("example.com"), RecordType::mx, RecordClass::in});
  Edns edns;
  edns.dnssec_ok = true;
  edns.options.push_back({static_cast<std::uint16_t>(EdnsOptionCode::cookie), bytes("0102030405060708")});
  query.edns = edns;
  auto wire = encode_message(query);
  ASSERT_TRUE(wire.ok()) << wire.error().message();
  EXPECT_EQ(*wire, edns_query);
}

TEST(DnsMessage, DecodesEdnsFromTheOptRecord) {
  Message m = decoded(edns_query);
  EXPECT_TRUE(m.additionals.empty());
  ASSERT_TRUE(m.edns.has_value());
  EXPECT_EQ(m.edns->udp_payload_size, 1232);
  EXPECT_TRUE(m.edns->dnssec_ok);
  EXPECT_EQ(m.edns->version, 0);
  EXPECT_EQ(m.edns->extended_rcode, 0);
  EXPECT_EQ(m.edns->z, 0);
  ASSERT_EQ(m.edns->options.size(), 1u);
  EXPECT_EQ(m.edns->options[0].code, 10);
  EXPECT_EQ(m.edns->options[0].data, bytes("0102030405060708"));
}

TEST(DnsMessage, DecodesEachHeaderFlagFromItsOwnBit) {
  struct Case {
    const char* flags;
    bool Header::*field;
  };
  const Case cases[] = {{"8000", &Header::qr}, {"0400", &Header::aa}, {"0200", &Header::tc}, {"0100", &Header::rd},
                        {"0080", &Header::ra}, {"0040", &Header::z},  {"0020", &Header::ad}, {"0010", &Header::cd}};
  for (const auto& c : cases) {
    Message m = decoded(bytes(std::string("0000 ") + c.flags + " 0000 0000 0000 0000"));
    Header expected;
    expected.*c.field = true;
    EXPECT_EQ(m.header, expected) << c.flags;
    EXPECT_EQ(encode_message(m).value().substr(2, 2), bytes(c.flags));
  }
}

TEST(DnsMessage, DecodesOpcodeAndRcodeFields) {
  Message m = decoded(bytes("0000 2805 0000 0000 0000 0000"));
  EXPECT_EQ(m.header.opcode, Opcode::update);
  EXPECT_EQ(m.header.rcode, 5);
  EXPECT_EQ(rcode_of(m), Rcode::refused);
}

TEST(DnsMessage, CombinesExtendedRcodeFromOpt) {
  // BADVERS is 16: header RCODE 0, EXTENDED-RCODE 1 (RFC 6891 §6.1.3, §9).
  Message m = decoded(bytes("0001 8000 0000 0000 0000 0001  00 0029 1000 01 00 0000 0000"));
  EXPECT_EQ(m.header.rcode, 0);
  ASSERT_TRUE(m.edns.has_value());
  EXPECT_EQ(m.edns->extended_rcode, 1);
  EXPECT_EQ(m.edns->udp_payload_size, 4096);
  EXPECT_EQ(rcode_of(m), Rcode::bad_vers);
}

TEST(DnsMessage, SetRcodeSplitsExtendedValuesIntoOpt) {
  Message m;
  set_rcode(m, Rcode::bad_vers);
  EXPECT_EQ(m.header.rcode, 0);
  ASSERT_TRUE(m.edns.has_value());
  EXPECT_EQ(m.edns->extended_rcode, 1);
  set_rcode(m, Rcode::nx_domain);
  EXPECT_EQ(m.header.rcode, 3);
  EXPECT_EQ(m.edns->extended_rcode, 0);
  Message plain;
  set_rcode(plain, Rcode::serv_fail);
  EXPECT_FALSE(plain.edns.has_value());
  EXPECT_EQ(rcode_of(plain), Rcode::serv_fail);
}

TEST(DnsMessage, RejectsTruncatedHeader) {
  auto m = decode_message(bytes("1234 8180 0001 0000 0000 00"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().offset, 11u);
  EXPECT_EQ(m.error().expected, "12-octet header");
}

TEST(DnsMessage, DecodesHeaderOfAMessageThatFailsToDecode) {
  // Enough to answer FORMERR with the right ID (RFC 6891 §7).
  const std::string broken = bytes("ABCD 0100 0001 0000 0000 0000  C0 0C 0001 0001");
  EXPECT_FALSE(decode_message(broken).ok());
  auto header = decode_header(broken);
  ASSERT_TRUE(header.ok());
  EXPECT_EQ(header->id, 0xABCD);
  EXPECT_TRUE(header->rd);
  EXPECT_FALSE(header->qr);
  EXPECT_EQ(decode_header(bytes("ABCD 01")).error().expected, "12-octet header");
}

TEST(DnsMessage, HeaderCountsWithoutDataFailWhereTheDataEnds) {
  auto m = decode_message(bytes("1234 8180 FFFF FFFF FFFF FFFF"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().offset, 12u);
  EXPECT_EQ(m.error().expected, "label length octet within the record");
}

TEST(DnsMessage, RejectsQuestionWithoutQtypeAndQclass) {
  auto m = decode_message(bytes("1234 0100 0001 0000 0000 0000  03 'com' 00 000F"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().offset, 17u);
  EXPECT_EQ(m.error().expected, "QTYPE and QCLASS of question 1 of 1");
}

TEST(DnsMessage, RejectsRecordCutOffBeforeRdlength) {
  auto m = decode_message(bytes("1234 8180 0000 0001 0000 0000  00 0001 0001 0000"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().offset, 13u);
  EXPECT_EQ(m.error().expected, "TYPE, CLASS, TTL and RDLENGTH of answer 1 of 1 record");
}

TEST(DnsMessage, RejectsRdlengthPastEndOfMessage) {
  auto m = decode_message(bytes("1234 8180 0000 0001 0000 0000  00 0001 0001 00000E10 0008 C0000219"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().offset, 27u);
  EXPECT_EQ(m.error().expected, "8 octets of RDATA (RDLENGTH) of answer 1 of 1 record");
}

TEST(DnsMessage, RejectsOctetsAfterTheCountedRecords) {
  auto m = decode_message(mx_response + bytes("0000"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().offset, mx_response.size());
  EXPECT_EQ(m.error().expected, "end of message (2 octets follow the records the header counts)");
}

TEST(DnsMessage, RejectsMessageOverTheSizeLimit) {
  Limits limits;
  limits.max_message_size = 64;
  auto m = decode_message(mx_response, limits);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().offset, 64u);
  EXPECT_EQ(m.error().expected, "message of at most 64 octets");
}

TEST(DnsMessage, RejectsSecondOptRecord) {
  auto m =
      decode_message(bytes("0001 0000 0000 0000 0000 0002  00 0029 04D0 00000000 0000  00 0029 04D0 00000000 0000"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().offset, 23u);
  EXPECT_EQ(m.error().expected, "at most one OPT record");
}

TEST(DnsMessage, RejectsOptRecordOutsideAdditionalSection) {
  auto m = decode_message(bytes("0001 8000 0000 0001 0000 0000  00 0029 04D0 00000000 0000"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().offset, 12u);
  EXPECT_EQ(m.error().expected, "OPT record only in the additional section");
}

TEST(DnsMessage, RejectsOptRecordWithNonRootOwner) {
  auto m = decode_message(bytes("0001 0000 0000 0000 0000 0001  03 'com' 00 0029 04D0 00000000 0000"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().offset, 12u);
  EXPECT_EQ(m.error().expected, "root owner name for the OPT record");
}

TEST(DnsMessage, RejectsEdnsOptionRunningPastRdlength) {
  auto m = decode_message(bytes("0001 0000 0000 0000 0000 0001  00 0029 04D0 00000000 0006  000A 0008 0102"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().offset, 27u);
  EXPECT_EQ(m.error().expected, "8 octets of OPTION-DATA within RDLENGTH");
}

TEST(DnsMessage, KeepsReservedHeaderAndEdnsBitsSoTheyRoundTrip) {
  const std::string wire = bytes("0001 0040 0000 0000 0000 0001  00 0029 0200 00 01 7FFF 0000");
  Message m = decoded(wire);
  EXPECT_TRUE(m.header.z);
  ASSERT_TRUE(m.edns.has_value());
  EXPECT_EQ(m.edns->version, 1);
  EXPECT_EQ(m.edns->z, 0x7FFF);
  EXPECT_FALSE(m.edns->dnssec_ok);
  EXPECT_EQ(encode_message(m).value(), wire);
}

TEST(DnsMessage, EncodesWithoutCompressionWhenAskedAndDecodesTheSame) {
  Message original = decoded(mx_response);
  EncodeOptions options;
  options.compress_names = false;
  auto wire = encode_message(original, options);
  ASSERT_TRUE(wire.ok());
  // Every name in full: 12 + 17 + (13+10+20) + (13+10+19) + (18+10+4) + (17+10+16).
  EXPECT_EQ(wire->size(), 189u);
  EXPECT_EQ(decoded(*wire), original);
}

TEST(DnsMessage, EncodeRejectsTxtStringOver255Octets) {
  Message m;
  m.answers.push_back({name("example.com"), RecordClass::in, 0, TxtRdata{{"ok", std::string(256, 'x')}}});
  auto wire = encode_message(m);
  ASSERT_FALSE(wire.ok());
  // Header 12, owner 13, fixed fields 10, then "ok" as 3 octets.
  EXPECT_EQ(wire.error().offset, 38u);
  EXPECT_EQ(wire.error().expected, "character-string of at most 255 octets");
}

TEST(DnsMessage, EncodeRejectsFieldsWiderThanTheHeader) {
  Message m;
  m.header.opcode = static_cast<Opcode>(16);
  EXPECT_EQ(encode_message(m).error().expected, "opcode of at most 15");
  m.header.opcode = Opcode::query;
  m.header.rcode = 16;
  EXPECT_EQ(encode_message(m).error().expected, "header RCODE of at most 15 (the upper bits go in the OPT record)");
}

TEST(DnsMessage, EncodeRejectsMessageOverTheSizeLimit) {
  EncodeOptions options;
  options.max_message_size = 40;
  auto wire = encode_message(decoded(mx_response), options);
  ASSERT_FALSE(wire.ok());
  EXPECT_EQ(wire.error().expected, "message of at most 40 octets");
}

TEST(DnsMessage, RoundTripsABuiltMessageWithEverySection) {
  Message m;
  m.header.id = 7;
  m.header.qr = true;
  m.header.aa = true;
  m.questions.push_back({name("Example.org"), RecordType::any, RecordClass::in});
  m.answers.push_back({name("example.org"), RecordClass::in, 60, CnameRdata{name("Target.example.org")}});
  m.authorities.push_back(
      {name("example.org"), RecordClass::in, 3600,
       SoaRdata{name("ns1.example.org"), name("hostmaster.example.org"), 2024010101, 7200, 3600, 1209600, 300}});
  m.additionals.push_back({name("ns1.example.org"), RecordClass::in, 3600, ARdata{{198, 51, 100, 1}}});
  m.edns = Edns{};
  auto wire = encode_message(m);
  ASSERT_TRUE(wire.ok()) << wire.error().message();
  EXPECT_EQ(decoded(*wire), m);
}

}  // namespace
}  // namespace conformance::codec::dns
