// The POP3 session over loopback against scripted servers: replies read in
// the shape their command implies, logins that never record a credential,
// and hostile servers (endless line, stall, EOF, garbage, stray bodies) that
// fail the step with a clear reason instead of hanging or growing memory.
#include "harness/protocols/pop3/session.hpp"

#include <gtest/gtest.h>

#include <boost/asio/steady_timer.hpp>

#include "harness/protocols/pop3/rules.hpp"
#include "tests/support/session_loopback.hpp"

namespace conformance::protocols::pop3 {
namespace {

using namespace test_support;
using engine::StepContext;
using engine::StepOutcome;
using Loopback = SessionLoopback<Pop3Session>;

std::shared_ptr<const scenario::ExpectSpec> spec(const std::string& yaml) { return compiled_expect(pop3_rules(), yaml); }

// A server that greets, accepts USER/PASS, then runs `rest`.
ServerScript after_login(ServerScript rest) {
  return [rest](net::Stream& stream) -> net::awaitable<void> {
    co_await say(stream, "+OK POP3 ready <1896.697170952@dbc.mtview.ca.us>\r\n");
    co_await hear(stream);
    co_await say(stream, "+OK\r\n");
    co_await hear(stream);
    co_await say(stream, "+OK maildrop locked and ready\r\n");
    co_await rest(stream);
  };
}

net::awaitable<StepOutcome> greet_and_login(StepContext& context, Pop3Session& session) {
  auto greeting = co_await session.read_greeting(context);
  if (!greeting.ok) co_return greeting;
  engine::Credentials credentials{"mrose", "tanstaaf"};
  co_return co_await session.login(credentials, "", true, context);
}

// A test's opening steps, which must pass. Not EXPECT_TRUE(co_await ...):
// EXPECT_* expands to an if, and GCC 12 miscompiles a co_await in its condition.
net::awaitable<void> expect_greeting(StepContext& context, Pop3Session& session) {
  auto greeting = co_await session.read_greeting(context);
  EXPECT_TRUE(greeting.ok) << greeting.reason;
}

net::awaitable<void> expect_logged_in(StepContext& context, Pop3Session& session) {
  auto logged_in = co_await greet_and_login(context, session);
  EXPECT_TRUE(logged_in.ok) << logged_in.reason;
}

TEST(Pop3Session, PipelinedRepliesAreReadInTheirOwnShapes) {
  Loopback loop;
  std::vector<std::string> commands;
  StepOutcome outcome;
  loop.run(after_login([&](net::Stream& stream) -> net::awaitable<void> {
             for (int i = 0; i < 3; ++i) commands.push_back(co_await hear(stream));
             co_await say(stream,
                          "+OK 2 320\r\n+OK 2 messages\r\n1 120\r\n2 200\r\n.\r\n"
                          "+OK 120 octets\r\nSubject: dots\r\n\r\n..leading dot\r\n.\r\n");
           }),
           [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
             co_await expect_logged_in(context, session);
             co_await send(context, session, "STAT\r\nLIST\r\nRETR 1\r\n");
             outcome = co_await session.expect(
                 *spec("[{stat: {count: 2}}, {list: {count: 2}}, {message: {body: {equals: \".leading dot\\r\\n\"}}}]"),
                 context);
           });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
  EXPECT_EQ(commands, (std::vector<std::string>{"STAT", "LIST", "RETR 1"}));
  EXPECT_EQ(loop.session.state(), "transaction");
  EXPECT_TRUE(loop.findings.empty()) << loop.findings_text();
}

TEST(Pop3Session, UserPassLoginNeverRecordsThePassword) {
  Loopback loop;
  std::string pass_line;
  StepOutcome outcome;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, "+OK ready\r\n");
        auto user_line = co_await hear(stream);
        EXPECT_EQ(user_line, "USER mrose");
        co_await say(stream, "+OK\r\n");
        pass_line = co_await hear(stream);
        co_await say(stream, "+OK maildrop has 2 messages\r\n");
      },
      [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
        outcome = co_await greet_and_login(context, session);
      });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
  EXPECT_EQ(pass_line, "PASS tanstaaf");
  EXPECT_EQ(loop.session.state(), "transaction");
  EXPECT_EQ(loop.transcript_text().find("tanstaaf"), std::string::npos);
  EXPECT_NE(loop.transcript_text().find("PASS <redacted>"), std::string::npos);
}

