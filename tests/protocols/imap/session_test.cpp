// The IMAP session over a real loopback socket against a scripted server:
// reading under caps and deadlines, login and its redaction, continuation
// handling, STARTTLS refusal, fixtures.
#include "harness/protocols/imap/session.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "harness/codec/common/base64.hpp"
#include "harness/protocols/imap/rules.hpp"
#include "tests/support/session_loopback.hpp"

namespace conformance::protocols::imap {
namespace {

using namespace test_support;

// The IMAP tests give the server's side as a list of turns; the lines it
// read stay in `lines_received` (without CRLF) for the checks.
struct Harness : SessionLoopback<ImapSession> {
  std::vector<std::string> lines_received;
  ServerScript server;

  Harness() { timeout = 5s; }
  void serve(std::vector<ScriptStep> steps) { server = replay(std::move(steps), lines_received); }
  bool run(ClientScript client) { return SessionLoopback::run(server, std::move(client)); }
};

std::shared_ptr<const scenario::ExpectSpec> spec(const std::string& yaml) { return compiled_expect(imap_rules(), yaml); }

// A named object, never a temporary, as a coroutine argument (GCC 12; see docs/architecture.md).
const engine::Credentials& joe() {
  static const engine::Credentials credentials{"joe", "s3cret"};
  return credentials;
}

TEST(ImapSession, ReadsTheGreetingAndLearnsCapabilitiesFromItsCode) {
  Harness h;
  h.serve({sends("* OK [CAPABILITY IMAP4rev1 LITERAL+ IDLE] ready\r\n")});
  engine::StepOutcome greeting;
  std::set<std::string> capabilities;
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    greeting = co_await session.read_greeting(context);
    auto caps = co_await session.capabilities(context);
    if (caps) capabilities = *caps;
  }));
  EXPECT_TRUE(greeting.ok) << greeting.reason;
  EXPECT_EQ(capabilities, (std::set<std::string>{"IMAP4REV1", "LITERAL+", "IDLE"}));
  EXPECT_TRUE(h.lines_received.empty());
}

TEST(ImapSession, CapabilityCommandWhenNothingWasAdvertised) {
  Harness h;
  h.serve({sends("* OK ready\r\n"), reads_line(), sends("* CAPABILITY IMAP4rev1 STARTTLS\r\nC1 OK done\r\n")});
  std::set<std::string> capabilities;
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    auto caps = co_await session.capabilities(context);
    if (caps) capabilities = *caps;
  }));
  EXPECT_EQ(h.lines_received, std::vector<std::string>{"C1 CAPABILITY"});
  EXPECT_EQ(capabilities, (std::set<std::string>{"IMAP4REV1", "STARTTLS"}));
}

TEST(ImapSession, LineLongerThanTheCapFailsTheStep) {
  Harness h;
  h.limits.max_line = 64;
  h.serve({sends("* OK " + std::string(500, 'x') + "\r\n")});
  engine::StepOutcome greeting;
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    greeting = co_await session.read_greeting(context);
  }));
  EXPECT_FALSE(greeting.ok);
  EXPECT_NE(greeting.reason.find("line cap 64 bytes"), std::string::npos) << greeting.reason;
}

TEST(ImapSession, StallFailsTheStepAtItsDeadline) {
  Harness h;
  h.timeout = 200ms;
  h.serve({});
  engine::StepOutcome greeting;
  const auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    greeting = co_await session.read_greeting(context);
  }));
  EXPECT_FALSE(greeting.ok);
  EXPECT_NE(greeting.reason.find("timeout"), std::string::npos) << greeting.reason;
  EXPECT_NE(greeting.reason.find("while waiting for the greeting"), std::string::npos) << greeting.reason;
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
}

TEST(ImapSession, EndOfStreamFailsTheStepAndClosesTheState) {
  Harness h;
  h.serve({sends("* OK ready\r\n"), reads_line(), hangs_up()});
  engine::StepOutcome reply;
  std::string state;
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    co_await send(context, session, "a1 NOOP\r\n");
    h.variables.set("tag", *session.last_tag());
    reply = co_await session.expect(*spec("tagged: OK"), context);
    state = session.state();
  }));
  EXPECT_FALSE(reply.ok);
  EXPECT_EQ(reply.reason, "the server closed the connection while waiting for the tagged reply to a1");
  EXPECT_EQ(state, "closed");
}

