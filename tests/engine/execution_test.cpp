// The engine's step execution against scripted loopback peers, using the
// test-only line protocol: deadlines, caps, redaction, verdicts.
#include "harness/engine/runner.hpp"
#include "harness/engine/scenario_run.hpp"
#include "harness/net/transcript_text.hpp"
#include "tests/engine/line_protocol.hpp"
#include "tests/support/scripted_server.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <gtest/gtest.h>

#include <chrono>

namespace conformance::engine {
namespace {

using namespace std::chrono_literals;
using testing::line_protocol;
using test_support::ScriptedPeer;

scenario::Step step(scenario::StepAction action, std::string kind) {
  scenario::Step s;
  s.action = std::move(action);
  s.kind = std::move(kind);
  return s;
}

scenario::Step connect_step() { return step(scenario::ConnectStep{}, "connect"); }

scenario::Step send_line(std::string text) {
  scenario::SendStep send;
  send.parts.push_back(scenario::SendPart{scenario::SendPart::Kind::line, std::move(text), true});
  return step(send, "send");
}

scenario::Step expect_line(std::string regex) {
  auto pattern = scenario::Pattern::compile(regex);
  return step(scenario::ExpectStep{std::make_shared<testing::LineExpect>(scenario::TextMatch::regex(*pattern))},
              "expect");
}

scenario::Scenario make_scenario(std::string id, std::vector<scenario::Step> steps,
                                 scenario::Level level = scenario::Level::must) {
  scenario::Scenario s;
  s.id = std::move(id);
  s.title = "test";
  s.protocol = scenario::Protocol::pop3;
  s.level = level;
  s.connections = {"main"};
  s.steps = std::move(steps);
  return s;
}

Target target_at(std::uint16_t port, std::vector<TargetUser> users = {}) {
  Target target;
  auto endpoint = parse_endpoint_url("pop3://127.0.0.1:" + std::to_string(port));
  target.endpoints["pop3"] = *endpoint;
  target.host = "127.0.0.1";
  target.users = std::move(users);
  return target;
}

result::RunResult run(std::vector<scenario::Scenario>& scenarios, Target target,
                      std::chrono::milliseconds timeout = 2000ms, std::size_t jobs = 4) {
  RunSettings settings;
  settings.step_timeout = timeout;
  RunContext context(std::move(target), settings, line_protocol);
  std::vector<const scenario::Scenario*> chosen;
  for (const auto& s : scenarios) chosen.push_back(&s);
  return run_scenarios(chosen, context, jobs, nullptr);
}

net::awaitable<void> sleep_for(std::chrono::milliseconds duration) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
  timer.expires_after(duration);
  boost::system::error_code ignored;
  co_await timer.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ignored));
}

std::string all_transcripts(const result::ScenarioResult& r) {
  std::string text;
  for (const auto& t : r.transcripts) text += net::render_events(t.events);
  return text;
}

TEST(Execution, PassesWhenEveryStepMatches) {
  ScriptedPeer peer([](net::Stream& stream) -> net::awaitable<void> {
    co_await stream.write("+OK hello\r\n", 1s);
    auto line = co_await stream.read_line(1000, 2s);
    co_await stream.write("+OK got " + std::string(line ? line->content() : "") + "\r\n", 1s);
  });
  std::vector<scenario::Scenario> scenarios{
      make_scenario("t.pass", {connect_step(), send_line("NOOP"), expect_line("^\\+OK got NOOP$")})};
  auto outcome = run(scenarios, target_at(peer.port()));
  ASSERT_EQ(outcome.scenarios.size(), 1u);
  EXPECT_EQ(outcome.scenarios[0].verdict, result::Verdict::passed) << outcome.scenarios[0].reason;
  EXPECT_EQ(outcome.scenarios[0].steps.size(), 3u);
}