TEST(Pop3Session, PlainLoginSendsAnInitialResponse) {
  Loopback loop;
  std::string auth_line;
  StepOutcome outcome;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, "+OK ready\r\n");
        auth_line = co_await hear(stream);
        co_await say(stream, "+OK Logged in.\r\n");
      },
      [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
        co_await expect_greeting(context, session);
        engine::Credentials credentials{"mrose", "tanstaaf"};
        outcome = co_await session.login(credentials, "plain", true, context);
      });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
  EXPECT_EQ(auth_line, "AUTH PLAIN AG1yb3NlAHRhbnN0YWFm");  // base64 of "\0mrose\0tanstaaf" (RFC 5034 §4)
  EXPECT_EQ(loop.session.state(), "transaction");
  EXPECT_EQ(loop.transcript_text().find("AG1yb3NlAHRhbnN0YWFm"), std::string::npos);
  EXPECT_NE(loop.transcript_text().find("AUTH PLAIN <redacted>"), std::string::npos);
}

TEST(Pop3Session, LoginAnswersChallengesOfAServerFirstExchange) {
  Loopback loop;
  std::vector<std::string> lines;
  StepOutcome outcome;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, "+OK ready\r\n");
        lines.push_back(co_await hear(stream));
        co_await say(stream, "+ VXNlcm5hbWU6\r\n");
        lines.push_back(co_await hear(stream));
        co_await say(stream, "+ UGFzc3dvcmQ6\r\n");
        lines.push_back(co_await hear(stream));
        co_await say(stream, "+OK\r\n");
      },
      [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
        co_await expect_greeting(context, session);
        engine::Credentials credentials{"mrose", "tanstaaf"};
        outcome = co_await session.login(credentials, "LOGIN", true, context);
      });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
  EXPECT_EQ(lines, (std::vector<std::string>{"AUTH LOGIN", "bXJvc2U=", "dGFuc3RhYWY="}));
  EXPECT_EQ(loop.transcript_text().find("dGFuc3RhYWY="), std::string::npos);
}

TEST(Pop3Session, ApopUsesTheGreetingTimestamp) {
  Loopback loop;
  std::string apop_line;
  StepOutcome outcome;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, "+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n");
        apop_line = co_await hear(stream);
        co_await say(stream, "+OK maildrop has 1 message (369 octets)\r\n");
      },
      [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
        co_await expect_greeting(context, session);
        engine::Credentials credentials{"mrose", "tanstaaf"};
        outcome = co_await session.login(credentials, "APOP", true, context);
      });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
  EXPECT_EQ(apop_line, "APOP mrose c4c9334bac560ecc979e58001b3e22fb");  // RFC 1939 §7 example
  EXPECT_NE(loop.transcript_text().find("APOP mrose <redacted>"), std::string::npos);
}

TEST(Pop3Session, RefusedLoginPassesWhenRefusalIsExpected) {
  Loopback loop;
  StepOutcome refused, unexpected;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, "+OK ready\r\n");
        for (int i = 0; i < 2; ++i) {
          co_await hear(stream);
          co_await say(stream, "+OK\r\n");
          co_await hear(stream);
          co_await say(stream, "-ERR [AUTH] Authentication failed.\r\n");
        }
      },
      [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
        co_await expect_greeting(context, session);
        engine::Credentials credentials{"mrose", "wrong"};
        refused = co_await session.login(credentials, "", false, context);
        unexpected = co_await session.login(credentials, "", true, context);
      });
  EXPECT_TRUE(refused.ok) << refused.reason;
  EXPECT_FALSE(unexpected.ok);
  EXPECT_EQ(unexpected.reason, "login refused at PASS: -ERR [AUTH] Authentication failed.");
  EXPECT_EQ(loop.session.state(), "authorization");
}

