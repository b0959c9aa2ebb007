#include "fakes/config/dns_zone_yaml.hpp"

#include "tests/fakes/config/yaml_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace conformance::fakes::config {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

dns::Zone zone(const std::string& text, scenario::Diagnostics& diagnostics) {
  return read_yaml(text, diagnostics, read_dns_zone);
}

TEST(DnsZoneYaml, ReadsRecordsAndBehaviours) {
  scenario::Diagnostics diagnostics;
  dns::Zone read = zone(R"(
zone: example.test
records:
  - {name: example.test, type: MX, value: "10 mail.example.test", ttl: 60}
  - {name: _25._tcp.mail.example.test, type: tlsa, value: "3 1 1 00ff", authenticated: true}
behaviour:
  - {name: flaky.example.test, rcode: SERVFAIL, times: 2}
  - {name: slow.example.test, latency: 800ms}
  - {name: gone.example.test, drop: true}
  - {name: big.example.test, truncate_udp: true}
)", diagnostics);
  ASSERT_TRUE(diagnostics.empty()) << ::testing::PrintToString(messages_of(diagnostics));
  ASSERT_EQ(read.records.size(), 2u);  // records given: no default zone
  EXPECT_EQ(read.records[0].record.ttl, 60u);
  EXPECT_TRUE(read.records[1].authenticated);
  ASSERT_EQ(read.behaviours.size(), 4u);
  EXPECT_EQ(read.default_soa.name.to_text(), "example.test.");
}

TEST(DnsZoneYaml, AnEmptySectionIsTheDefaultZone) {
  scenario::Diagnostics diagnostics;
  dns::Zone read = zone("~", diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(read.records.size(), dns::default_zone().records.size());
}

TEST(DnsZoneYaml, DefaultZoneTrueAddsToTheDocumentedOne) {
  scenario::Diagnostics diagnostics;
  dns::Zone read = zone("default_zone: true\nrecords: [{name: x.example.test, type: A, value: 127.0.0.9}]\n", diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(read.records.size(), dns::default_zone().records.size() + 1);
}

TEST(DnsZoneYaml, MistakesAreReportedWithTheirPlace) {
  scenario::Diagnostics diagnostics;
  (void)zone(R"(records:
  - {name: a.test, type: MXX, value: "10 b.test"}
  - {name: a.test, type: MX, value: "ten b.test"}
  - {name: a.test, type: A, value: 300.1.1.1}
  - {name: a.test, type: A}
behaviour:
  - {name: b.test}
  - {name: c.test, rcode: SERVFIAL}
)", diagnostics);
  const auto messages = messages_of(diagnostics);
  EXPECT_THAT(messages, Contains(HasSubstr("t.yaml:2:26: 'MXX' is not a record type")));
  EXPECT_THAT(messages, Contains(HasSubstr("t.yaml:3:37: 'ten b.test' is not MX data")));
  EXPECT_THAT(messages, Contains(HasSubstr("t.yaml:4:")));
  EXPECT_THAT(messages, Contains(HasSubstr("t.yaml:5:")));
  EXPECT_THAT(messages, Contains(HasSubstr("needs something to do")));
  EXPECT_THAT(messages, Contains(HasSubstr("SERVFIAL")));
}

}  // namespace
}  // namespace conformance::fakes::config