TEST(ImapSession, GarbageFailsTheStep) {
  Harness h;
  h.serve({sends("HTTP/1.1 400 Bad Request\r\n")});
  engine::StepOutcome greeting;
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    greeting = co_await session.read_greeting(context);
  }));
  EXPECT_FALSE(greeting.ok);
  EXPECT_NE(greeting.reason.find("malformed response"), std::string::npos) << greeting.reason;
}

TEST(ImapSession, LoginSendsLoginAndKeepsThePasswordOutOfTheTranscript) {
  Harness h;
  h.serve({sends("* OK [CAPABILITY IMAP4rev1] ready\r\n"), reads_line(),
           sends("C1 OK [CAPABILITY IMAP4rev1 IDLE] Logged in\r\n")});
  engine::StepOutcome login;
  std::string state;
  std::optional<std::string> last_tag;
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    login = co_await session.login(joe(), "", true, context);
    state = session.state();
    last_tag = session.last_tag();
  }));
  EXPECT_TRUE(login.ok) << login.reason;
  EXPECT_FALSE(last_tag) << "the session's own C1 is not the scenario's ${tag}";
  EXPECT_EQ(h.lines_received, std::vector<std::string>{"C1 LOGIN joe s3cret"});
  EXPECT_EQ(state, "authenticated");
  EXPECT_NE(h.transcript_text().find("C1 LOGIN joe <redacted>"), std::string::npos);
  EXPECT_EQ(h.transcript_text().find("s3cret"), std::string::npos);
}

TEST(ImapSession, AuthenticatePlainWithoutSaslIrWaitsForTheContinuation) {
  Harness h;
  h.serve({sends("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n"), reads_line(), sends("+ \r\n"), reads_line(),
           sends("C1 OK done\r\n")});
  engine::StepOutcome login;
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    login = co_await session.login(joe(), "plain", true, context);
  }));
  EXPECT_TRUE(login.ok) << login.reason;
  ASSERT_EQ(h.lines_received.size(), 2u);
  EXPECT_EQ(h.lines_received[0], "C1 AUTHENTICATE PLAIN");
  EXPECT_EQ(codec::base64_decode(h.lines_received[1]).value(), std::string("\0joe\0s3cret", 11));
  EXPECT_EQ(h.transcript_text().find(h.lines_received[1]), std::string::npos);
  EXPECT_TRUE(h.findings.empty());
}

TEST(ImapSession, AuthenticateUsesAnInitialResponseWhenSaslIrIsAdvertised) {
  Harness h;
  h.serve({sends("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\r\n"), reads_line(), sends("C1 OK done\r\n")});
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    (void)co_await session.login(joe(), "PLAIN", true, context);
  }));
  ASSERT_EQ(h.lines_received.size(), 1u);
  EXPECT_EQ(h.lines_received[0], "C1 AUTHENTICATE PLAIN " + codec::base64_encode(std::string("\0joe\0s3cret", 11)));
  EXPECT_NE(h.transcript_text().find("C1 AUTHENTICATE PLAIN <redacted>"), std::string::npos);
}

TEST(ImapSession, LoginThatMustFailPassesOnNo) {
  Harness h;
  h.serve({sends("* OK ready\r\n"), reads_line(), sends("C1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n")});
  engine::StepOutcome login;
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    login = co_await session.login(joe(), "", false, context);
  }));
  EXPECT_TRUE(login.ok) << login.reason;
}

TEST(ImapSession, UntaggedResponsesBeforeTheContinuationAreKeptForTheNextExpect) {
  Harness h;
  h.serve({sends("* PREAUTH ready\r\n"), reads_line(), sends("* OK [ALERT] disk nearly full\r\n+ go ahead\r\n"),
           reads_line(), sends("a1 OK [APPENDUID 7 9] done\r\n")});
  engine::StepOutcome continued, reply;
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    co_await send(context, session, "a1 APPEND box {5}\r\n");
    h.variables.set("tag", *session.last_tag());
    continued = co_await session.await_continuation(context);
    co_await send(context, session, "hello\r\n");
    reply = co_await session.expect(
        *spec("{tagged: {code: {name: APPENDUID, capture: ids}}, untagged: [{type: OK, code: ALERT}]}"), context);
  }));
  EXPECT_TRUE(continued.ok) << continued.reason;
  EXPECT_TRUE(reply.ok) << reply.reason;
  EXPECT_EQ(h.variables.get("ids"), "7 9");
  EXPECT_TRUE(h.findings.empty());
}

