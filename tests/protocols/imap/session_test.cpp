// The IMAP session over a real loopback socket against a scripted server:
// reading under caps and deadlines, login and its redaction, continuation
// handling, STARTTLS refusal, fixtures.
#include "harness/protocols/imap/session.hpp"

#include <gtest/gtest.h>

#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <functional>
#include <stdexcept>

#include "harness/codec/common/base64.hpp"
#include "harness/net/connect.hpp"
#include "harness/protocols/imap/expect_compiler.hpp"

namespace conformance::protocols::imap {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using net::tcp;

// What the fake server does, in order.
struct Action {
  enum class Kind { send, read_line, close };
  Kind kind = Kind::send;
  std::string bytes;
};
Action send(std::string bytes) { return Action{Action::Kind::send, std::move(bytes)}; }
Action read_line() { return Action{Action::Kind::read_line, {}}; }
Action close_connection() { return Action{Action::Kind::close, {}}; }

struct Harness {
  asio::io_context io;
  tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::address_v4::loopback(), 0)};
  std::vector<std::string> lines_received;  // by the server, without CRLF
  std::shared_ptr<net::Transcript> transcript = std::make_shared<net::Transcript>();
  engine::Limits limits;
  scenario::Variables variables;
  std::vector<engine::Finding> findings;
  net::Duration timeout = std::chrono::seconds(5);

  void serve(std::vector<Action> actions) {
    asio::co_spawn(
        io,
        [this, actions = std::move(actions)]() -> net::awaitable<void> {
          tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
          std::string buffer;
          boost::system::error_code failed;
          for (const auto& action : actions) {
            if (action.kind == Action::Kind::send) {
              co_await asio::async_write(peer, asio::buffer(action.bytes),
                                         asio::redirect_error(asio::use_awaitable, failed));
            } else if (action.kind == Action::Kind::read_line) {
              const std::size_t n = co_await asio::async_read_until(peer, asio::dynamic_buffer(buffer), "\r\n",
                                                                    asio::redirect_error(asio::use_awaitable, failed));
              if (failed) co_return;
              lines_received.push_back(buffer.substr(0, n - 2));
              buffer.erase(0, n);
            } else {
              peer.close();
              co_return;
            }
            if (failed) co_return;
          }
          char byte = 0;
          co_await peer.async_read_some(asio::buffer(&byte, 1), asio::redirect_error(asio::use_awaitable, failed));
        },
        asio::detached);
  }

  // Runs `body` on a connected session; true unless the run hung.
  bool run(std::function<net::awaitable<void>(ImapSession&, engine::StepContext&)> body) {
    asio::co_spawn(
        io,
        [this, body]() -> net::awaitable<void> {
          net::ConnectOptions options;
          options.transcript = transcript;
          auto stream = co_await net::connect(acceptor.local_endpoint(), options);
          if (!stream) throw std::runtime_error(stream.error().describe());
          ImapSession session;
          engine::StepContext context{*stream, timeout, limits, variables, findings};
          co_await body(session, context);
          stream->abort();
        },
        [](std::exception_ptr failure) {
          if (failure) std::rethrow_exception(failure);
        });
    io.run_for(20s);
    return io.stopped();
  }

  std::string transcript_text() const {
    std::string text;
    for (const auto& event : transcript->events()) text += event.bytes;
    return text;
  }
};

std::shared_ptr<const ImapExpect> spec(const std::string& yaml) {
  scenario::Diagnostics diagnostics;
  auto compiled = compile_expect(YAML::Load(yaml), "test.yaml", diagnostics);
  if (!compiled) throw std::runtime_error(diagnostics.front().to_string());
  return compiled;
}

// A named object, never a temporary, as a coroutine argument (GCC 12; see docs/architecture.md).
const engine::Credentials& joe() {
  static const engine::Credentials credentials{"joe", "s3cret"};
  return credentials;
}

TEST(ImapSession, ReadsTheGreetingAndLearnsCapabilitiesFromItsCode) {
  Harness h;
  h.serve({send("* OK [CAPABILITY IMAP4rev1 LITERAL+ IDLE] ready\r\n")});
  engine::StepOutcome greeting;
  std::set<std::string> capabilities;
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
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
  h.serve({send("* OK ready\r\n"), read_line(), send("* CAPABILITY IMAP4rev1 STARTTLS\r\nC1 OK done\r\n")});
  std::set<std::string> capabilities;
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
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
  h.serve({send("* OK " + std::string(500, 'x') + "\r\n")});
  engine::StepOutcome greeting;
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
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
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
    greeting = co_await session.read_greeting(context);
  }));
  EXPECT_FALSE(greeting.ok);
  EXPECT_NE(greeting.reason.find("timeout"), std::string::npos) << greeting.reason;
  EXPECT_NE(greeting.reason.find("while waiting for the greeting"), std::string::npos) << greeting.reason;
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
}

TEST(ImapSession, EndOfStreamFailsTheStepAndClosesTheState) {
  Harness h;
  h.serve({send("* OK ready\r\n"), read_line(), close_connection()});
  engine::StepOutcome reply;
  std::string state;
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    const std::string noop = "a1 NOOP\r\n";
    (void)co_await context.stream.write(noop, 1s);
    session.sent(noop);
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
  h.serve({send("HTTP/1.1 400 Bad Request\r\n")});
  engine::StepOutcome greeting;
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
    greeting = co_await session.read_greeting(context);
  }));
  EXPECT_FALSE(greeting.ok);
  EXPECT_NE(greeting.reason.find("malformed response"), std::string::npos) << greeting.reason;
}

