// The SMTP session over loopback against scripted servers: greetings,
// pipelined replies, captures, logins that never record a credential,
// STARTTLS negotiation, and hostile servers (endless line, stall, EOF,
// garbage, stray replies) that fail the step with a clear reason instead
// of hanging or growing memory.
#include "harness/protocols/smtp/session.hpp"

#include <gtest/gtest.h>

#include "harness/protocols/smtp/rules.hpp"
#include "tests/support/session_loopback.hpp"

namespace conformance::protocols::smtp {
namespace {

using namespace test_support;
using engine::StepContext;
using engine::StepOutcome;

std::shared_ptr<const scenario::ExpectSpec> spec(const std::string& yaml) { return compiled_expect(smtp_rules(), yaml); }

// The session's EHLO and HELO name the client client.example.net.
struct Loopback : SessionLoopback<SmtpSession> {
  Loopback() { variables.set("client_name", "client.example.net"); }
};

constexpr const char* kGreeting = "220 mx.example.org ESMTP ready\r\n";
constexpr const char* kEhloReply = "250-mx.example.org\r\n250-PIPELINING\r\n250-AUTH PLAIN LOGIN\r\n250 STARTTLS\r\n";

TEST(SmtpSession, GreetingIsReadAndTheStateIsGreeted) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(
      [](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, "220-mx.example.org ESMTP\r\n220 more text\r\n");
        co_await linger(stream);
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        outcome = co_await session.read_greeting(context);
        EXPECT_EQ(session.state(), "greeted");
      });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
  EXPECT_EQ(outcome.received, "220-mx.example.org ESMTP\\r\\n220 more text\\r\\n");
}

TEST(SmtpSession, Greeting554FailsTheStepAsARefusal) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(
      [](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, "554 mx.example.org no service for you\r\n");
        co_await linger(stream);
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        outcome = co_await session.read_greeting(context);
        EXPECT_EQ(session.state(), "refused");
      });
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.reason, "the server refused the session (RFC 5321 §3.1): 554 mx.example.org no service for you");
}

TEST(SmtpSession, PipelinedRepliesAreMatchedInOrderAndCaptured) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(
      [](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, kGreeting);
        for (int i = 0; i < 3; ++i) co_await hear(stream);
        co_await say(stream, "250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n");
        co_await linger(stream);
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        (void)co_await session.read_greeting(context);
        co_await send(context, session, "MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\nDATA\r\n");
        outcome = co_await session.expect(
            *spec("[{code: 250, enhanced: 2.1.0}, {enhanced: {is: 2.1.x, capture: rcpt_status}}, 354]"), context);
        EXPECT_EQ(session.state(), "data");
      });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
  EXPECT_EQ(loop.variables.get("rcpt_status"), "2.1.5");
  EXPECT_TRUE(loop.findings.empty()) << loop.findings_text();
}

TEST(SmtpSession, MismatchSaysExpectedAndReceived) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(
      [](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, kGreeting);
        co_await hear(stream);
        co_await say(stream, "550 5.1.1 <nobody@example.org>: Recipient address rejected\r\n");
        co_await linger(stream);
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        (void)co_await session.read_greeting(context);
        co_await send(context, session, "RCPT TO:<nobody@example.org>\r\n");
        outcome = co_await session.expect(*spec("250"), context);
      });
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.reason, "expected 250, got 550 5.1.1 <nobody@example.org>: Recipient address rejected");
  EXPECT_EQ(outcome.expected, "250");
  EXPECT_EQ(outcome.received, "550 5.1.1 <nobody@example.org>: Recipient address rejected\\r\\n");
}

