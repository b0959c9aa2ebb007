#include "harness/codec/smtp/greeting.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::smtp {
namespace {

Reply reply_of(std::string_view bytes) {
  auto step = parse_reply(bytes);
  EXPECT_TRUE(step.complete());
  return step.complete() ? step.value() : Reply{};
}

TEST(SmtpGreeting, ParsesTheServerDomainAndText) {
  // RFC 5321 Appendix D.1
  auto greeting = parse_greeting(reply_of("220 foo.com Simple Mail Transfer Service Ready\r\n"));
  ASSERT_TRUE(greeting.ok());
  EXPECT_EQ(greeting->domain, "foo.com");
  EXPECT_EQ(greeting->text, "Simple Mail Transfer Service Ready");
  EXPECT_TRUE(greeting->more.empty());
}

TEST(SmtpGreeting, ParsesMultilineGreetingWithAnAddressLiteral) {
  auto greeting = parse_greeting(reply_of("220-[192.0.2.25] ESMTP\r\n220-No UCE\r\n220 \r\n"));
  ASSERT_TRUE(greeting.ok());
  EXPECT_EQ(greeting->domain, "[192.0.2.25]");
  EXPECT_EQ(greeting->text, "ESMTP");
  EXPECT_EQ(greeting->more, (std::vector<std::string>{"No UCE", ""}));
}

TEST(SmtpGreeting, RejectsANoServiceReply) {
  // RFC 5321 §3.1: 554 instead of 220 when the server will not talk.
  auto greeting = parse_greeting(Reply::single(554, "No SMTP service here"));
  ASSERT_FALSE(greeting.ok());
  EXPECT_EQ(greeting.error().expected, "reply code 220 (a greeting)");
}

TEST(SmtpGreeting, RejectsAGreetingWithoutAValidDomain) {
  EXPECT_EQ(parse_greeting(reply_of("220 \r\n")).error().offset, 4u);
  auto greeting = parse_greeting(reply_of("220 mail_x.example ready\r\n"));
  ASSERT_FALSE(greeting.ok());
  EXPECT_EQ(greeting.error().offset, 8u);
}

TEST(SmtpGreeting, RoundTripsThroughAReply) {
  const Greeting greeting{"mx.example.net", "ESMTP Postfix", {"second line"}};
  const Reply reply = to_reply(greeting);
  EXPECT_EQ(serialize_reply(reply), "220-mx.example.net ESMTP Postfix\r\n220 second line\r\n");
  auto again = parse_greeting(reply_of(serialize_reply(reply)));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, greeting);
}

}  // namespace
}  // namespace conformance::codec::smtp
