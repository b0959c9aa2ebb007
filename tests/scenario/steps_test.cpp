// The `steps:` list: one action per step, each step kind's forms, connections.
#include "fake_rules.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace conformance::scenario {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::load;
using testing::messages;

// Line 4 opens the steps and line 5 connects, so the step under test is on line 6.
std::string scenario(const std::string& protocol, const std::string& steps) {
  return "id: " + protocol + ".t\ntitle: T\nprotocol: " + protocol + "\nsteps:\n  - connect: {}\n" + steps;
}
std::string imap(const std::string& steps) { return scenario("imap", steps); }
std::string smtp(const std::string& steps) { return scenario("smtp", steps); }

// The steps of a scenario that must load.
std::vector<Step> steps_of(const std::string& yaml) {
  auto result = load(yaml);
  EXPECT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  return result.ok() ? result.scenarios.at(0).steps : std::vector<Step>{};
}

// The one step after the connect.
Step second_step(const std::string& yaml) {
  auto steps = steps_of(yaml);
  return steps.size() == 2 ? steps[1] : Step{};
}

const SendStep& send_of(const Step& step) { return std::get<SendStep>(step.action); }

// --- step structure ---

TEST(Steps, UnknownStepSuggestsTheClosestKind) {
  EXPECT_THAT(messages(load(imap("  - sned: a1 NOOP\n"))),
              ElementsAre("t.yaml:6:5: unknown step 'sned': did you mean 'send'? (known: connect, login, send, "
                          "expect, starttls, tls, state, close, expect_close, wait)"));
}

TEST(Steps, UnknownStepWithoutCloseKindListsTheKinds) {
  EXPECT_THAT(messages(load(imap("  - frobnicate: 1\n"))),
              ElementsAre("t.yaml:6:5: unknown step 'frobnicate' (known: connect, login, send, expect, starttls, tls, "
                          "state, close, expect_close, wait)"));
}

TEST(Steps, AStepHasOneAction) {
  EXPECT_THAT(messages(load(imap("  - send: a1 NOOP\n    expect: {code: 200}\n"))),
              ElementsAre("t.yaml:7:5: a step has one action, and this one has 'send' and 'expect': make them two "
                          "steps"));
}

TEST(Steps, AStepNeedsAnAction) {
  EXPECT_THAT(messages(load(imap("  - timeout: 2s\n"))),
              ElementsAre("t.yaml:6:5: a step needs an action: one of connect, login, send, expect, starttls, tls, "
                          "state, close, expect_close, wait"));
}

TEST(Steps, AStepMustBeAMapping) {
  EXPECT_THAT(messages(load(imap("  - close\n"))),
              ElementsAre("t.yaml:6:5: a step must be a mapping such as `send: \"a1 NOOP\"`, not a scalar (write "
                          "`close: {}`)"));
}

TEST(Steps, HintsAtOptionsIndentedUnderTheWrongKey) {
  EXPECT_THAT(messages(load(imap("  - close:\n    abort: true\n"))),
              ElementsAre("t.yaml:7:5: unknown key 'abort' in a 'close' step (a step is one action, optionally with "
                          "'conn' and 'timeout'); if it belongs to 'close', indent it under 'close:'"));
}

TEST(Steps, UseBeforeConnectIsAnError) {
  EXPECT_THAT(messages(load("id: imap.t\ntitle: T\nprotocol: imap\nsteps:\n  - send: a1 NOOP\n  - connect: {}\n")),
              ElementsAre("t.yaml:5:5: 'send' on connection 'main' before it is connected: add a `connect:` step "
                          "first"));
}

TEST(Steps, WaitNeedsNoConnection) {
  auto steps = steps_of("id: imap.t\ntitle: T\nprotocol: imap\nsteps:\n  - wait: 10ms\n  - connect: {}\n");
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(std::get<WaitStep>(steps[0].action).duration, Milliseconds(10));
}