TEST(ImapSession, LoginSendsLoginAndKeepsThePasswordOutOfTheTranscript) {
  Harness h;
  h.serve({send("* OK [CAPABILITY IMAP4rev1] ready\r\n"), read_line(),
           send("C1 OK [CAPABILITY IMAP4rev1 IDLE] Logged in\r\n")});
  engine::StepOutcome login;
  std::string state;
  std::optional<std::string> last_tag;
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
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
  h.serve({send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n"), read_line(), send("+ \r\n"), read_line(),
           send("C1 OK done\r\n")});
  engine::StepOutcome login;
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
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
  h.serve({send("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\r\n"), read_line(), send("C1 OK done\r\n")});
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    (void)co_await session.login(joe(), "PLAIN", true, context);
  }));
  ASSERT_EQ(h.lines_received.size(), 1u);
  EXPECT_EQ(h.lines_received[0], "C1 AUTHENTICATE PLAIN " + codec::base64_encode(std::string("\0joe\0s3cret", 11)));
  EXPECT_NE(h.transcript_text().find("C1 AUTHENTICATE PLAIN <redacted>"), std::string::npos);
}

TEST(ImapSession, LoginThatMustFailPassesOnNo) {
  Harness h;
  h.serve({send("* OK ready\r\n"), read_line(), send("C1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n")});
  engine::StepOutcome login;
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    login = co_await session.login(joe(), "", false, context);
  }));
  EXPECT_TRUE(login.ok) << login.reason;
}

TEST(ImapSession, UntaggedResponsesBeforeTheContinuationAreKeptForTheNextExpect) {
  Harness h;
  h.serve({send("* PREAUTH ready\r\n"), read_line(), send("* OK [ALERT] disk nearly full\r\n+ go ahead\r\n"),
           read_line(), send("a1 OK [APPENDUID 7 9] done\r\n")});
  engine::StepOutcome continued, reply;
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    const std::string line = "a1 APPEND box {5}\r\n";
    (void)co_await context.stream.write(line, 1s);
    session.sent(line);
    h.variables.set("tag", *session.last_tag());
    continued = co_await session.await_continuation(context);
    const std::string data = "hello\r\n";
    (void)co_await context.stream.write(data, 1s);
    session.sent(data);
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
  h.serve({send("* OK ready\r\n"), read_line(), send("zz OK what\r\na1 OK done\r\n")});
  engine::StepOutcome reply;
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    const std::string noop = "a1 NOOP\r\n";
    (void)co_await context.stream.write(noop, 1s);
    session.sent(noop);
    h.variables.set("tag", "a1");
    reply = co_await session.expect(*spec("tagged: OK"), context);
  }));
  EXPECT_TRUE(reply.ok) << reply.reason;
  ASSERT_EQ(h.findings.size(), 1u);
  EXPECT_EQ(h.findings[0].rfc, "RFC 9051 §2.2.2");
}

TEST(ImapSession, RefusedStartTlsFailsTheRequest) {
  Harness h;
  h.serve({send("* OK ready\r\n"), read_line(), send("C1 BAD TLS is already active\r\n")});
  engine::StepOutcome agreed;
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    agreed = co_await session.request_starttls(context);
  }));
  EXPECT_FALSE(agreed.ok);
  EXPECT_EQ(agreed.reason, "STARTTLS refused: C1 BAD TLS is already active");
}

TEST(ImapSession, FixturesCreateTheMailboxAndAppendWithLiteralPlus) {
  Harness h;
  h.serve({send("* OK [CAPABILITY IMAP4rev1 LITERAL+] ready\r\n"), read_line(), send("C1 OK created\r\n"), read_line(),
           read_line(), read_line(), read_line(), read_line(), send("C2 OK appended\r\n")});
  scenario::Fixtures fixtures;
  fixtures.mailboxes = {"box one"};
  scenario::FixtureMessage message;
  message.mailbox = "box one";
  message.content = "Subject: x\r\n\r\nbody\r\n";
  message.flags = {"\\Seen"};
  fixtures.messages.push_back(message);
  engine::StepOutcome set_up;
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    set_up = co_await session.set_up_fixtures(fixtures, context);
  }));
  EXPECT_TRUE(set_up.ok) << set_up.reason;
  EXPECT_EQ(h.lines_received, (std::vector<std::string>{"C1 CREATE \"box one\"", "C2 APPEND \"box one\" (\\Seen) {20+}",
                                                        "Subject: x", "", "body", ""}));
}

TEST(ImapSession, TeardownDeletesTheFixtureMailboxAndWhatTheStepsLeftUnderIt) {
  Harness h;
  h.serve({send("* PREAUTH [CAPABILITY IMAP4rev1] ready\r\n"), read_line(),
           send("* LIST () \"/\" box\r\n* LIST () \"/\" box/child\r\n* LIST () \"/\" boxer\r\nC1 OK listed\r\n"),
           read_line(), send("C2 OK deleted\r\n"), read_line(), send("C3 OK deleted\r\n")});
  scenario::Fixtures fixtures;
  fixtures.mailboxes = {"box"};
  engine::StepOutcome torn_down;
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
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
  h.serve({send("* OK ready\r\n* 2 RECENT\r\n")});
  engine::StepOutcome reply;
  ASSERT_TRUE(h.run([&](ImapSession& session, engine::StepContext& context) -> net::awaitable<void> {
    (void)co_await session.read_greeting(context);
    reply = co_await session.expect(*spec("untagged: [{type: EXISTS}]"), context);
  }));
  EXPECT_FALSE(reply.ok);
  EXPECT_NE(reply.reason.find("while waiting for untagged responses"), std::string::npos) << reply.reason;
  EXPECT_EQ(reply.received, "* 2 RECENT");
}

}  // namespace
}  // namespace conformance::protocols::imap