TEST(SmtpSession, EndlessReplyLineFailsWithTheBufferBoundedByTheCap) {
  Loopback loop;
  loop.limits.max_line = 4096;
  StepOutcome outcome;
  loop.run(
      [](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, kGreeting);
        co_await hear(stream);
        co_await say(stream, "250 ");
        const std::string chunk(16 * 1024, 'x');
        for (int i = 0; i < 64; ++i) {
          // Not `if (!co_await ...)`: GCC 12 miscompiles a co_await inside an if condition.
          auto written = co_await stream.write(chunk, 2s);
          if (!written) co_return;  // the client gave up: good
        }
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        (void)co_await session.read_greeting(context);
        co_await send(context, session, "NOOP\r\n");
        outcome = co_await session.expect(*spec("250"), context);
      });
  EXPECT_FALSE(outcome.ok);
  EXPECT_NE(outcome.reason.find("a reply line that is still going after"), std::string::npos) << outcome.reason;
  EXPECT_LE(loop.peak_buffered, 4096u + 64 * 1024u);
  ASSERT_EQ(loop.findings.size(), 1u);
  EXPECT_EQ(loop.findings[0].rfc, "RFC 5321 §4.5.3.1.5");
}

TEST(SmtpSession, StalledServerFailsWhenTheDeadlinePasses) {
  Loopback loop;
  loop.timeout = 300ms;
  StepOutcome outcome;
  loop.run(
      [](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, kGreeting);
        co_await hear(stream);
        co_await say(stream, "250-half a reply\r\n");
        co_await linger(stream);
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        (void)co_await session.read_greeting(context);
        co_await send(context, session, "NOOP\r\n");
        outcome = co_await session.expect(*spec("250"), context);
      });
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.reason, "no reply within 300 ms (18 bytes of a reply: 250-half a reply\\r\\n)");
}

TEST(SmtpSession, ConnectionClosedMidReplyFailsAndTheStateIsClosed) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(
      [](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, kGreeting);
        co_await hear(stream);
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        (void)co_await session.read_greeting(context);
        co_await send(context, session, "NOOP\r\n");
        outcome = co_await session.expect(*spec("250"), context);
        EXPECT_EQ(session.state(), "closed");
      });
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.reason, "the server closed the connection");
}

TEST(SmtpSession, GarbageFailsTheStepAndIsAFinding) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(
      [](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, kGreeting);
        co_await hear(stream);
        co_await say(stream, "250-first\r\n251 second\r\n");
        co_await linger(stream);
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        (void)co_await session.read_greeting(context);
        co_await send(context, session, "NOOP\r\n");
        outcome = co_await session.expect(*spec("250"), context);
      });
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.reason, "a multi-line reply changes its code from 250 to 251 on a later line");
  ASSERT_EQ(loop.findings.size(), 1u);
  EXPECT_EQ(loop.findings[0].rfc, "RFC 5321 §4.2.1");
}

TEST(SmtpSession, StrayReplyIsAFindingAndFailsASilenceExpectation) {
  Loopback loop;
  StepOutcome first, second;
  loop.run(
      [](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, kGreeting);
        co_await hear(stream);
        co_await say(stream, "250 2.0.0 Ok\r\n250 2.0.0 Ok again\r\n");
        co_await linger(stream);
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        (void)co_await session.read_greeting(context);
        co_await send(context, session, "NOOP\r\n");
        first = co_await session.expect(*spec("250"), context);
        second = co_await session.expect(*spec("none"), context);
      });
  EXPECT_TRUE(first.ok) << first.reason;
  EXPECT_FALSE(second.ok);
  EXPECT_EQ(second.reason, "a reply arrived where none may: 250 2.0.0 Ok again");
  ASSERT_EQ(loop.findings.size(), 1u);
  EXPECT_EQ(loop.findings[0].rfc, "RFC 5321 §4.2");
}

TEST(SmtpSession, SilenceExpectationPassesWhenNothingComes) {
  Loopback loop;
  loop.timeout = 200ms;
  StepOutcome outcome;
  loop.run(
      [](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, kGreeting);
        co_await linger(stream);
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        (void)co_await session.read_greeting(context);
        outcome = co_await session.expect(*spec("none"), context);
      });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
}