TEST(Pop3Session, CapabilitiesComeFromCapaAndAreCached) {
  Loopback loop;
  std::optional<net::Outcome<std::set<std::string>>> first, second;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, "+OK ready\r\n");
        auto capa_line = co_await hear(stream);
        EXPECT_EQ(capa_line, "CAPA");
        co_await say(stream, "+OK\r\ntop\r\nUSER\r\nSASL PLAIN login\r\nSTLS\r\n.\r\n");
      },
      [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
        co_await expect_greeting(context, session);
        first.emplace(co_await session.capabilities(context));
        second.emplace(co_await session.capabilities(context));  // no second CAPA on the wire
      });
  ASSERT_TRUE(first && *first) << first->error().describe();
  EXPECT_EQ(**first, (std::set<std::string>{"TOP", "USER", "SASL", "SASL=PLAIN", "SASL=LOGIN", "AUTH=PLAIN",
                                            "AUTH=LOGIN", "STLS"}));
  ASSERT_TRUE(second && *second);
  EXPECT_EQ(**second, **first);
}

TEST(Pop3Session, ServerWithoutCapaAdvertisesNothing) {
  Loopback loop;
  std::optional<net::Outcome<std::set<std::string>>> capabilities;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, "+OK ready\r\n");
        co_await hear(stream);
        co_await say(stream, "-ERR unknown command\r\n");
      },
      [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
        co_await expect_greeting(context, session);
        capabilities.emplace(co_await session.capabilities(context));
      });
  ASSERT_TRUE(capabilities && *capabilities);
  EXPECT_TRUE((*capabilities)->empty());
}

TEST(Pop3Session, StlsAgreementAndRefusal) {
  Loopback loop;
  StepOutcome agreed, refused;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, "+OK ready\r\n");
        auto first_stls = co_await hear(stream);
        EXPECT_EQ(first_stls, "STLS");
        co_await say(stream, "+OK Begin TLS negotiation now.\r\n");
        auto second_stls = co_await hear(stream);
        EXPECT_EQ(second_stls, "STLS");
        co_await say(stream, "-ERR TLS is already active.\r\n");
      },
      [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
        co_await expect_greeting(context, session);
        agreed = co_await session.request_starttls(context);
        session.tls_started();
        refused = co_await session.request_starttls(context);
      });
  EXPECT_TRUE(agreed.ok) << agreed.reason;
  EXPECT_FALSE(refused.ok);
  EXPECT_EQ(refused.reason, "STLS refused: -ERR TLS is already active.");
  EXPECT_TRUE(loop.session.conversation().tls_active());
}

TEST(Pop3Session, CapturesAreStoredAsVariables) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(after_login([&](net::Stream& stream) -> net::awaitable<void> {
             co_await hear(stream);
             co_await say(stream, "+OK\r\n1 whqtswO00WBw418f9t5JxYwZ\r\n2 QhdPYR:00WBw1Ph7x7\r\n.\r\n");
           }),
           [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
             co_await expect_logged_in(context, session);
             co_await send(context, session, "UIDL\r\n");
             outcome = co_await session.expect(*spec("uidl: {count: n, message: 2, uid: {capture: uid2}}"), context);
           });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
  EXPECT_EQ(loop.variables.get("n"), "2");
  EXPECT_EQ(loop.variables.get("uid2"), "QhdPYR:00WBw1Ph7x7");
}

TEST(Pop3Session, ForcedMultilineReadsAnUnknownCommandsBody) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(after_login([&](net::Stream& stream) -> net::awaitable<void> {
             co_await hear(stream);
             co_await say(stream, "+OK\r\nfirst\r\nsecond\r\n.\r\n");
           }),
           [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
             co_await expect_logged_in(context, session);
             co_await send(context, session, "XTND XLIST\r\n");
             outcome = co_await session.expect(*spec("{multiline: true, lines: {count: 2}}"), context);
           });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
  EXPECT_TRUE(loop.findings.empty()) << loop.findings_text();
}