TEST(Steps, ConnNamesTheStepsConnection) {
  auto steps = steps_of(
      "id: imap.t\ntitle: T\nprotocol: imap\nconnections: [main, other]\nsteps:\n"
      "  - connect: {}\n  - connect: {}\n    conn: other\n  - send: a1 NOOP\n    conn: other\n");
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].connection, "");
  EXPECT_EQ(steps[1].connection, "other");
  EXPECT_EQ(steps[2].connection, "other");
}

TEST(Steps, TimeoutIsADuration) {
  auto step = second_step(imap("  - send: a1 NOOP\n    timeout: 1.5s\n"));
  EXPECT_EQ(step.timeout, Milliseconds(1500));
}

TEST(Steps, RejectsABadTimeout) {
  EXPECT_THAT(messages(load(imap("  - send: a1 NOOP\n    timeout: forever\n"))),
              ElementsAre("t.yaml:7:14: 'timeout' must be a duration such as 250ms, 2s, 1.5s or 1m (at most a day), "
                          "not 'forever'"));
}

TEST(Steps, RejectsAZeroTimeout) {
  EXPECT_THAT(messages(load(imap("  - send: a1 NOOP\n    timeout: 0s\n"))),
              ElementsAre("t.yaml:7:14: 'timeout' must be more than 0"));
}

// --- connect ---

TEST(Connect, DefaultsToTheTargetsTlsAndTheMainService) {
  auto steps = steps_of(imap(""));
  ASSERT_EQ(steps.size(), 1u);
  const auto& connect = std::get<ConnectStep>(steps[0].action);
  EXPECT_EQ(connect.tls, TlsMode::target_default);
  EXPECT_EQ(connect.service, Service::main);
  EXPECT_TRUE(connect.read_greeting);
}

TEST(Connect, ShorthandIsATlsMode) {
  auto steps = steps_of("id: imap.t\ntitle: T\nprotocol: imap\nsteps:\n  - connect: starttls\n");
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(std::get<ConnectStep>(steps[0].action).tls, TlsMode::starttls);
}

TEST(Connect, ReadsEveryOption) {
  auto steps = steps_of(
      "id: smtp.t\ntitle: T\nprotocol: smtp\nsteps:\n  - connect: {tls: implicit, service: submission, greeting: "
      "false}\n");
  ASSERT_EQ(steps.size(), 1u);
  const auto& connect = std::get<ConnectStep>(steps[0].action);
  EXPECT_EQ(connect.tls, TlsMode::implicit);
  EXPECT_EQ(connect.service, Service::submission);
  EXPECT_FALSE(connect.read_greeting);
}

TEST(Connect, NullMeansNoOptions) {
  auto steps = steps_of("id: imap.t\ntitle: T\nprotocol: imap\nsteps:\n  - connect:\n");
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(std::get<ConnectStep>(steps[0].action).tls, TlsMode::target_default);
}

TEST(Connect, RejectsAnUnknownTlsMode) {
  EXPECT_THAT(messages(load("id: imap.t\ntitle: T\nprotocol: imap\nsteps:\n  - connect: {tls: ssl}\n")),
              ElementsAre("t.yaml:5:20: 'tls' must be one of default, plain, implicit, starttls, not 'ssl'"));
}

TEST(Connect, SubmissionNeedsAProtocolThatHasIt) {
  EXPECT_THAT(messages(load("id: imap.t\ntitle: T\nprotocol: imap\nsteps:\n  - connect: {service: submission}\n")),
              ElementsAre("t.yaml:5:24: 'service: submission' is only for SMTP, and this scenario is imap"));
}

TEST(Connect, RejectsUnknownOptions) {
  EXPECT_THAT(messages(load("id: imap.t\ntitle: T\nprotocol: imap\nsteps:\n  - connect: {port: 143}\n")),
              ElementsAre("t.yaml:5:15: unknown key 'port' in connect (known: tls, service, greeting)"));
}

// --- login ---

TEST(Login, DefaultsToThePluginsMechanismAndSuccess) {
  const auto login = std::get<LoginStep>(second_step(imap("  - login: {}\n")).action);
  EXPECT_EQ(login.mechanism, "");
  EXPECT_TRUE(login.expect_success);
}