TEST(SmtpSession, LoginSendsEhloThenAuthPlainAndKeepsThePasswordOutOfTheTranscript) {
  Loopback loop;
  StepOutcome outcome;
  std::vector<std::string> heard;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, kGreeting);
        heard.push_back(co_await hear(stream));
        co_await say(stream, kEhloReply);
        heard.push_back(co_await hear(stream));
        co_await say(stream, "235 2.7.0 Authentication successful\r\n");
        co_await linger(stream);
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        (void)co_await session.read_greeting(context);
        engine::Credentials credentials{"tim", "tanstaaftanstaaf"};
        outcome = co_await session.login(credentials, "", true, context);
        EXPECT_EQ(session.state(), "ready");
      });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
  EXPECT_EQ(heard, (std::vector<std::string>{"EHLO client.example.net", "AUTH PLAIN AHRpbQB0YW5zdGFhZnRhbnN0YWFm"}));
  const std::string transcript = loop.transcript_text();
  EXPECT_NE(transcript.find("AUTH PLAIN <redacted>"), std::string::npos);
  EXPECT_EQ(transcript.find("AHRpbQB0"), std::string::npos);
}

TEST(SmtpSession, LoginWithLoginMechanismAnswersBothPrompts) {
  Loopback loop;
  StepOutcome outcome;
  std::vector<std::string> heard;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, kGreeting);
        co_await hear(stream);
        co_await say(stream, kEhloReply);
        heard.push_back(co_await hear(stream));
        co_await say(stream, "334 VXNlcm5hbWU6\r\n");
        heard.push_back(co_await hear(stream));
        co_await say(stream, "334 UGFzc3dvcmQ6\r\n");
        heard.push_back(co_await hear(stream));
        co_await say(stream, "235 2.7.0 Authentication successful\r\n");
        co_await linger(stream);
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        (void)co_await session.read_greeting(context);
        engine::Credentials credentials{"tim", "tanstaaftanstaaf"};
        outcome = co_await session.login(credentials, "LOGIN", true, context);
      });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
  EXPECT_EQ(heard, (std::vector<std::string>{"AUTH LOGIN", "dGlt", "dGFuc3RhYWZ0YW5zdGFhZg=="}));
  EXPECT_EQ(loop.transcript_text().find("dGFuc3RhYWZ0YW5zdGFhZg=="), std::string::npos);
  EXPECT_TRUE(loop.findings.empty()) << loop.findings_text();
}

// A server that greets, answers EHLO, then answers AUTH with `verdict`.
ServerScript auth_verdict(std::string verdict) {
  return [verdict](net::Stream& stream) -> net::awaitable<void> {
    co_await say(stream, kGreeting);
    co_await hear(stream);
    co_await say(stream, kEhloReply);
    co_await hear(stream);
    co_await say(stream, verdict);
    co_await linger(stream);
  };
}

StepOutcome login_expecting_failure(const std::string& verdict) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(auth_verdict(verdict), [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    engine::Credentials credentials{"tim", "wrong-password"};
    outcome = co_await session.login(credentials, "PLAIN", false, context);
  });
  return outcome;
}

TEST(SmtpSession, LoginExpectedToFailPassesOnlyOn535) {
  EXPECT_TRUE(login_expecting_failure("535 5.7.8 Error: authentication failed\r\n").ok);
  auto not_offered = login_expecting_failure("503 5.5.1 Error: authentication not enabled\r\n");
  EXPECT_FALSE(not_offered.ok);
  EXPECT_EQ(not_offered.reason, "expected 535 (credentials invalid), got 503 5.5.1 Error: authentication not enabled");
  auto accepted = login_expecting_failure("235 2.7.0 ok\r\n");
  EXPECT_FALSE(accepted.ok);
  EXPECT_EQ(accepted.reason, "the server accepted credentials it must reject");
}