TEST(Pop3Session, EndlessLineFailsWithoutBufferingIt) {
  Loopback loop;
  loop.limits.max_line = 1024;
  StepOutcome outcome;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> { co_await say(stream, "+OK " + std::string(1 << 20, 'x')); },
      [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
        outcome = co_await session.read_greeting(context);
      });
  EXPECT_FALSE(outcome.ok);
  EXPECT_NE(outcome.reason.find("the greeting is malformed"), std::string::npos) << outcome.reason;
  EXPECT_NE(outcome.reason.find("1024 octets"), std::string::npos) << outcome.reason;
  EXPECT_LT(loop.peak_buffered, std::size_t{256} << 10);
}

TEST(Pop3Session, StalledServerFailsTheStepAtTheDeadline) {
  Loopback loop;
  loop.timeout = 200ms;
  StepOutcome outcome;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, "+OK ready\r\n");
        co_await hear(stream);
        (void)co_await stream.read_line(1024, 5s);  // until the client gives up and closes
      },
      [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
        co_await expect_greeting(context, session);
        co_await send(context, session, "NOOP\r\n");
        outcome = co_await session.expect(*spec("+OK"), context);
      });
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.reason, "the reply to NOOP did not arrive within 200ms");
}

TEST(Pop3Session, ServerClosingMidReplyFailsTheStep) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(after_login([&](net::Stream& stream) -> net::awaitable<void> {
             co_await hear(stream);
             co_await say(stream, "+OK\r\nSubject: cut\r\n");
           }),
           [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
             co_await expect_logged_in(context, session);
             co_await send(context, session, "RETR 1\r\n");
             outcome = co_await session.expect(*spec("+OK"), context);
           });
  EXPECT_FALSE(outcome.ok);
  EXPECT_NE(outcome.reason.find("the server closed the connection"), std::string::npos) << outcome.reason;
  EXPECT_NE(outcome.reason.find("before the reply to RETR 1 was complete"), std::string::npos) << outcome.reason;
  EXPECT_EQ(loop.session.state(), "closed");
}

TEST(Pop3Session, GarbageGreetingFailsAndIsAFinding) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> { co_await say(stream, "220 smtp.example.test ESMTP\r\n"); },
      [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
        outcome = co_await session.read_greeting(context);
      });
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.reason, "the greeting is not a +OK or -ERR status line: '220 smtp.example.test ESMTP'");
  ASSERT_EQ(loop.findings.size(), 1u);
  EXPECT_EQ(loop.findings[0].rfc, "RFC 1939 §4");
  EXPECT_NE(loop.transcript_text().find("220 smtp.example.test"), std::string::npos);
}

TEST(Pop3Session, NegativeGreetingFailsTheConnect) {
  Loopback loop;
  StepOutcome outcome;
  loop.run([&](net::Stream& stream) -> net::awaitable<void> { co_await say(stream, "-ERR go away\r\n"); },
           [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
             outcome = co_await session.read_greeting(context);
           });
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.reason, "the greeting is not positive: -ERR go away");
  EXPECT_TRUE(loop.findings.empty());
}

TEST(Pop3Session, StrayBodyAfterSingleLineReplyIsSkippedAndFlagged) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(after_login([&](net::Stream& stream) -> net::awaitable<void> {
             co_await hear(stream);
             co_await hear(stream);
             co_await say(stream, "+OK\r\n1 120\r\n.\r\n+OK 1 120\r\n");
           }),
           [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
             co_await expect_logged_in(context, session);
             co_await send(context, session, "NOOP\r\nSTAT\r\n");
             outcome = co_await session.expect(*spec("[+OK, {stat: {count: 1}}]"), context);
           });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
  ASSERT_EQ(loop.findings.size(), 1u) << loop.findings_text();
  EXPECT_EQ(loop.findings[0].message, "a multi-line reply to NOOP, which takes a single line (1 line after the +OK)");
}