TEST(Login, ShorthandIsAMechanismInUpperCase) {
  EXPECT_EQ(std::get<LoginStep>(second_step(imap("  - login: scram-sha-256\n")).action).mechanism, "SCRAM-SHA-256");
}

TEST(Login, ReadsMechanismAndExpectedFailure) {
  const auto login = std::get<LoginStep>(second_step(imap("  - login: {mechanism: PLAIN, expect: failure}\n")).action);
  EXPECT_EQ(login.mechanism, "PLAIN");
  EXPECT_FALSE(login.expect_success);
}

TEST(Login, RejectsAMalformedMechanism) {
  EXPECT_THAT(messages(load(imap("  - login: \"AUTH PLAIN\"\n"))),
              ElementsAre("t.yaml:6:12: 'AUTH PLAIN' is not a mechanism name (RFC 4422 §3.1: 1 to 20 letters, "
                          "digits, '-', '_')"));
}

// --- send ---

TEST(Send, ALineGetsItsOwnPart) {
  const auto step = second_step(imap("  - send: \"a1 SELECT ${mailbox}\"\n"));
  ASSERT_EQ(send_of(step).parts.size(), 1u);
  EXPECT_EQ(send_of(step).parts[0].kind, SendPart::Kind::line);
  EXPECT_EQ(send_of(step).parts[0].text, "a1 SELECT ${mailbox}");
  EXPECT_FALSE(send_of(step).secret);
}

TEST(Send, LinesArePipelinedInOneStep) {
  const auto step = second_step(imap("  - send: {lines: [a1 NOOP, a2 NOOP]}\n"));
  ASSERT_EQ(send_of(step).parts.size(), 2u);
  EXPECT_EQ(send_of(step).parts[1].text, "a2 NOOP");
}

TEST(Send, RawTextHasItsEscapesDecoded) {
  const auto step = second_step(smtp("  - send: {raw: 'EHLO x\\n\\x00'}\n"));
  ASSERT_EQ(send_of(step).parts.size(), 1u);
  EXPECT_EQ(send_of(step).parts[0].kind, SendPart::Kind::raw);
  EXPECT_EQ(send_of(step).parts[0].text, std::string("EHLO x\n\0", 8));
}

TEST(Send, RawReportsTheOffsetOfABadEscape) {
  EXPECT_THAT(messages(load(smtp("  - send: {raw: 'ab\\q'}\n"))),
              ElementsAre("t.yaml:6:17: 'raw': bad escape at offset 2: unknown escape '\\q' (known: \\r \\n \\t \\0 "
                          "\\\\ \\\" \\xHH)"));
}

TEST(Send, ALiteralFollowsItsLine) {
  const auto step = second_step(imap("  - send: {line: a1 APPEND INBOX, literal: \"x\\r\\n\", sync: false}\n"));
  const auto& parts = send_of(step).parts;
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].kind, SendPart::Kind::line);
  EXPECT_EQ(parts[1].kind, SendPart::Kind::literal);
  EXPECT_EQ(parts[1].text, "x\r\n");
  EXPECT_FALSE(parts[1].synchronizing);
}

TEST(Send, LiteralsAreSynchronizingByDefault) {
  const auto step = second_step(imap("  - send: {line: a1 APPEND INBOX, literal: x}\n"));
  ASSERT_EQ(send_of(step).parts.size(), 2u);
  EXPECT_TRUE(send_of(step).parts[1].synchronizing);
}

TEST(Send, LiteralNeedsAProtocolWithLiterals) {
  EXPECT_THAT(messages(load(smtp("  - send: {line: x, literal: y}\n"))),
              ElementsAre("t.yaml:6:30: 'literal' is only for IMAP, and this scenario is smtp"));
}

TEST(Send, LiteralNeedsALine) {
  EXPECT_THAT(messages(load(imap("  - send: {literal: y}\n"))),
              ElementsAre("t.yaml:6:11: 'send' needs one of line, lines, raw, message",
                          "t.yaml:6:21: 'literal' follows a command: give the command as 'line'"));
}