TEST(Execution, StalledServerFailsEachScenarioWithinItsDeadline) {
  ScriptedPeer peer([](net::Stream& stream) -> net::awaitable<void> {
    co_await sleep_for(10s);  // accepts, never answers
    (void)stream;
  });
  std::vector<scenario::Scenario> scenarios;
  for (int i = 0; i < 6; ++i) scenarios.push_back(make_scenario("t.stall" + std::to_string(i), {connect_step()}));
  const auto started = std::chrono::steady_clock::now();
  auto outcome = run(scenarios, target_at(peer.port()), 300ms, 3);
  const auto took = std::chrono::steady_clock::now() - started;
  for (const auto& r : outcome.scenarios) {
    EXPECT_EQ(r.verdict, result::Verdict::failed);
    EXPECT_NE(r.reason.find("timeout"), std::string::npos) << r.reason;
  }
  // Two rounds of 300 ms deadlines; generous bound for a loaded machine.
  EXPECT_LT(took, 5s);
}

TEST(Execution, EndlessLineFailsAtTheLineCap) {
  ScriptedPeer peer([](net::Stream& stream) -> net::awaitable<void> {
    const std::string chunk(64 * 1024, 'A');
    for (int i = 0; i < 256; ++i) {  // 16 MiB without a line end, unless the client goes away
      auto written = co_await stream.write(chunk, 2s);
      if (!written) co_return;
    }
  });
  std::vector<scenario::Scenario> scenarios{make_scenario("t.flood", {connect_step()})};
  auto outcome = run(scenarios, target_at(peer.port()));
  ASSERT_EQ(outcome.scenarios.size(), 1u);
  EXPECT_EQ(outcome.scenarios[0].verdict, result::Verdict::failed);
  EXPECT_NE(outcome.scenarios[0].reason.find("line_too_long"), std::string::npos) << outcome.scenarios[0].reason;
}

TEST(Execution, PasswordNeverReachesTranscriptsOrReasons) {
  ScriptedPeer peer([](net::Stream& stream) -> net::awaitable<void> {
    co_await stream.write("+OK hello\r\n", 1s);
    for (int i = 0; i < 2; ++i) {
      auto line = co_await stream.read_line(1000, 2s);
      if (!line) co_return;
      co_await stream.write("-ERR you said " + std::string(line->content()) + "\r\n", 1s);  // echoes the secret
    }
  });
  std::vector<scenario::Scenario> scenarios{make_scenario(
      "t.secret",
      {connect_step(), send_line("USER ${user} ${password}"), expect_line("^\\+OK"), expect_line("never")})};
  scenarios[0].steps.insert(scenarios[0].steps.begin() + 2, step(scenario::LoginStep{}, "login"));
  auto outcome = run(scenarios, target_at(peer.port(), {TargetUser{"alice", "s3cret-pw", "alice@example.test"}}));
  const auto& r = outcome.scenarios[0];
  EXPECT_EQ(r.verdict, result::Verdict::failed);
  const std::string text = all_transcripts(r) + r.reason;
  std::string details;
  for (const auto& s : r.steps) details += s.summary + s.reason + s.expected + s.received;
  EXPECT_EQ(text.find("s3cret-pw"), std::string::npos) << text;
  EXPECT_EQ(details.find("s3cret-pw"), std::string::npos) << details;
  EXPECT_NE(text.find("<redacted>"), std::string::npos) << text;
}

TEST(Execution, ExpectCloseWaitsForThePeerToClose) {
  ScriptedPeer peer([](net::Stream& stream) -> net::awaitable<void> {
    co_await stream.write("+OK hello\r\n", 1s);
    co_await sleep_for(100ms);
    co_await stream.write("+OK bye\r\n", 1s);
    stream.abort();
  });
  std::vector<scenario::Scenario> scenarios{
      make_scenario("t.close", {connect_step(), step(scenario::ExpectCloseStep{}, "expect_close"),
                                step(scenario::StateAssertStep{"closed"}, "state")})};
  auto outcome = run(scenarios, target_at(peer.port()));
  EXPECT_EQ(outcome.scenarios[0].verdict, result::Verdict::passed) << outcome.scenarios[0].reason;
}

TEST(Execution, ExpectCloseFailsWhenThePeerStaysOpen) {
  ScriptedPeer peer([](net::Stream& stream) -> net::awaitable<void> {
    co_await stream.write("+OK hello\r\n", 1s);
    co_await sleep_for(5s);
  });
  std::vector<scenario::Scenario> scenarios{
      make_scenario("t.open", {connect_step(), step(scenario::ExpectCloseStep{}, "expect_close")})};
  auto outcome = run(scenarios, target_at(peer.port()), 300ms);
  EXPECT_EQ(outcome.scenarios[0].verdict, result::Verdict::failed);
  EXPECT_NE(outcome.scenarios[0].reason.find("did not close"), std::string::npos) << outcome.scenarios[0].reason;
}

