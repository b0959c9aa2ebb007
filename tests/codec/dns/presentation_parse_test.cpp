#include "harness/codec/dns/presentation_parse.hpp"

#include "harness/codec/dns/presentation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace conformance::codec::dns {
namespace {

using ::testing::HasSubstr;

Rdata parsed(RecordType type, std::string_view text) {
  auto rdata = rdata_from_text(type, text);
  EXPECT_TRUE(rdata.ok()) << text << ": " << (rdata.ok() ? "" : rdata.error().message());
  return rdata.ok() ? *rdata : Rdata{};
}

ParseError failure(RecordType type, std::string_view text) {
  auto rdata = rdata_from_text(type, text);
  EXPECT_FALSE(rdata.ok()) << text;
  return rdata.ok() ? ParseError{} : rdata.error();
}

TEST(RdataFromText, RoundTripsThroughToText) {
  // The presentation forms RFC 1035 §5.1, RFC 3596 §2.2 and RFC 6698 §2.2 give.
  const std::pair<RecordType, const char*> cases[] = {
      {RecordType::a, "192.0.2.1"},
      {RecordType::aaaa, "2001:db8::1"},
      {RecordType::mx, "10 mail.example.test."},
      {RecordType::cname, "mail.example.test."},
      {RecordType::ptr, "mail.example.test."},
      {RecordType::ns, "ns1.example.test."},
      {RecordType::soa, "ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300"},
      {RecordType::srv, "0 5 993 imap.example.test."},
      {RecordType::txt, "\"v=spf1 -all\""},
  };
  for (const auto& [type, text] : cases) EXPECT_EQ(to_text(parsed(type, text)), text) << text;
}

TEST(RdataFromText, NullMxIsPreferenceZeroAndTheRoot) {
  EXPECT_TRUE(std::get<MxRdata>(parsed(RecordType::mx, "0 .")).is_null_mx());  // RFC 7505 §3
}

TEST(RdataFromText, Ipv6CompressedFormsExpand) {
  const auto all_zero = std::get<AaaaRdata>(parsed(RecordType::aaaa, "::"));
  EXPECT_EQ(all_zero.address, (std::array<std::uint8_t, 16>{}));
  const auto loopback = std::get<AaaaRdata>(parsed(RecordType::aaaa, "::1"));
  EXPECT_EQ(loopback.address[15], 1);
  const auto full = std::get<AaaaRdata>(parsed(RecordType::aaaa, "2001:db8:0:0:0:0:0:ff"));
  EXPECT_EQ(full.address[0], 0x20);
  EXPECT_EQ(full.address[15], 0xff);
}

TEST(RdataFromText, TxtKeepsSeveralQuotedStringsApart) {
  const auto txt = std::get<TxtRdata>(parsed(RecordType::txt, R"("v=DKIM1; k=rsa; " "p=MIIB\"x\\y" "\065")"));
  ASSERT_EQ(txt.strings.size(), 3u);
  EXPECT_EQ(txt.strings[1], "p=MIIB\"x\\y");
  EXPECT_EQ(txt.strings[2], "A");
}

TEST(RdataFromText, AnUnquotedTxtLongerThan255IsCutInto255OctetStrings) {
  const auto txt = std::get<TxtRdata>(parsed(RecordType::txt, std::string(600, 'k')));
  ASSERT_EQ(txt.strings.size(), 3u);
  EXPECT_EQ(txt.strings[0].size(), 255u);
  EXPECT_EQ(txt.strings[2].size(), 90u);
}

TEST(RdataFromText, TlsaDataIsHex) {
  const auto tlsa = std::get<TlsaRdata>(parsed(RecordType::tlsa, "3 1 1 00ff10 AB"));
  EXPECT_EQ(tlsa.usage, 3);
  EXPECT_EQ(tlsa.matching_type, 1);
  EXPECT_EQ(tlsa.data, std::string("\x00\xff\x10\xab", 4));
}

TEST(RdataFromText, OtherTypesTakeTheGenericForm) {
  const auto raw = std::get<UnknownRdata>(parsed(static_cast<RecordType>(65), "\\# 3 010203"));
  EXPECT_EQ(raw.data, "\x01\x02\x03");
}

TEST(RdataFromText, ErrorsSayWhereAndWhat) {
  EXPECT_EQ(failure(RecordType::a, "192.0.2.300").offset, 8u);
  EXPECT_THAT(failure(RecordType::mx, "10").expected, HasSubstr("exchange"));
  EXPECT_EQ(failure(RecordType::mx, "10 a.test. extra").offset, 11u);
  EXPECT_THAT(failure(RecordType::aaaa, "1::2::3").expected, HasSubstr("'::'"));
  EXPECT_THAT(failure(RecordType::txt, "\"open").expected, HasSubstr("closing"));
  EXPECT_THAT(failure(RecordType::txt, "two words").expected, HasSubstr("quote"));
  EXPECT_THAT(failure(RecordType::tlsa, "3 1 1 abc").expected, HasSubstr("even"));
  EXPECT_THAT(failure(static_cast<RecordType>(65), "\\# 2 010203").expected, HasSubstr("length"));
}

TEST(RecordTypeFromText, KnowsMnemonicsAnyCaseAndTheGenericForm) {
  EXPECT_EQ(record_type_from_text("mx").value(), RecordType::mx);
  EXPECT_EQ(record_type_from_text("TLSA").value(), RecordType::tlsa);
  EXPECT_EQ(static_cast<unsigned>(record_type_from_text("TYPE65").value()), 65u);
  EXPECT_FALSE(record_type_from_text("MXX").ok());
}

}  // namespace
}  // namespace conformance::codec::dns