TEST(Pop3Session, UnsolicitedReplyIsFlagged) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(after_login([&](net::Stream& stream) -> net::awaitable<void> {
             co_await hear(stream);
             co_await say(stream, "+OK\r\n+OK nobody asked\r\n");
           }),
           [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
             co_await expect_logged_in(context, session);
             co_await send(context, session, "NOOP\r\n");
             // Let both lines arrive, as they would before a scenario's next step.
             boost::asio::steady_timer pause(context.stream.get_executor(), 50ms);
             co_await pause.async_wait(boost::asio::use_awaitable);
             outcome = co_await session.expect(*spec("+OK"), context);
           });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
  ASSERT_EQ(loop.findings.size(), 1u) << loop.findings_text();
  EXPECT_EQ(loop.findings[0].message, "a line with no command pending: '+OK nobody asked'");
}

TEST(Pop3Session, WrongStateReplyIsAFinding) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, "+OK ready\r\n");
        co_await hear(stream);
        co_await say(stream, "+OK 0 0\r\n");
      },
      [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
        co_await expect_greeting(context, session);
        co_await send(context, session, "STAT\r\n");
        outcome = co_await session.expect(*spec("{}"), context);
      });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
  ASSERT_EQ(loop.findings.size(), 1u);
  EXPECT_EQ(loop.findings[0].rfc, "RFC 1939 §3");
}

TEST(Pop3Session, MismatchReportsExpectedAndReceived) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(after_login([&](net::Stream& stream) -> net::awaitable<void> {
             co_await hear(stream);
             co_await say(stream, "-ERR no such message\r\n");
           }),
           [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
             co_await expect_logged_in(context, session);
             co_await send(context, session, "RETR 9\r\n");
             outcome = co_await session.expect(*spec("+OK"), context);
           });
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.reason, "expected +OK, got -ERR no such message");
  EXPECT_EQ(outcome.expected, "+OK");
  EXPECT_EQ(outcome.received, "-ERR no such message");
}

TEST(Pop3Session, SecretsEchoedByTheServerAreScrubbed) {
  Loopback loop;
  loop.variables.set_secret("password", "tanstaaf");
  StepOutcome outcome;
  loop.run(after_login([&](net::Stream& stream) -> net::awaitable<void> {
             co_await hear(stream);
             co_await say(stream, "-ERR you said tanstaaf\r\n");
           }),
           [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
             co_await expect_logged_in(context, session);
             co_await send(context, session, "NOOP\r\n");
             outcome = co_await session.expect(*spec("+OK"), context);
           });
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.reason.find("tanstaaf"), std::string::npos) << outcome.reason;
  EXPECT_EQ(outcome.received.find("tanstaaf"), std::string::npos) << outcome.received;
}

TEST(Pop3Session, LoginWithRepliesPendingIsRefused) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, "+OK ready\r\n");
        co_await hear(stream);
      },
      [&](StepContext& context, Pop3Session& session) -> net::awaitable<void> {
        co_await expect_greeting(context, session);
        co_await send(context, session, "NOOP\r\n");
        engine::Credentials credentials{"mrose", "tanstaaf"};
        outcome = co_await session.login(credentials, "", true, context);
      });
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.reason, "1 replies are still pending (next: the reply to NOOP); expect them first");
}

TEST(Pop3Session, RedactHidesPasswordsTheScenarioTyped) {
  Pop3Session session;
  EXPECT_EQ(session.redact("PASS typed-in\r\n"), "PASS <redacted>\r\n");
  EXPECT_EQ(session.redact("STAT\r\n"), std::nullopt);
  session.sent("AUTH PLAIN\r\n");
  EXPECT_EQ(session.redact("AGEAYg==\r\n"), "<redacted>\r\n");
}

TEST(Pop3Session, ProtocolIsNamedPop3AndMakesSessions) {
  const engine::Protocol& protocol = pop3_protocol();
  EXPECT_EQ(protocol.name(), "pop3");
  EXPECT_EQ(&protocol.rules(), &pop3_rules());
  auto session = protocol.new_session();
  ASSERT_TRUE(session);
  EXPECT_EQ(session->state(), "authorization");
}

}  // namespace
}  // namespace conformance::protocols::pop3