TEST(Execution, ShouldLevelFailureWarns) {
  ScriptedPeer peer([](net::Stream& stream) -> net::awaitable<void> { co_await stream.write("+OK hi\r\n", 1s); });
  std::vector<scenario::Scenario> scenarios{
      make_scenario("t.should", {connect_step(), expect_line("^never")}, scenario::Level::should)};
  auto outcome = run(scenarios, target_at(peer.port()), 300ms);
  EXPECT_EQ(outcome.scenarios[0].verdict, result::Verdict::warned);
  ASSERT_TRUE(outcome.scenarios[0].failed_step);
  EXPECT_EQ(outcome.scenarios[0].failed_step->index, 1u);
}

TEST(Execution, KnownDeviationTurnsFailureIntoExpectedFailureAndPassIntoUnexpectedPass) {
  ScriptedPeer peer([](net::Stream& stream) -> net::awaitable<void> { co_await stream.write("+OK hi\r\n", 1s); });
  std::vector<scenario::Scenario> scenarios{make_scenario("t.dev.fails", {connect_step(), expect_line("^never")}),
                                            make_scenario("t.dev.passes", {connect_step()})};
  Target target = target_at(peer.port());
  target.deviations.push_back(Deviation{"t.dev.*", "RFC 0000 §0 says the server may do this", {}});
  auto outcome = run(scenarios, target, 300ms);
  EXPECT_EQ(outcome.scenarios[0].verdict, result::Verdict::expected_failure);
  EXPECT_EQ(outcome.scenarios[1].verdict, result::Verdict::unexpected_pass);
  EXPECT_FALSE(result::fails_run(outcome.scenarios[1].verdict));
}

TEST(Execution, MissingEndpointSkipsWithTheReason) {
  std::vector<scenario::Scenario> scenarios{make_scenario("t.implicit", {step(
                                                                             [] {
                                                                               scenario::ConnectStep c;
                                                                               c.tls = scenario::TlsMode::implicit;
                                                                               return c;
                                                                             }(),
                                                                             "connect")})};
  auto outcome = run(scenarios, target_at(1));
  EXPECT_EQ(outcome.scenarios[0].verdict, result::Verdict::skipped);
  EXPECT_NE(outcome.scenarios[0].reason.find("pop3s"), std::string::npos) << outcome.scenarios[0].reason;
}

TEST(Execution, ScenarioNeedingAUserIsSkippedWithoutOne) {
  std::vector<scenario::Scenario> scenarios{make_scenario("t.user", {connect_step(), send_line("USER ${user}")})};
  auto outcome = run(scenarios, target_at(1));
  EXPECT_EQ(outcome.scenarios[0].verdict, result::Verdict::skipped);
}

TEST(Execution, RefusedConnectionFailsAndIsCountedUnreachable) {
  std::uint16_t closed_port = 0;
  {
    ScriptedPeer peer([](net::Stream&) -> net::awaitable<void> { co_return; });
    closed_port = peer.port();
  }
  std::vector<scenario::Scenario> scenarios{make_scenario("t.refused", {connect_step()})};
  RunSettings settings;
  settings.step_timeout = 1s;
  RunContext context(target_at(closed_port), settings, line_protocol);
  std::vector<const scenario::Scenario*> chosen{&scenarios[0]};
  auto outcome = run_scenarios(chosen, context, 1, nullptr);
  EXPECT_EQ(outcome.scenarios[0].verdict, result::Verdict::failed);
  EXPECT_FALSE(context.any_connection_made);
  EXPECT_EQ(context.connection_attempts, 1u);
}

