// The fixture of the protocol session tests: one loopback connection on
// which a scripted server (tests/support/scripted_server.hpp) plays the
// server while a client script drives a fresh protocol session, as the
// engine would. The transcript, variables and findings stay for the checks.
#pragma once

#include "harness/engine/protocol.hpp"
#include "harness/net/connect.hpp"
#include "harness/net/listener.hpp"
#include "harness/net/transcript.hpp"
#include "harness/scenario/protocol_rules.hpp"
#include "tests/net/test_support.hpp"
#include "tests/support/scripted_server.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace conformance::test_support {

template <class SessionType>
struct SessionLoopback {
  using ClientScript = std::function<net::awaitable<void>(engine::StepContext&, SessionType&)>;

  engine::Limits limits;
  scenario::Variables variables;
  std::vector<engine::Finding> findings;
  std::shared_ptr<net::Transcript> transcript = std::make_shared<net::Transcript>();
  SessionType session;
  net::Duration timeout = 2s;     // every step's deadline
  std::size_t peak_buffered = 0;  // the most the client's stream ever buffered

  // Runs both scripts to their end; the server's connection is then closed
  // and the client's aborted. False, and a failed test, if they hung.
  bool run(ServerScript server, ClientScript client) {
    boost::asio::io_context io;
    auto listener = net::Listener::open(io.get_executor());
    if (!listener) {
      ADD_FAILURE() << listener.error().describe();
      return false;
    }
    net::testing::spawn(io, [&]() -> net::awaitable<void> {
      auto stream = co_await listener->accept(5s);
      if (!stream) throw std::runtime_error(stream.error().describe());
      co_await server(*stream);
      (void)co_await stream->close(1s);
    });
    net::testing::spawn(io, [&]() -> net::awaitable<void> {
      auto stream = co_await net::connect(listener->local_endpoint(), net::testing::recording_to(transcript));
      if (!stream) throw std::runtime_error(stream.error().describe());
      engine::StepContext context{*stream, timeout, limits, variables, findings};
      co_await client(context, session);
      peak_buffered = stream->stats().peak_buffered;
      stream->abort();
    });
    const bool finished = net::testing::run_until_idle(io, 20s);
    EXPECT_TRUE(finished) << "the scripted exchange hung";
    return finished;
  }

  std::string transcript_text() const {
    std::string text;
    for (const auto& event : transcript->events()) text += event.bytes;
    return text;
  }

  std::string findings_text() const {
    std::string text;
    for (const auto& finding : findings) text += finding.rfc + ": " + finding.message + "\n";
    return text;
  }
};

// Writes `bytes` and tells the session, as the engine does for a `send:` step.
inline net::awaitable<void> send(engine::StepContext& context, engine::Session& session, std::string bytes) {
  (void)co_await context.stream.write(bytes, 2s);
  session.sent(bytes);
}

// An `expect:` compiled by `rules`; a test's own mistake in it throws.
inline std::shared_ptr<const scenario::ExpectSpec> compiled_expect(const scenario::ProtocolRules& rules,
                                                                   const std::string& yaml) {
  scenario::Diagnostics diagnostics;
  auto compiled = rules.compile_expect(YAML::Load(yaml), "test.yaml", diagnostics);
  if (!compiled) throw std::runtime_error(diagnostics.empty() ? yaml : diagnostics.front().to_string());
  return compiled;
}

}  // namespace conformance::test_support
