#include "harness/codec/dns/rdata.hpp"

#include <gtest/gtest.h>

#include <string>

#include "harness/codec/dns/message.hpp"
#include "tests/codec/dns/wire_bytes.hpp"

namespace conformance::codec::dns {
namespace {

using testing::bytes;

DomainName name(std::string_view text) { return DomainName::from_text(text).value(); }

constexpr std::size_t rdata_offset = 12 + 13 + 10;  // header, "example.com", fixed RR fields

// A response with one answer owned by example.com, TTL 300. RDLENGTH is the
// size of `rdata` unless given.
std::string one_answer(std::string_view type_and_class, const std::string& rdata, int rdlength = -1) {
  const std::size_t length = rdlength < 0 ? rdata.size() : static_cast<std::size_t>(rdlength);
  std::string wire =
      bytes("0000 8000 0000 0001 0000 0000  07 'example' 03 'com' 00") + bytes(type_and_class) + bytes("0000012C");
  wire += static_cast<char>(length >> 8);
  wire += static_cast<char>(length & 0xFF);
  return wire + rdata;
}

Rdata decoded_rdata(const std::string& wire) {
  auto message = decode_message(wire);
  if (!message) {
    ADD_FAILURE() << message.error().message();
    return UnknownRdata{};
  }
  if (message->answers.size() != 1) {
    ADD_FAILURE() << "expected one answer";
    return UnknownRdata{};
  }
  // Every typed decode must also re-encode to the same octets.
  EXPECT_EQ(encode_message(*message).value(), wire);
  return message->answers[0].rdata;
}

ParseError decode_error(const std::string& wire) {
  auto message = decode_message(wire);
  if (message) {
    ADD_FAILURE() << "decoded, expected an error";
    return {};
  }
  return message.error();
}

TEST(DnsRdata, DecodesA) {
  EXPECT_EQ(decoded_rdata(one_answer("0001 0001", bytes("C0000201"))), Rdata(ARdata{{192, 0, 2, 1}}));
}

TEST(DnsRdata, DecodesAaaaForLoopback) {
  AaaaRdata loopback;
  loopback.address[15] = 1;
  EXPECT_EQ(decoded_rdata(one_answer("001C 0001", bytes("00000000000000000000000000000001"))), Rdata(loopback));
}

TEST(DnsRdata, DecodesNsCnameAndPtr) {
  EXPECT_EQ(decoded_rdata(one_answer("0002 0001", bytes("03 'ns1' C00C"))), Rdata(NsRdata{name("ns1.example.com")}));
  EXPECT_EQ(decoded_rdata(one_answer("0005 0001", bytes("03 'www' C00C"))), Rdata(CnameRdata{name("www.example.com")}));
  EXPECT_EQ(decoded_rdata(one_answer("000C 0001", bytes("04 'mail' C00C"))), Rdata(PtrRdata{name("mail.example.com")}));
}

TEST(DnsRdata, DecodesMx) {
  auto rdata = decoded_rdata(one_answer("000F 0001", bytes("000A 04 'mail' C00C")));
  ASSERT_TRUE(std::holds_alternative<MxRdata>(rdata));
  const auto& mx = std::get<MxRdata>(rdata);
  EXPECT_EQ(mx.preference, 10);
  EXPECT_EQ(mx.exchange, name("mail.example.com"));
  EXPECT_FALSE(mx.is_null_mx());
}

TEST(DnsRdata, DecodesNullMx) {
  // RFC 7505 §3: "example.com. IN MX 0 ."
  auto rdata = decoded_rdata(one_answer("000F 0001", bytes("0000 00")));
  ASSERT_TRUE(std::holds_alternative<MxRdata>(rdata));
  EXPECT_TRUE(std::get<MxRdata>(rdata).is_null_mx());
  EXPECT_EQ(std::get<MxRdata>(rdata), MxRdata::null_mx());
}

TEST(DnsRdata, MxToRootWithNonZeroPreferenceIsNotNullMx) { EXPECT_FALSE((MxRdata{10, DomainName()}.is_null_mx())); }

TEST(DnsRdata, KeepsTxtStringsApartAndJoinsThemOnRequest) {
  // A DKIM key split into two character-strings, as zone tools do past 255.
  auto rdata = decoded_rdata(one_answer("0010 0001", bytes("0D 'v=DKIM1; k=rs'  0A 'a; p=MIGfM'")));
  ASSERT_TRUE(std::holds_alternative<TxtRdata>(rdata));
  const auto& txt = std::get<TxtRdata>(rdata);
  ASSERT_EQ(txt.strings.size(), 2u);
  EXPECT_EQ(txt.strings[0], "v=DKIM1; k=rs");
  EXPECT_EQ(txt.strings[1], "a; p=MIGfM");
  EXPECT_EQ(txt.joined(), "v=DKIM1; k=rsa; p=MIGfM");
}

TEST(DnsRdata, DecodesSpfTxtWithEmptyAndSingleStrings) {
  auto rdata = decoded_rdata(one_answer("0010 0001", bytes("00 0B 'v=spf1 -all'")));
  const auto& txt = std::get<TxtRdata>(rdata);
  ASSERT_EQ(txt.strings.size(), 2u);
  EXPECT_EQ(txt.strings[0], "");
  EXPECT_EQ(txt.joined(), "v=spf1 -all");
}

TEST(DnsRdata, RejectsTxtStringRunningPastRdlength) {
  auto error = decode_error(one_answer("0010 0001", bytes("05 'ab'")));
  EXPECT_EQ(error.offset, rdata_offset + 1);
  EXPECT_EQ(error.expected, "TXT character-string within RDLENGTH 3");
}

TEST(DnsRdata, DecodesSoa) {
  auto rdata = decoded_rdata(one_answer(
      "0006 0001", bytes("03 'ns1' C00C  0A 'hostmaster' C00C  78A1B2C3 00001C20 00000E10 00127500 0000012C")));
  EXPECT_EQ(rdata, Rdata(SoaRdata{name("ns1.example.com"), name("hostmaster.example.com"), 0x78A1B2C3, 7200, 3600,
                                  1209600, 300}));
}

TEST(DnsRdata, DecodesSrvAndReencodesTargetUncompressed) {
  const std::string wire = one_answer("0021 0001", bytes("000A 0005 024B 04 'imap' 07 'example' 03 'com' 00"));
  EXPECT_EQ(decoded_rdata(wire), Rdata(SrvRdata{10, 5, 587, name("imap.example.com")}));
}

TEST(DnsRdata, AcceptsCompressedSrvTargetAsRfc3597Asks) {
  auto message = decode_message(one_answer("0021 0001", bytes("0000 0001 0019 04 'smtp' C00C")));
  ASSERT_TRUE(message.ok()) << message.error().message();
  EXPECT_EQ(message->answers[0].rdata, Rdata(SrvRdata{0, 1, 25, name("smtp.example.com")}));
}

TEST(DnsRdata, DecodesTlsaDaneEe) {
  // "_25._tcp.mail.example.com. IN TLSA 3 1 1 <SHA-256 of the SPKI>" (RFC 7672 §3.1.1).
  const std::string digest = bytes("8A14E7C1D34F6B59A2E0B4C3D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F7A8");
  auto rdata = decoded_rdata(one_answer("0034 0001", bytes("03 01 01") + digest));
  EXPECT_EQ(rdata, Rdata(TlsaRdata{3, 1, 1, digest}));
}

TEST(DnsRdata, KeepsUnknownTypesAsRawOctets) {
  // TYPE65280 (private use), as RFC 3597 §5 would write "\# 4 0A000001".
  auto rdata = decoded_rdata(one_answer("FF00 0001", bytes("0A000001")));
  EXPECT_EQ(rdata, Rdata(UnknownRdata{static_cast<RecordType>(0xFF00), bytes("0A000001")}));
  EXPECT_EQ(type_of(rdata), static_cast<RecordType>(0xFF00));
}

TEST(DnsRdata, KeepsUncompressedNamesInUnknownTypesUntouched) {
  // Names inside unknown RDATA are opaque (RFC 3597 §4), pointers included.
  auto rdata = decoded_rdata(one_answer("0101 0001", bytes("00 05 'issue' C00C")));  // CAA-shaped, type 257
  EXPECT_EQ(rdata, Rdata(UnknownRdata{RecordType::caa, bytes("00 05 'issue' C00C")}));
}

TEST(DnsRdata, KeepsAInOtherClassesAsRawOctets) {
  // A is class-specific (RFC 3597 §4): a Chaosnet A holds a name and an address.
  auto rdata = decoded_rdata(one_answer("0001 0003", bytes("01 'x' 00 0101")));
  EXPECT_EQ(rdata, Rdata(UnknownRdata{RecordType::a, bytes("01 'x' 00 0101")}));
}

TEST(DnsRdata, RejectsAWithRdlengthTooShort) {
  auto error = decode_error(one_answer("0001 0001", bytes("C00002")));
  EXPECT_EQ(error.offset, rdata_offset);
  EXPECT_EQ(error.expected, "A address within RDLENGTH 3");
}

TEST(DnsRdata, RejectsAWithRdlengthTooLong) {
  auto error = decode_error(one_answer("0001 0001", bytes("C000020100")));
  EXPECT_EQ(error.offset, rdata_offset + 4);
  EXPECT_EQ(error.expected, "end of A RDATA (RDLENGTH is 5 but the fields end after 4)");
}

TEST(DnsRdata, RejectsMxWhoseNameEndsBeforeRdlength) {
  auto error = decode_error(one_answer("000F 0001", bytes("000A 04 'mail' C00C 0000")));
  EXPECT_EQ(error.offset, rdata_offset + 9);
  EXPECT_EQ(error.expected, "end of MX RDATA (RDLENGTH is 11 but the fields end after 9)");
}

TEST(DnsRdata, RejectsMxWhoseNameRunsPastRdlength) {
  // RDLENGTH 6 cuts "mail" short even though the message goes on.
  auto error = decode_error(one_answer("000F 0001", bytes("000A 04 'mail' C00C"), 6));
  EXPECT_EQ(error.offset, rdata_offset + 6);
  EXPECT_EQ(error.expected, "rest of a 4-octet label within the record");
}

TEST(DnsRdata, RejectsSoaMissingItsCounters) {
  auto error = decode_error(one_answer("0006 0001", bytes("00 00 00000001 00000002")));
  EXPECT_EQ(error.offset, rdata_offset + 10);
  EXPECT_EQ(error.expected, "SOA RETRY within RDLENGTH 10");
}

TEST(DnsRdata, RejectsTlsaShorterThanItsFixedFields) {
  auto error = decode_error(one_answer("0034 0001", bytes("03 01")));
  EXPECT_EQ(error.offset, rdata_offset + 2);
  EXPECT_EQ(error.expected, "TLSA matching type within RDLENGTH 2");
}

}  // namespace
}  // namespace conformance::codec::dns
