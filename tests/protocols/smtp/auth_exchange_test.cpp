// The client side of AUTH: what goes on the wire and what a transcript may
// keep of it. Vectors from RFC 4616 §4 (PLAIN) and RFC 4954 §4.1.
#include "harness/protocols/smtp/auth_exchange.hpp"

#include <gtest/gtest.h>

#include "tests/protocols/smtp/test_replies.hpp"

namespace conformance::protocols::smtp {
namespace {

using testing::reply;

TEST(SmtpAuthExchange, PlainSendsTheInitialResponseAndRendersItRedacted) {
  auto exchange = AuthExchange::start("", "tim", "tanstaaftanstaaf");
  ASSERT_TRUE(exchange) << exchange.error();
  EXPECT_EQ(exchange->mechanism(), "PLAIN");
  EXPECT_EQ(exchange->command().bytes, "AUTH PLAIN AHRpbQB0YW5zdGFhZnRhbnN0YWFm\r\n");
  EXPECT_EQ(exchange->command().rendering, "AUTH PLAIN <redacted>\r\n");
}

TEST(SmtpAuthExchange, LoginAnswersEachPromptAndRendersNoCredential) {
  auto exchange = AuthExchange::start("login", "tim", "tanstaaftanstaaf");
  ASSERT_TRUE(exchange) << exchange.error();
  EXPECT_EQ(exchange->command().bytes, "AUTH LOGIN\r\n");
  std::string error;
  auto user = exchange->answer(reply("334 VXNlcm5hbWU6\r\n"), error);
  EXPECT_TRUE(error.empty()) << error;
  EXPECT_EQ(user.bytes, "dGlt\r\n");
  EXPECT_EQ(user.rendering, "<redacted>\r\n");
  auto password = exchange->answer(reply("334 UGFzc3dvcmQ6\r\n"), error);
  EXPECT_EQ(password.bytes, "dGFuc3RhYWZ0YW5zdGFhZg==\r\n");
  EXPECT_EQ(password.rendering.find("dGFu"), std::string::npos);
}

TEST(SmtpAuthExchange, ChallengeThatIsNotBase64IsCancelledWithAStar) {
  auto exchange = AuthExchange::start("LOGIN", "tim", "secret");
  ASSERT_TRUE(exchange);
  std::string error;
  auto line = exchange->answer(reply("334 not base64!\r\n"), error);
  EXPECT_EQ(line.bytes, "*\r\n");
  EXPECT_NE(error.find("not base64"), std::string::npos);
}

TEST(SmtpAuthExchange, MechanismsThatNeedMoreThanAPasswordAreRefused) {
  auto exchange = AuthExchange::start("XOAUTH2", "tim", "secret");
  ASSERT_FALSE(exchange);
  EXPECT_NE(exchange.error().find("cannot use mechanism XOAUTH2"), std::string::npos);
  EXPECT_FALSE(AuthExchange::start("NO-SUCH-MECH", "tim", "secret"));
}

TEST(SmtpAuthExchange, CramMd5AnswersTheRfc2195Challenge) {
  // RFC 2195 §2: user "tim", secret "tanstaaftanstaaf".
  auto exchange = AuthExchange::start("CRAM-MD5", "tim", "tanstaaftanstaaf");
  ASSERT_TRUE(exchange);
  EXPECT_EQ(exchange->command().bytes, "AUTH CRAM-MD5\r\n");
  std::string error;
  auto line = exchange->answer(reply("334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+\r\n"), error);
  EXPECT_EQ(line.bytes, "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw\r\n");
  EXPECT_EQ(line.rendering, "<redacted>\r\n");
}

}  // namespace
}  // namespace conformance::protocols::smtp
