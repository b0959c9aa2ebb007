#include "fakes/dns/zone.hpp"

#include "harness/codec/dns/presentation_parse.hpp"

#include <gtest/gtest.h>

namespace conformance::fakes::dns {
namespace {

using codec::RecordType;
using codec::Rcode;

codec::DomainName name(std::string_view text) { return codec::DomainName::from_text(text).value(); }

ZoneRecord record(std::string_view owner, RecordType type, std::string_view data, bool authenticated = false) {
  codec::ResourceRecord rr;
  rr.name = name(owner);
  rr.ttl = 60;
  rr.rdata = codec::rdata_from_text(type, data).value();
  return ZoneRecord{rr, authenticated};
}

codec::Message query(std::string_view qname, RecordType type, std::uint16_t id = 7) {
  codec::Message message;
  message.header.id = id;
  message.header.rd = true;
  message.questions.push_back({name(qname), type, codec::RecordClass::in});
  return message;
}

Zone test_zone() {
  Zone zone;
  zone.default_soa = soa_for(name("example.test"));
  zone.records = {
      ZoneRecord{zone.default_soa, false},
      record("example.test", RecordType::mx, "10 mail.example.test"),
      record("mail.example.test", RecordType::a, "127.0.0.1"),
      record("alias.example.test", RecordType::cname, "mail.example.test"),
      record("loop1.example.test", RecordType::cname, "loop2.example.test"),
      record("loop2.example.test", RecordType::cname, "loop1.example.test"),
      record("dangling.example.test", RecordType::cname, "gone.example.test"),
      record("nullmx.example.test", RecordType::mx, "0 ."),
      record("_25._tcp.mail.example.test", RecordType::tlsa, "3 1 1 00aa", true),
  };
  return zone;
}

Answer ask(Answerer& answerer, codec::Message message, Transport transport = Transport::udp) {
  return answerer.answer(message, transport);
}

TEST(Answerer, AnswersAuthoritativelyWithTheQuestionEchoed) {
  Answerer answerer(test_zone());
  Answer answer = ask(answerer, query("example.test", RecordType::mx, 4242));
  ASSERT_TRUE(answer.response);
  const codec::Message& response = *answer.response;
  EXPECT_EQ(response.header.id, 4242);
  EXPECT_TRUE(response.header.qr);
  EXPECT_TRUE(response.header.aa);
  EXPECT_FALSE(response.header.ra);
  EXPECT_TRUE(response.header.rd);  // copied (RFC 1035 §4.1.1)
  ASSERT_EQ(response.answers.size(), 1u);
  EXPECT_EQ(std::get<codec::MxRdata>(response.answers[0].rdata).preference, 10);
}

TEST(Answerer, NamesMatchWithoutCaseAndTheOwnerComesBackAsAsked) {
  Answerer answerer(test_zone());
  Answer answer = ask(answerer, query("MAIL.Example.TEST", RecordType::a));
  ASSERT_EQ(answer.response->answers.size(), 1u);
  EXPECT_EQ(answer.response->answers[0].name.to_text(), "MAIL.Example.TEST.");
}

TEST(Answerer, ServesTheNullMx) {
  Answerer answerer(test_zone());
  Answer answer = ask(answerer, query("nullmx.example.test", RecordType::mx));
  ASSERT_EQ(answer.response->answers.size(), 1u);
  EXPECT_TRUE(std::get<codec::MxRdata>(answer.response->answers[0].rdata).is_null_mx());
}

TEST(Answerer, FollowsCnameChainsWithinTheZone) {
  Answerer answerer(test_zone());
  Answer answer = ask(answerer, query("alias.example.test", RecordType::a));
  ASSERT_EQ(answer.response->answers.size(), 2u);
  EXPECT_EQ(answer.response->answers[0].type(), RecordType::cname);
  EXPECT_EQ(answer.response->answers[1].type(), RecordType::a);
}

TEST(Answerer, AQueryForTheCnameItselfGetsOnlyTheCname) {
  Answerer answerer(test_zone());
  Answer answer = ask(answerer, query("alias.example.test", RecordType::cname));
  ASSERT_EQ(answer.response->answers.size(), 1u);
}

TEST(Answerer, ACnameLoopEndsInsteadOfSpinning) {
  Answerer answerer(test_zone());
  Answer answer = ask(answerer, query("loop1.example.test", RecordType::a));
  ASSERT_TRUE(answer.response);
  EXPECT_LE(answer.response->answers.size(), 8u);
}

TEST(Answerer, ACnameToANameThatDoesNotExistIsNxdomain) {
  Answerer answerer(test_zone());
  Answer answer = ask(answerer, query("dangling.example.test", RecordType::a));
  EXPECT_EQ(codec::rcode_of(*answer.response), Rcode::nx_domain);  // RFC 6604 §2
  EXPECT_EQ(answer.response->answers.size(), 1u);
}

TEST(Answerer, NodataForAnExistingNameWithoutTheTypeCarriesTheSoa) {
  Answerer answerer(test_zone());
  Answer answer = ask(answerer, query("mail.example.test", RecordType::aaaa));
  EXPECT_EQ(codec::rcode_of(*answer.response), Rcode::no_error);
  EXPECT_TRUE(answer.response->answers.empty());
  ASSERT_EQ(answer.response->authorities.size(), 1u);  // RFC 2308 §2.2
  EXPECT_EQ(answer.response->authorities[0].type(), RecordType::soa);
}

TEST(Answerer, NxdomainForANameWithNothingAtOrBelowIt) {
  Answerer answerer(test_zone());
  Answer answer = ask(answerer, query("nosuch.example.test", RecordType::a));
  EXPECT_EQ(codec::rcode_of(*answer.response), Rcode::nx_domain);
  ASSERT_EQ(answer.response->authorities.size(), 1u);
}

TEST(Answerer, AnEmptyNonTerminalIsNodataNotNxdomain) {
  Answerer answerer(test_zone());
  Answer answer = ask(answerer, query("_tcp.mail.example.test", RecordType::txt));
  EXPECT_EQ(codec::rcode_of(*answer.response), Rcode::no_error);  // RFC 8020 §2
}

TEST(Answerer, AdIsSetOnlyForAuthenticatedAnswersToQueriesThatAskForIt) {
  Answerer answerer(test_zone());
  codec::Message with_ad = query("_25._tcp.mail.example.test", RecordType::tlsa);
  with_ad.header.ad = true;
  EXPECT_TRUE(ask(answerer, with_ad).response->header.ad);
  EXPECT_FALSE(ask(answerer, query("_25._tcp.mail.example.test", RecordType::tlsa)).response->header.ad);
  codec::Message unsigned_data = query("mail.example.test", RecordType::a);
  unsigned_data.header.ad = true;
  EXPECT_FALSE(ask(answerer, unsigned_data).response->header.ad);
}

TEST(Answerer, AScriptedRcodeAppliesForItsTimesThenTheDataAnswers) {
  Zone zone = test_zone();
  NameBehaviour flaky;
  flaky.name = name("example.test");
  flaky.rcode = Rcode::serv_fail;
  flaky.times = 2;
  zone.behaviours.push_back(flaky);
  Answerer answerer(zone);
  EXPECT_EQ(codec::rcode_of(*ask(answerer, query("example.test", RecordType::mx)).response), Rcode::serv_fail);
  EXPECT_EQ(codec::rcode_of(*ask(answerer, query("example.test", RecordType::mx)).response), Rcode::serv_fail);
  Answer third = ask(answerer, query("example.test", RecordType::mx));
  EXPECT_EQ(codec::rcode_of(*third.response), Rcode::no_error);
  EXPECT_EQ(third.response->answers.size(), 1u);
}

TEST(Answerer, TruncateUdpSetsTcOverUdpAndAnswersOverTcp) {
  Zone zone = test_zone();
  NameBehaviour big;
  big.name = name("example.test");
  big.truncate_udp = true;
  zone.behaviours.push_back(big);
  Answerer answerer(zone);
  Answer over_udp = ask(answerer, query("example.test", RecordType::mx), Transport::udp);
  EXPECT_TRUE(over_udp.response->header.tc);
  EXPECT_TRUE(over_udp.truncated);
  EXPECT_TRUE(over_udp.response->answers.empty());
  Answer over_tcp = ask(answerer, query("example.test", RecordType::mx), Transport::tcp);
  EXPECT_FALSE(over_tcp.response->header.tc);
  EXPECT_EQ(over_tcp.response->answers.size(), 1u);
}

TEST(Answerer, AnAnswerLargerThanTheClientsUdpSizeIsTruncated) {
  Zone zone = test_zone();
  for (int i = 0; i < 10; ++i) zone.records.push_back(record("big.example.test", RecordType::txt, std::string(100, 'a' + i)));
  Answerer answerer(zone);
  Answer answer = ask(answerer, query("big.example.test", RecordType::txt));  // no EDNS: 512 octets
  EXPECT_TRUE(answer.response->header.tc);
  EXPECT_LT(answer.response->answers.size(), 10u);
  EXPECT_EQ(ask(answerer, query("big.example.test", RecordType::txt), Transport::tcp).response->answers.size(), 10u);
}

TEST(Answerer, LatencyAndDropAreReported) {
  Zone zone = test_zone();
  NameBehaviour slow;
  slow.name = name("mail.example.test");
  slow.latency = std::chrono::milliseconds(250);
  NameBehaviour gone;
  gone.name = name("example.test");
  gone.drop = true;
  zone.behaviours = {slow, gone};
  Answerer answerer(zone);
  Answer delayed = ask(answerer, query("mail.example.test", RecordType::a));
  EXPECT_EQ(delayed.delay, std::chrono::milliseconds(250));
  EXPECT_TRUE(delayed.response);
  Answer dropped = ask(answerer, query("example.test", RecordType::mx));
  EXPECT_TRUE(dropped.dropped);
  EXPECT_FALSE(dropped.response);
}

TEST(Answerer, OtherOpcodesAreNotImplemented) {
  Answerer answerer(test_zone());
  codec::Message update = query("example.test", RecordType::soa);
  update.header.opcode = codec::Opcode::update;
  EXPECT_EQ(codec::rcode_of(*ask(answerer, update).response), Rcode::not_imp);
}

TEST(Answerer, AQueryWithoutExactlyOneQuestionIsAFormatError) {
  Answerer answerer(test_zone());
  codec::Message empty;
  empty.header.id = 9;
  EXPECT_EQ(codec::rcode_of(*ask(answerer, empty).response), Rcode::form_err);
}

TEST(Answerer, UndecodableBytesWithAHeaderGetFormerrWithTheirId) {
  Answerer answerer(test_zone());
  const std::string garbage("\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\xff", 13);
  auto response = answerer.format_error(garbage);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->header.id, 0x1234);
  EXPECT_EQ(codec::rcode_of(*response), Rcode::form_err);
  EXPECT_FALSE(answerer.format_error("\x01\x02"));
}

TEST(Answerer, NeverAnswersAResponse) {
  Answerer answerer(test_zone());
  codec::Message response = query("example.test", RecordType::mx);
  response.header.qr = true;
  EXPECT_FALSE(ask(answerer, response).response);
}

TEST(DefaultZone, HasTheDocumentedNames) {
  Answerer answerer(default_zone());
  EXPECT_EQ(ask(answerer, query("example.test", RecordType::mx)).response->answers.size(), 2u);
  EXPECT_EQ(codec::rcode_of(*ask(answerer, query("servfail.example.test", RecordType::a)).response), Rcode::serv_fail);
  EXPECT_TRUE(ask(answerer, query("big.example.test", RecordType::txt)).response->header.tc);
  EXPECT_TRUE(ask(answerer, query("timeout.example.test", RecordType::a)).dropped);
}

}  // namespace
}  // namespace conformance::fakes::dns
