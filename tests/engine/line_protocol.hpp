// A minimal protocol plug-in for testing the engine itself: every reply is
// one line, `expect:` is a regex over it, "PASS ..." lines are secret. It
// lets the engine's deadlines, caps, redaction and verdicts be tested
// against scripted (often hostile) loopback peers without any mail grammar.
#pragma once

#include "harness/engine/protocol.hpp"
#include "harness/scenario/text_match.hpp"

namespace conformance::engine::testing {

class LineExpect : public scenario::ExpectSpec {
 public:
  explicit LineExpect(scenario::TextMatch match) : match_(std::move(match)) {}
  std::string describe() const override { return "a line " + match_.describe(); }
  const scenario::TextMatch& match() const { return match_; }

 private:
  scenario::TextMatch match_;
};

class LineRules : public scenario::ProtocolRules {
 public:
  scenario::Protocol id() const override { return scenario::Protocol::pop3; }
  std::vector<std::string> state_names() const override { return {"open", "closed"}; }
  std::shared_ptr<const scenario::ExpectSpec> compile_expect(const YAML::Node& node, const std::string& file,
                                                             scenario::Diagnostics& diagnostics) const override {
    auto match = scenario::TextMatch::compile(node, file, diagnostics, "expect");
    if (!match) return nullptr;
    return std::make_shared<LineExpect>(std::move(*match));
  }
};

class LineSession : public Session {
 public:
  net::awaitable<StepOutcome> read_greeting(StepContext& context) override {
    auto line = co_await context.stream.read_line(context.limits.max_line, context.timeout);
    if (!line) co_return StepOutcome::fail("no greeting: " + line.error().describe());
    co_return StepOutcome::pass(std::string(line->content()));
  }
  void sent(std::string_view) override {}
  std::optional<std::string> redact(std::string_view bytes) const override {
    if (bytes.starts_with("PASS ")) return std::string("PASS <redacted>\r\n");
    return std::nullopt;
  }
  net::awaitable<StepOutcome> expect(const scenario::ExpectSpec& spec, StepContext& context) override {
    const auto& line_expect = static_cast<const LineExpect&>(spec);
    auto line = co_await context.stream.read_line(context.limits.max_line, context.timeout);
    if (!line) co_return StepOutcome::fail(line.error().describe());
    auto matched = line_expect.match().match(line->content(), context.variables);
    if (!matched.matched) {
      co_return StepOutcome::fail("the line did not match", spec.describe(), std::string(line->content()));
    }
    for (auto& [name, value] : matched.captures) context.variables.set(name, value);
    co_return StepOutcome::pass(std::string(line->content()));
  }
  net::awaitable<StepOutcome> request_starttls(StepContext&) override {
    co_return StepOutcome::fail("no STARTTLS in the line protocol");
  }
  void tls_started() override {}
  net::awaitable<StepOutcome> login(const Credentials& credentials, std::string_view, bool,
                                    StepContext& context) override {
    auto written = co_await context.stream.write_secret("PASS " + credentials.password + "\r\n",
                                                        "PASS <redacted>\r\n", context.timeout);
    if (!written) co_return StepOutcome::fail(written.error().describe());
    co_return StepOutcome::pass();
  }
  net::awaitable<net::Outcome<std::set<std::string>>> capabilities(StepContext&) override {
    co_return std::set<std::string>{"LINES"};
  }
  std::string state() const override { return closed_ ? "closed" : "open"; }
  void closed() override { closed_ = true; }

 private:
  bool closed_ = false;
};

class LineProtocol : public Protocol {
 public:
  const scenario::ProtocolRules& rules() const override { return rules_; }
  std::string_view name() const override { return "line"; }
  Limits default_limits() const override {
    Limits limits;
    limits.max_line = 4096;
    return limits;
  }
  std::unique_ptr<Session> new_session() const override { return std::make_unique<LineSession>(); }

 private:
  LineRules rules_;
};

inline const Protocol& line_protocol(scenario::Protocol) {
  static const LineProtocol protocol;
  return protocol;
}

}  // namespace conformance::engine::testing