TEST(Send, SyncNeedsALiteral) {
  EXPECT_THAT(messages(load(imap("  - send: {line: x, sync: true}\n"))),
              ElementsAre("t.yaml:6:27: 'sync' says how a literal is sent, and this send has no 'literal'"));
}

TEST(Send, MessageIsForSmtp) {
  const auto step = second_step(smtp("  - send: {message: \"Subject: x\\n\\nbody\\n\"}\n"));
  ASSERT_EQ(send_of(step).parts.size(), 1u);
  EXPECT_EQ(send_of(step).parts[0].kind, SendPart::Kind::message);
  EXPECT_THAT(messages(load(imap("  - send: {message: x}\n"))),
              ElementsAre("t.yaml:6:21: 'message' (DATA content) is only for SMTP, and this scenario is imap"));
}

TEST(Send, SecretMarksTheWholeWrite) {
  EXPECT_TRUE(send_of(second_step(imap("  - send: {line: \"a1 LOGIN u ${password}\", secret: true}\n"))).secret);
}

TEST(Send, TakesOneForm) {
  EXPECT_THAT(messages(load(imap("  - send: {line: a, raw: b}\n"))),
              ElementsAre("t.yaml:6:11: 'send' takes one of line, lines, raw, message; this one has line and raw"));
}

TEST(Send, ALineCannotHoldALineBreak) {
  EXPECT_THAT(messages(load(imap("  - send: \"a1 NOOP\\r\\na2 NOOP\"\n"))),
              ElementsAre("t.yaml:6:11: 'send' holds a line break; a line gets its CRLF added, so write several "
                          "lines with `lines:` or exact bytes with `raw:`"));
}

TEST(Send, RejectsMalformedVariables) {
  EXPECT_THAT(messages(load(imap("  - send: \"a1 SELECT ${mailbox\"\n  - send: \"a2 ${no way}\"\n"))),
              ElementsAre("t.yaml:6:11: 'send': '${' without a closing '}' (write $$ for a literal $)",
                          "t.yaml:7:11: 'send': '${no way}' is not a variable name (letters, digits, '_', '.', '-')"));
}

TEST(Send, DollarDollarIsALiteralDollar) {
  EXPECT_EQ(send_of(second_step(imap("  - send: \"a1 $${x\"\n"))).parts.at(0).text, "a1 $${x");
}

// --- expect ---

TEST(Expect, IsCompiledByTheProtocolRules) {
  const auto step = second_step(imap("  - expect: [{code: 200}, {code: 201}]\n"));
  const auto& expect = std::get<ExpectStep>(step.action);
  ASSERT_NE(expect.spec, nullptr);
  EXPECT_EQ(expect.spec->describe(), "2 replies");
}

TEST(Expect, PassesTheRulesDiagnosticsThrough) {
  EXPECT_THAT(messages(load(imap("  - expect: {code: 700, txt: x, text: \"(\"}\n"))),
              ElementsAre("t.yaml:6:20: 'code' must be between 100 and 599",
                          "t.yaml:6:25: unknown key 'txt' in expect (known: code, text)",
                          "t.yaml:6:39: 'text': bad regex: missing ): ("));
}

class RulesThatFailSilently : public testing::FakeRules {
 public:
  RulesThatFailSilently() : FakeRules(Protocol::imap) {}
  std::shared_ptr<const ExpectSpec> compile_expect(const YAML::Node&, const std::string&, Diagnostics&) const override {
    return nullptr;
  }
};

TEST(Expect, ASpecThatFailsWithoutSayingWhyIsStillAnError) {
  static const RulesThatFailSilently rules;
  auto result = load_scenario_text(imap("  - expect: {code: 200}\n"), "t.yaml",
                                   [](Protocol) -> const ProtocolRules* { return &rules; });
  EXPECT_THAT(messages(result), ElementsAre("t.yaml:6:13: this expectation could not be compiled"));
}

// --- starttls, tls ---