TEST(ImapSession, ImpossibleReplyBecomesAFinding) {
  Harness h;
  h.serve({sends("* OK ready\r\n"), reads_line(), sends("zz OK what\r\na1 OK done\r\n")});
  engine::StepOutcome reply;
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    co_await send(context, session, "a1 NOOP\r\n");
    h.variables.set("tag", "a1");
    reply = co_await session.expect(*spec("tagged: OK"), context);
  }));
  EXPECT_TRUE(reply.ok) << reply.reason;
  ASSERT_EQ(h.findings.size(), 1u);
  EXPECT_EQ(h.findings[0].rfc, "RFC 9051 §2.2.2");
}

TEST(ImapSession, RefusedStartTlsFailsTheRequest) {
  Harness h;
  h.serve({sends("* OK ready\r\n"), reads_line(), sends("C1 BAD TLS is already active\r\n")});
  engine::StepOutcome agreed;
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    agreed = co_await session.request_starttls(context);
  }));
  EXPECT_FALSE(agreed.ok);
  EXPECT_EQ(agreed.reason, "STARTTLS refused: C1 BAD TLS is already active");
}

TEST(ImapSession, FixturesCreateTheMailboxAndAppendWithLiteralPlus) {
  Harness h;
  h.serve({sends("* OK [CAPABILITY IMAP4rev1 LITERAL+] ready\r\n"), reads_line(), sends("C1 OK created\r\n"), reads_line(),
           reads_line(), reads_line(), reads_line(), reads_line(), sends("C2 OK appended\r\n")});
  scenario::Fixtures fixtures;
  fixtures.mailboxes = {"box one"};
  scenario::FixtureMessage message;
  message.mailbox = "box one";
  message.content = "Subject: x\r\n\r\nbody\r\n";
  message.flags = {"\\Seen"};
  fixtures.messages.push_back(message);
  engine::StepOutcome set_up;
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    set_up = co_await session.set_up_fixtures(fixtures, context);
  }));
  EXPECT_TRUE(set_up.ok) << set_up.reason;
  EXPECT_EQ(h.lines_received, (std::vector<std::string>{"C1 CREATE \"box one\"", "C2 APPEND \"box one\" (\\Seen) {20+}",
                                                        "Subject: x", "", "body", ""}));
}

TEST(ImapSession, TeardownDeletesTheFixtureMailboxAndWhatTheStepsLeftUnderIt) {
  Harness h;
  h.serve({sends("* PREAUTH [CAPABILITY IMAP4rev1] ready\r\n"), reads_line(),
           sends("* LIST () \"/\" box\r\n* LIST () \"/\" box/child\r\n* LIST () \"/\" boxer\r\nC1 OK listed\r\n"),
           reads_line(), sends("C2 OK deleted\r\n"), reads_line(), sends("C3 OK deleted\r\n")});
  scenario::Fixtures fixtures;
  fixtures.mailboxes = {"box"};
  engine::StepOutcome torn_down;
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    torn_down = co_await session.tear_down_fixtures(fixtures, context);
  }));
  EXPECT_TRUE(torn_down.ok) << torn_down.reason;
  // "boxer" only shares the prefix: another mailbox, left alone.
  EXPECT_EQ(h.lines_received, (std::vector<std::string>{"C1 LIST \"\" box*", "C2 DELETE box/child", "C3 DELETE box"}));
}

TEST(ImapSession, UntaggedOnlyExpectTimesOutSayingWhatItAwaited) {
  Harness h;
  h.timeout = 200ms;
  h.serve({sends("* OK ready\r\n* 2 RECENT\r\n")});
  engine::StepOutcome reply;
  ASSERT_TRUE(h.run([&](engine::StepContext& context, ImapSession& session) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    reply = co_await session.expect(*spec("untagged: [{type: EXISTS}]"), context);
  }));
  EXPECT_FALSE(reply.ok);
  EXPECT_NE(reply.reason.find("while waiting for untagged responses"), std::string::npos) << reply.reason;
  EXPECT_EQ(reply.received, "* 2 RECENT");
}

}  // namespace
}  // namespace conformance::protocols::imap
