#include "harness/codec/pop3/apop.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::pop3 {
namespace {

TEST(Pop3Apop, ComputesRfc1939ExampleDigest) {
  // RFC 1939 §7, APOP: timestamp plus the secret "tanstaaf".
  EXPECT_EQ(apop_digest("<1896.697170952@dbc.mtview.ca.us>", "tanstaaf"), "c4c9334bac560ecc979e58001b3e22fb");
}

TEST(Pop3Apop, ExtractsTimestampFromGreeting) {
  auto timestamp = apop_timestamp("POP3 server ready <1896.697170952@dbc.mtview.ca.us>");
  ASSERT_TRUE(timestamp.ok()) << timestamp.error().message();
  EXPECT_EQ(*timestamp, "<1896.697170952@dbc.mtview.ca.us>");
}

TEST(Pop3Apop, ExtractsTimestampFollowedByText) {
  auto timestamp = apop_timestamp("<4.1@host.example> ready for you");
  ASSERT_TRUE(timestamp.ok());
  EXPECT_EQ(*timestamp, "<4.1@host.example>");
}

TEST(Pop3Apop, ReportsGreetingWithoutTimestamp) {
  auto timestamp = apop_timestamp("POP3 server ready");
  ASSERT_FALSE(timestamp.ok());
  EXPECT_EQ(timestamp.error().offset, 17u);
  EXPECT_EQ(timestamp.error().expected, "'<' opening an APOP timestamp");
}

TEST(Pop3Apop, RejectsTimestampWithoutAtSign) {
  auto timestamp = apop_timestamp("ready <1896.697170952>");
  ASSERT_FALSE(timestamp.ok());
  EXPECT_EQ(timestamp.error().offset, 21u);
}

TEST(Pop3Apop, RejectsTimestampWithSpace) {
  auto timestamp = apop_timestamp("ready <1896 @host>");
  ASSERT_FALSE(timestamp.ok());
  EXPECT_EQ(timestamp.error().offset, 11u);
}

TEST(Pop3Apop, RejectsUnclosedTimestamp) {
  auto timestamp = apop_timestamp("ready <1896@host");
  ASSERT_FALSE(timestamp.ok());
  EXPECT_EQ(timestamp.error().offset, 16u);
}

TEST(Pop3Apop, RejectsEmptySideOfAtSign) {
  EXPECT_FALSE(apop_timestamp("<@host>").ok());
  EXPECT_FALSE(apop_timestamp("<1896@>").ok());
}

}  // namespace
}  // namespace conformance::codec::pop3