TEST(StartTls, ExpectsSuccessUnlessTold) {
  EXPECT_TRUE(std::get<StartTlsStep>(second_step(imap("  - starttls: {}\n")).action).expect_success);
  EXPECT_FALSE(std::get<StartTlsStep>(second_step(imap("  - starttls: {expect: failure}\n")).action).expect_success);
}

TEST(Tls, ReadsEveryCondition) {
  const auto tls = std::get<TlsAssertStep>(
      second_step(imap("  - tls: {version: [TLSv1.2, TLSv1.3], min_version: TLSv1.0, verified: true, "
                       "hostname_matched: false, subject: \"CN=mail\", cipher: AES}\n"))
          .action);
  EXPECT_EQ(tls.versions, (std::vector<std::string>{"TLSv1.2", "TLSv1.3"}));
  EXPECT_EQ(tls.min_version, "TLSv1");
  EXPECT_EQ(tls.verified, true);
  EXPECT_EQ(tls.hostname_matched, false);
  EXPECT_EQ(tls.subject, "CN=mail");
  EXPECT_EQ(tls.cipher, "AES");
}

TEST(Tls, ASingleVersionIsAList) {
  EXPECT_EQ(std::get<TlsAssertStep>(second_step(imap("  - tls: {version: TLSv1.3}\n")).action).versions,
            std::vector<std::string>{"TLSv1.3"});
}

TEST(Tls, RejectsUnknownVersionNames) {
  EXPECT_THAT(messages(load(imap("  - tls: {version: [TLS1.3], min_version: tls1.2}\n"))),
              ElementsAre("t.yaml:6:21: 'version': unknown TLS version 'TLS1.3' (known: SSLv3, TLSv1, TLSv1.1, "
                          "TLSv1.2, TLSv1.3)",
                          "t.yaml:6:43: 'min_version': unknown TLS version 'tls1.2' (known: SSLv3, TLSv1, TLSv1.1, "
                          "TLSv1.2, TLSv1.3)"));
}

TEST(Tls, RejectsBadRegexes) {
  EXPECT_THAT(messages(load(imap("  - tls: {subject: \"CN=(\", cipher: \"[\"}\n"))),
              ElementsAre("t.yaml:6:20: 'subject': bad regex: missing ): CN=(",
                          "t.yaml:6:36: 'cipher': bad regex: missing ]: ["));
}

// --- state, close, expect_close, wait ---

TEST(State, MustBeOneOfTheProtocolsStates) {
  EXPECT_EQ(std::get<StateAssertStep>(second_step(imap("  - state: selected\n")).action).state, "selected");
  EXPECT_THAT(messages(load(imap("  - state: logged-in\n"))),
              ElementsAre("t.yaml:6:12: unknown imap state 'logged-in' (known: connected, authenticated, selected)"));
}

TEST(Close, ReadsAbort) {
  EXPECT_FALSE(std::get<CloseStep>(second_step(imap("  - close: {}\n")).action).abort);
  EXPECT_TRUE(std::get<CloseStep>(second_step(imap("  - close: {abort: true}\n")).action).abort);
}

TEST(Close, AbortIsABoolean) {
  EXPECT_THAT(messages(load(imap("  - close: {abort: hard}\n"))),
              ElementsAre("t.yaml:6:20: 'abort' must be true or false, not 'hard'"));
}

TEST(ExpectClose, TakesNoOptions) {
  EXPECT_TRUE(std::holds_alternative<ExpectCloseStep>(second_step(imap("  - expect_close: {}\n")).action));
  EXPECT_THAT(messages(load(imap("  - expect_close: {within: 2s}\n"))),
              ElementsAre("t.yaml:6:20: 'expect_close' takes no options (give the deadline as the step's 'timeout')"));
}

TEST(Wait, IsADuration) {
  EXPECT_EQ(std::get<WaitStep>(second_step(imap("  - wait: 1m\n")).action).duration, Milliseconds(60000));
  EXPECT_THAT(messages(load(imap("  - wait: {for: 2s}\n"))),
              ElementsAre("t.yaml:6:11: 'wait' must be a string, not a mapping"));
}

}  // namespace
}  // namespace conformance::scenario