TEST(Execution, CapturedVariableIsUsedByALaterStep) {
  ScriptedPeer peer([](net::Stream& stream) -> net::awaitable<void> {
    co_await stream.write("+OK token=xyz42\r\n", 1s);
    auto line = co_await stream.read_line(1000, 2s);
    co_await stream.write("+OK " + std::string(line ? line->content() : "") + "\r\n", 1s);
  });
  std::vector<scenario::Scenario> scenarios{make_scenario(
      "t.capture", {step(
                        [] {
                          scenario::ConnectStep c;
                          c.read_greeting = false;
                          return c;
                        }(),
                        "connect"),
                    expect_line("token=(?P<token>\\w+)"), send_line("ECHO ${token}"), expect_line("^\\+OK ECHO xyz42$")})};
  auto outcome = run(scenarios, target_at(peer.port()));
  EXPECT_EQ(outcome.scenarios[0].verdict, result::Verdict::passed) << outcome.scenarios[0].reason;
}

// `requires:` makes the engine probe the server once per run, on a
// connection of its own, before any scenario that needs the answer.
scenario::Scenario requiring(std::string id, std::vector<std::string> capabilities) {
  scenario::Scenario s = make_scenario(std::move(id), {connect_step()});
  s.requires_capabilities = std::move(capabilities);
  return s;
}

TEST(CapabilityProbe, AdvertisedCapabilityLetsTheScenarioRun) {
  ScriptedPeer peer([](net::Stream& stream) -> net::awaitable<void> { co_await stream.write("+OK hi\r\n", 1s); });
  std::vector<scenario::Scenario> scenarios{requiring("t.lines", {"lines"})};
  RunSettings settings;
  settings.step_timeout = 2s;
  RunContext context(target_at(peer.port()), settings, line_protocol);
  std::vector<const scenario::Scenario*> chosen{&scenarios[0]};
  auto outcome = run_scenarios(chosen, context, 1, nullptr);
  EXPECT_EQ(outcome.scenarios[0].verdict, result::Verdict::passed) << outcome.scenarios[0].reason;
  EXPECT_EQ(context.connection_attempts, 2u) << "the probe's connection and the scenario's";
  const auto& probed = context.capabilities[{scenario::Protocol::pop3, scenario::Service::main}];
  EXPECT_TRUE(probed.reached);
  EXPECT_EQ(probed.capabilities, std::set<std::string>{"LINES"});
}

TEST(CapabilityProbe, CapabilityNotAdvertisedSkipsTheScenario) {
  ScriptedPeer peer([](net::Stream& stream) -> net::awaitable<void> { co_await stream.write("+OK hi\r\n", 1s); });
  std::vector<scenario::Scenario> scenarios{requiring("t.idle", {"IDLE"})};
  auto outcome = run(scenarios, target_at(peer.port()));
  EXPECT_EQ(outcome.scenarios[0].verdict, result::Verdict::skipped);
  EXPECT_EQ(outcome.scenarios[0].reason, "the server does not advertise IDLE");
}

TEST(CapabilityProbe, ServerThatNeverGreetsIsAnErrorNamingTheGreeting) {
  ScriptedPeer peer([](net::Stream&) -> net::awaitable<void> { co_await sleep_for(5s); });
  std::vector<scenario::Scenario> scenarios{requiring("t.silent", {"LINES"})};
  auto outcome = run(scenarios, target_at(peer.port()), 300ms);
  EXPECT_EQ(outcome.scenarios[0].verdict, result::Verdict::error);
  EXPECT_TRUE(outcome.scenarios[0].reason.starts_with("could not learn the server's capabilities: greeting: no greeting: "))
      << outcome.scenarios[0].reason;
}

TEST(CapabilityProbe, UnreachableServerIsAnErrorWithTheConnectFailure) {
  std::uint16_t closed_port = 0;
  {
    ScriptedPeer peer([](net::Stream&) -> net::awaitable<void> { co_return; });
    closed_port = peer.port();
  }
  std::vector<scenario::Scenario> scenarios{requiring("t.unreachable", {"LINES"})};
  auto outcome = run(scenarios, target_at(closed_port), 1000ms);
  EXPECT_EQ(outcome.scenarios[0].verdict, result::Verdict::error);
  EXPECT_TRUE(outcome.scenarios[0].reason.starts_with("could not learn the server's capabilities: "))
      << outcome.scenarios[0].reason;
  EXPECT_NE(outcome.scenarios[0].reason.find("refused"), std::string::npos) << outcome.scenarios[0].reason;
}

}  // namespace
}  // namespace conformance::engine