TEST(SmtpSession, CapabilitiesSendEhloAndNameAuthMechanisms) {
  Loopback loop;
  std::set<std::string> capabilities;
  loop.run(auth_verdict(""), [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    auto got = co_await session.capabilities(context);
    if (got) capabilities = *got;
    auto again = co_await session.capabilities(context);  // cached: no second EHLO
    EXPECT_TRUE(again);
  });
  EXPECT_EQ(capabilities, (std::set<std::string>{"AUTH", "AUTH=LOGIN", "AUTH=PLAIN", "PIPELINING", "STARTTLS"}));
}

TEST(SmtpSession, ServerWithoutEhloIsAskedHeloAndHasNoKeywords) {
  Loopback loop;
  std::optional<std::set<std::string>> capabilities;
  std::vector<std::string> heard;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, kGreeting);
        heard.push_back(co_await hear(stream));
        co_await say(stream, "502 5.5.2 Error: command not recognized\r\n");
        heard.push_back(co_await hear(stream));
        co_await say(stream, "250 mx.example.org\r\n");
        co_await linger(stream);
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        (void)co_await session.read_greeting(context);
        auto got = co_await session.capabilities(context);
        if (got) capabilities = *got;
        EXPECT_EQ(session.state(), "ready");
      });
  EXPECT_EQ(heard, (std::vector<std::string>{"EHLO client.example.net", "HELO client.example.net"}));
  ASSERT_TRUE(capabilities);
  EXPECT_TRUE(capabilities->empty());
}

TEST(SmtpSession, StarttlsIsRequestedAfterEhloAndItsRefusalFailsTheStep) {
  Loopback loop;
  StepOutcome outcome;
  std::vector<std::string> heard;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, kGreeting);
        heard.push_back(co_await hear(stream));
        co_await say(stream, kEhloReply);
        heard.push_back(co_await hear(stream));
        co_await say(stream, "454 4.7.0 TLS not available due to local problem\r\n");
        co_await linger(stream);
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        (void)co_await session.read_greeting(context);
        outcome = co_await session.request_starttls(context);
      });
  EXPECT_EQ(heard, (std::vector<std::string>{"EHLO client.example.net", "STARTTLS"}));
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.reason, "STARTTLS refused: 454 4.7.0 TLS not available due to local problem");
}

TEST(SmtpSession, StarttlsGoAheadPassesAndTlsStartedResetsTheSession) {
  Loopback loop;
  StepOutcome outcome;
  loop.run(
      [&](net::Stream& stream) -> net::awaitable<void> {
        co_await say(stream, kGreeting);
        co_await hear(stream);
        co_await say(stream, kEhloReply);
        co_await hear(stream);
        co_await say(stream, "220 2.0.0 Ready to start TLS\r\n");
        co_await linger(stream);
      },
      [&](StepContext& context, SmtpSession& session) -> net::awaitable<void> {
        (void)co_await session.read_greeting(context);
        outcome = co_await session.request_starttls(context);
        session.tls_started();
        EXPECT_EQ(session.state(), "greeted");
      });
  EXPECT_TRUE(outcome.ok) << outcome.reason;
}

TEST(SmtpSession, AuthLinesSentByAScenarioAreRedacted) {
  SmtpSession session;
  EXPECT_EQ(session.redact("AUTH PLAIN AHRpbQB0YW5zdGFhZnRhbnN0YWFm\r\n"), "AUTH PLAIN <redacted>\r\n");
  EXPECT_EQ(session.redact("EHLO x\r\n"), std::nullopt);
}

TEST(SmtpSession, MessagesAreDotStuffedAndTerminated) {
  SmtpSession session;
  EXPECT_EQ(session.encode_message("Subject: x\n\n.hidden\nend"), "Subject: x\r\n\r\n..hidden\r\nend\r\n.\r\n");
}

}  // namespace
}  // namespace conformance::protocols::smtp
