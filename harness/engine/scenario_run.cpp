#include "harness/engine/scenario_run.hpp"

#include "harness/engine/login_variables.hpp"

#include "harness/codec/common/base64.hpp"
#include "harness/engine/open_connection.hpp"
#include "harness/engine/step_text.hpp"
#include "harness/net/transcript_text.hpp"
#include "harness/scenario/pattern.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <random>

namespace conformance::engine {

namespace {

using scenario::Scenario;
using scenario::Step;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxUnsolicitedBeforeClose = 1u << 20;  // expect_close: bytes we accept before EOF

std::chrono::milliseconds elapsed_ms(Clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since);
}

bool mentions_credentials(std::string_view text) {
  for (std::string_view name : {"${user}", "${password}", "${auth_plain}", "${address}"}) {
    if (text.find(name) != std::string_view::npos) return true;
  }
  return false;
}

bool needs_user(const Scenario& scenario) {
  if (!scenario.fixtures.empty()) return true;
  for (const Step& step : scenario.steps) {
    if (std::holds_alternative<scenario::LoginStep>(step.action)) return true;
    if (const auto* send = std::get_if<scenario::SendStep>(&step.action)) {
      for (const auto& part : send->parts) {
        if (mentions_credentials(part.text)) return true;
      }
    }
  }
  return false;
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
  return text;
}

int tls_version_rank(std::string_view version) {
  if (version == "SSLv3") return 0;
  if (version == "TLSv1") return 1;
  if (version == "TLSv1.0") return 1;
  if (version == "TLSv1.1") return 2;
  if (version == "TLSv1.2") return 3;
  if (version == "TLSv1.3") return 4;
  return -1;
}

}  // namespace

std::string describe_tls(const tls::TlsInfo& info) {
  if (!info.handshake_complete) {
    std::string text = "handshake failed";
    if (!info.verification.ok()) text += "; verification: " + info.verification.text;
    return text;
  }
  std::string text = info.version + " " + info.cipher;
  if (info.peer_certificate) text += ", subject " + info.peer_certificate->subject;
  text += info.verification.ok() ? ", verified" : ", NOT verified (" + info.verification.text + ")";
  if (info.hostname_matched) {
    text += *info.hostname_matched ? ", host " + info.expected_host + " matched" : ", host " + info.expected_host + " NOT matched";
  }
  return text;
}

RunContext::RunContext(Target target_in, RunSettings settings_in, ProtocolLookup protocols_in)
    : target(std::move(target_in)),
      settings(std::move(settings_in)),
      protocols(std::move(protocols_in)),
      users(target.users) {
  tls::ClientTlsConfig config;
  config.trust = target.ca_file.empty() ? tls::TrustStore::system() : tls::TrustStore::file(target.ca_file);
  config.insecure = target.insecure;
  auto context = tls::ClientContext::create(config);
  if (context) {
    tls = std::move(context.value());
  } else {
    tls_error = context.error().message;
  }
  static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device random;
  for (int i = 0; i < 6; ++i) run_id += kAlphabet[random() % 36];
}

std::string RunContext::unique_token() { return run_id + "-" + std::to_string(++next_unique); }

namespace {

class Execution {
 public:
  Execution(const Scenario& scenario, RunContext& run) : scenario_(scenario), run_(run) {}

  net::awaitable<result::ScenarioResult> run() {
    const auto started = Clock::now();
    result_ = result_for(scenario_);
    // No try/catch around this co_await: GCC 12 passes a garbage `this` to a
    // member coroutine co_awaited inside a try block. Nothing here throws for
    // what a server does; a bug that throws ends the run with its message.
    co_await run_guarded();
    co_await close_all();
    if (fixtures_set_up_) co_await tear_down_fixtures();
    if (user_index_) run_.users.release(*user_index_, scenario_.exclusive_user);
    collect_transcripts();
    apply_deviation();
    result_.duration = elapsed_ms(started);
    co_return std::move(result_);
  }

 private:
  void skip(std::string reason) {
    result_.verdict = result::Verdict::skipped;
    result_.reason = std::move(reason);
  }

  void error(std::string reason) {
    result_.verdict = result::Verdict::error;
    result_.reason = std::move(reason);
  }

  net::Duration step_timeout(const Step& step) const {
    return step.timeout ? net::Duration(*step.timeout) : net::Duration(run_.settings.step_timeout);
  }

  // --- Before the steps ---

  net::awaitable<bool> preflight() {
    for (const Step& step : scenario_.steps) {
      const auto* connect = std::get_if<scenario::ConnectStep>(&step.action);
      if (!connect) continue;
      auto choice = choose_endpoint(run_.target, scenario_.protocol, connect->service, connect->tls);
      if (!choice.endpoint) {
        skip("the target has no " + choice.missing + " endpoint");
        co_return false;
      }
      if ((choice.implicit_tls || choice.starttls || std::holds_alternative<scenario::StartTlsStep>(step.action)) &&
          !run_.tls) {
        error("cannot build the TLS client context: " + run_.tls_error);
        co_return false;
      }
    }
    for (const Step& step : scenario_.steps) {
      if (std::holds_alternative<scenario::StartTlsStep>(step.action) && !run_.tls) {
        error("cannot build the TLS client context: " + run_.tls_error);
        co_return false;
      }
    }
    if (needs_user(scenario_) && run_.users.empty()) {
      skip("needs a user: give --user and --password-env, or users in the target file");
      co_return false;
    }
    if (!scenario_.fixtures.empty() &&
        !choose_endpoint(run_.target, scenario::Protocol::imap, scenario::Service::main,
                         scenario::TlsMode::target_default)
             .endpoint) {
      skip("its fixtures are set up over IMAP (APPEND), and the target has no imap or imaps endpoint");
      co_return false;
    }
    if (!scenario_.fixtures.empty() && !run_.tls) {
      error("fixtures are set up over TLS, and the TLS client context failed: " + run_.tls_error);
      co_return false;
    }
    if (!scenario_.requires_capabilities.empty()) {
      scenario::Service service = scenario::Service::main;
      for (const Step& step : scenario_.steps) {
        if (const auto* connect = std::get_if<scenario::ConnectStep>(&step.action)) {
          service = connect->service;
          break;
        }
      }
      co_await probe_capabilities(scenario_.protocol, service, run_);
      const auto& probed = run_.capabilities[{scenario_.protocol, service}];
      if (!probed.error.empty() && probed.capabilities.empty()) {
        error("could not learn the server's capabilities: " + probed.error);
        co_return false;
      }
      std::string missing;
      for (const auto& wanted : scenario_.requires_capabilities) {
        if (!probed.capabilities.contains(upper(wanted))) missing += (missing.empty() ? "" : ", ") + wanted;
      }
      if (!missing.empty()) {
        skip("the server does not advertise " + missing);
        co_return false;
      }
    }
    co_return true;
  }

  void set_variables() {
    const Target& target = run_.target;
    variables_.set("host", target.host);
    variables_.set("domain", target.domain);
    variables_.set("client_name", run_.settings.client_name);
    variables_.set("run_id", run_.run_id);
    variables_.set("mailbox", "conformance-" + run_.unique_token());
    variables_.set("unique", run_.unique_token());
    if (user_index_) {
      const TargetUser& user = run_.users.user(*user_index_);
      set_login_variables(variables_, user.name, user.address, user.password);
      result_.user = user.name;
    }
  }

  net::awaitable<void> run_guarded() {
    // GCC 12 miscompiles co_await inside a condition or a ?: (a garbage
    // `this`, double frees): every co_await here is a plain statement.
    const bool ready = co_await preflight();
    if (!ready) co_return;
    if (needs_user(scenario_) || !run_.users.empty()) {
      // Every scenario leases a user when there are some, so exclusive ones
      // (POP3 maildrops, INBOX fixtures) never race a shared one.
      user_index_ = co_await run_.users.acquire(scenario_.exclusive_user);
    }
    set_variables();
    if (!scenario_.fixtures.empty()) {
      const bool fixtures_ready = co_await set_up_fixtures();
      if (!fixtures_ready) co_return;
    }
    co_await run_steps();
  }

  // --- Connections ---

  Connection& connection(const std::string& name) {
    auto it = connections_.find(name);
    if (it == connections_.end()) {
      Connection fresh;
      fresh.name = name;
      it = connections_.emplace(name, std::move(fresh)).first;
      order_.push_back(name);
    }
    return it->second;
  }

  std::shared_ptr<net::Transcript> new_transcript() {
    auto transcript = std::make_shared<net::Transcript>();
    // Belt and braces: whatever path a secret takes (a server echoing it,
    // a raw send), the stored record never holds it.
    auto secrets = variables_;
    transcript->set_redactor([secrets](net::Direction, std::string_view bytes) -> std::optional<std::string> {
      std::string scrubbed = secrets.scrub(bytes);
      if (scrubbed == bytes) return std::nullopt;
      return scrubbed;
    });
    return transcript;
  }

  StepContext context_for(Connection& conn, net::Duration timeout) { return opener_.context_for(conn, timeout); }

  net::awaitable<StepOutcome> open_connection(Connection& conn, scenario::Protocol protocol_id,
                                              scenario::Service service, scenario::TlsMode tls, bool read_greeting,
                                              net::Duration timeout) {
    auto choice = choose_endpoint(run_.target, protocol_id, service, tls);
    if (!choice.endpoint) co_return StepOutcome::fail("the target has no " + choice.missing + " endpoint");
    conn.transcript = new_transcript();
    OpenRequest request(*choice.endpoint, timeout);
    request.implicit_tls = choice.implicit_tls;
    request.starttls = choice.starttls;
    request.read_greeting = read_greeting;
    auto opened = co_await opener_.open(conn, run_.protocols(protocol_id), request);
    co_return std::move(opened.outcome);
  }

  // --- Fixtures ---

  std::optional<scenario::Fixtures> expanded_fixtures() {
    scenario::Fixtures fixtures = scenario_.fixtures;
    scenario::Expansion expansion;
    for (auto& mailbox : fixtures.mailboxes) {
      if (variables_.expand(mailbox, expansion)) return std::nullopt;
      mailbox = expansion.bytes;
    }
    for (auto& message : fixtures.messages) {
      if (variables_.expand(message.mailbox, expansion)) return std::nullopt;
      message.mailbox = expansion.bytes;
    }
    return fixtures;
  }

  net::awaitable<StepOutcome> with_fixture_connection(bool set_up, const scenario::Fixtures& fixtures) {
    Connection& conn = connection(set_up ? "fixtures" : "fixtures-teardown");
    const net::Duration timeout(run_.settings.step_timeout);
    // Credentials never cross the wire in clear for our own bookkeeping:
    // implicit TLS when there is an imaps endpoint, else STARTTLS.
    const bool has_imaps = run_.target.endpoints.contains("imaps");
    auto opened = co_await open_connection(conn, scenario::Protocol::imap, scenario::Service::main,
                                           has_imaps ? scenario::TlsMode::implicit : scenario::TlsMode::starttls, true,
                                           timeout);
    if (!opened.ok) co_return opened;
    StepContext context = context_for(conn, timeout);
    const TargetUser& user = run_.users.user(*user_index_);
    Credentials credentials{user.name, user.password};
    auto logged_in = co_await conn.session->login(credentials, "", true, context);
    if (!logged_in.ok) co_return logged_in;
    StepOutcome done;
    if (set_up) {
      done = co_await conn.session->set_up_fixtures(fixtures, context);
    } else {
      done = co_await conn.session->tear_down_fixtures(fixtures, context);
    }
    co_await close(conn);
    co_return done;
  }

  net::awaitable<bool> set_up_fixtures() {
    auto fixtures = expanded_fixtures();
    if (!fixtures) {
      error("a fixture mailbox name uses an unknown variable");
      co_return false;
    }
    fixtures_set_up_ = true;  // tear down whatever part was made, even on failure
    auto outcome = co_await with_fixture_connection(true, *fixtures);
    if (!outcome.ok) {
      error("setting up the fixtures failed: " + outcome.reason);
      co_return false;
    }
    co_return true;
  }

  net::awaitable<void> tear_down_fixtures() {
    auto fixtures = expanded_fixtures();
    if (!fixtures || !user_index_) co_return;
    auto outcome = co_await with_fixture_connection(false, *fixtures);
    if (!outcome.ok) result_.findings.push_back(result::Finding{"", "fixture teardown failed: " + outcome.reason, ""});
  }

  // --- Steps ---

  net::awaitable<void> run_steps() {
    const std::string default_connection = scenario_.connections.empty() ? "main" : scenario_.connections.front();
    for (std::size_t index = 0; index < scenario_.steps.size(); ++index) {
      const Step& step = scenario_.steps[index];
      const std::string name = step.connection.empty() ? default_connection : step.connection;
      Connection& conn = connection(name);
      const auto started = Clock::now();
      result::StepRecord record;
      record.index = index;
      record.kind = step.kind;
      record.connection = name;
      record.location = step.where.to_string();
      const std::size_t findings_before = findings_.size();
      StepOutcome outcome = co_await run_step(step, conn, record);
      record.duration = elapsed_ms(started);
      record.ok = outcome.ok;
      record.reason = variables_.scrub(outcome.reason);
      record.expected = variables_.scrub(outcome.expected);
      record.received = variables_.scrub(outcome.received);
      for (std::size_t i = findings_before; i < findings_.size(); ++i) {
        result_.findings.push_back(result::Finding{findings_[i].rfc, variables_.scrub(findings_[i].message), name});
      }
      result_.steps.push_back(record);
      if (!outcome.ok) {
        result_.failed_step = record;
        fail(record.reason);
        co_return;
      }
    }
    if (!result_.findings.empty()) {
      const auto& first = result_.findings.front();
      fail("protocol violation" + (first.rfc.empty() ? std::string() : " (" + first.rfc + ")") + ": " + first.message);
    }
  }

  void fail(std::string reason) {
    result_.verdict = scenario_.level == scenario::Level::must ? result::Verdict::failed : result::Verdict::warned;
    result_.reason = std::move(reason);
  }

  net::awaitable<StepOutcome> run_step(const Step& step, Connection& conn, result::StepRecord& record) {
    const net::Duration timeout = step_timeout(step);
    const bool is_connect = std::holds_alternative<scenario::ConnectStep>(step.action);
    // These need no open connection: a state can be asserted after a close.
    const bool is_wait = std::holds_alternative<scenario::WaitStep>(step.action) ||
                         (std::holds_alternative<scenario::StateAssertStep>(step.action) && conn.session);
    if (!is_connect && !is_wait && (!conn.stream || !conn.open)) {
      record.summary = step.kind;
      co_return StepOutcome::fail("connection '" + conn.name + "' is not open");
    }
    if (const auto* connect = std::get_if<scenario::ConnectStep>(&step.action)) {
      if (conn.open) co_await close(conn);
      auto choice = choose_endpoint(run_.target, scenario_.protocol, connect->service, connect->tls);
      record.summary = "connect " + (choice.endpoint ? choice.endpoint->url : std::string("?")) +
                       (choice.implicit_tls ? " (implicit TLS)" : choice.starttls ? " (STARTTLS)" : "");
      co_return co_await open_connection(conn, scenario_.protocol, connect->service, connect->tls,
                                         connect->read_greeting, timeout);
    }
    if (const auto* send = std::get_if<scenario::SendStep>(&step.action)) {
      co_return co_await run_send(*send, conn, timeout, record);
    }
    if (const auto* expect = std::get_if<scenario::ExpectStep>(&step.action)) {
      record.summary = "expect " + expect->spec->describe();
      StepContext context = context_for(conn, timeout);
      auto outcome = co_await conn.session->expect(*expect->spec, context);
      if (!outcome.ok && outcome.expected.empty()) outcome.expected = expect->spec->describe();
      co_return outcome;
    }
    if (const auto* starttls_step = std::get_if<scenario::StartTlsStep>(&step.action)) {
      record.summary = starttls_step->expect_success ? "starttls" : "starttls (must be refused)";
      if (starttls_step->expect_success) {
        auto upgraded = co_await opener_.starttls(conn, timeout);
        co_return upgraded;
      }
      StepContext context = context_for(conn, timeout);
      auto agreed = co_await conn.session->request_starttls(context);
      if (agreed.ok) {
        co_return StepOutcome::fail("the server agreed to STARTTLS where it must refuse", "a refusal",
                                    agreed.received);
      }
      co_return StepOutcome::pass(agreed.received);
    }
    if (const auto* tls_step = std::get_if<scenario::TlsAssertStep>(&step.action)) {
      record.summary = "tls assertions";
      co_return check_tls(*tls_step, conn);
    }
    if (const auto* state = std::get_if<scenario::StateAssertStep>(&step.action)) {
      record.summary = "state " + state->state;
      const std::string now = conn.session->state();
      if (now != state->state) co_return StepOutcome::fail("the state is " + now, state->state, now);
      co_return StepOutcome::pass(now);
    }
    if (const auto* login = std::get_if<scenario::LoginStep>(&step.action)) {
      record.summary = "login" + (login->mechanism.empty() ? std::string() : " " + login->mechanism) +
                       (login->expect_success ? "" : " (must fail)");
      const TargetUser& user = run_.users.user(*user_index_);
      Credentials credentials{user.name, login->expect_success ? user.password : user.password + "-wrong"};
      StepContext context = context_for(conn, timeout);
      co_return co_await conn.session->login(credentials, login->mechanism, login->expect_success, context);
    }
    if (std::holds_alternative<scenario::ExpectCloseStep>(step.action)) {
      record.summary = "expect the server to close";
      co_return co_await expect_close(conn, timeout);
    }
    if (const auto* close_step = std::get_if<scenario::CloseStep>(&step.action)) {
      record.summary = close_step->abort ? "close (RST)" : "close";
      if (close_step->abort) {
        conn.stream->abort();
        conn.open = false;
        conn.session->closed();
      } else {
        co_await close(conn);
      }
      co_return StepOutcome::pass();
    }
    if (const auto* wait = std::get_if<scenario::WaitStep>(&step.action)) {
      record.summary = "wait " + scenario::format_duration(wait->duration);
      boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
      timer.expires_after(wait->duration);
      co_await timer.async_wait(boost::asio::use_awaitable);
      co_return StepOutcome::pass();
    }
    co_return StepOutcome::fail("step kind '" + step.kind + "' is not implemented");
  }

  net::awaitable<StepOutcome> run_send(const scenario::SendStep& send, Connection& conn, net::Duration timeout,
                                       result::StepRecord& record) {
    std::string bytes, rendering;
    std::string summary;
    auto flush = [&](bool final) -> net::awaitable<StepOutcome> {
      if (bytes.empty()) co_return StepOutcome::pass();
      if (send.secret) rendering = "<redacted>" + std::string(final && bytes.ends_with("\r\n") ? "\r\n" : "");
      if (auto redacted = conn.session->redact(bytes)) rendering = *redacted;
      rendering = variables_.scrub(rendering);
      summary += rendering;
      net::Status written;
      if (rendering == bytes) {
        written = co_await conn.stream->write(bytes, timeout);
      } else {
        written = co_await conn.stream->write_secret(bytes, rendering, timeout);
      }
      conn.session->sent(bytes);
      if (auto tag = conn.session->last_tag()) variables_.set("tag", *tag);
      bytes.clear();
      rendering.clear();
      if (!written) co_return StepOutcome::fail("cannot send: " + written.error().describe());
      co_return StepOutcome::pass();
    };

    for (std::size_t i = 0; i < send.parts.size(); ++i) {
      const auto& part = send.parts[i];
      scenario::Expansion expansion;
      if (auto missing = variables_.expand(part.text, expansion)) {
        record.summary = "send";
        co_return StepOutcome::fail("variable ${" + *missing + "} is not set");
      }
      switch (part.kind) {
        case scenario::SendPart::Kind::line:
          bytes += expansion.bytes + "\r\n";
          rendering += expansion.rendering + "\r\n";
          break;
        case scenario::SendPart::Kind::raw:
          bytes += expansion.bytes;
          rendering += expansion.rendering;
          break;
        case scenario::SendPart::Kind::message:
          bytes += conn.session->encode_message(expansion.bytes);
          rendering += conn.session->encode_message(expansion.rendering);
          break;
        case scenario::SendPart::Kind::literal: {
          // The literal's announcement ends the line before it: "... {N}\r\n".
          for (std::string* text : {&bytes, &rendering}) {
            if (text->ends_with("\r\n")) text->resize(text->size() - 2);
            if (!text->empty() && text->back() != ' ') *text += ' ';
          }
          const std::string announce =
              "{" + std::to_string(expansion.bytes.size()) + (part.synchronizing ? "}" : "+}") + "\r\n";
          bytes += announce;
          rendering += announce;
          if (part.synchronizing) {
            auto sent = co_await flush(false);
            if (!sent.ok) {
              record.summary = "send " + one_line(summary);
              co_return sent;
            }
            StepContext context = context_for(conn, timeout);
            auto go_ahead = co_await conn.session->await_continuation(context);
            if (!go_ahead.ok) {
              record.summary = "send " + one_line(summary);
              co_return go_ahead;
            }
          }
          bytes += expansion.bytes;
          rendering += expansion.rendering;
          if (i + 1 == send.parts.size()) {
            bytes += "\r\n";
            rendering += "\r\n";
          }
          break;
        }
      }
    }
    auto sent = co_await flush(true);
    record.summary = "send " + one_line(summary);
    co_return sent;
  }

  StepOutcome check_tls(const scenario::TlsAssertStep& step, Connection& conn) {
    const auto& info = conn.stream->tls_info();
    if (!info || !info->handshake_complete || !conn.stream->is_tls()) {
      return StepOutcome::fail("this connection is not using TLS", "TLS", "plaintext");
    }
    const std::string received = describe_tls(*info);
    if (!step.versions.empty() &&
        std::find(step.versions.begin(), step.versions.end(), info->version) == step.versions.end()) {
      std::string list;
      for (const auto& v : step.versions) list += (list.empty() ? "" : " or ") + v;
      return StepOutcome::fail("TLS version " + info->version, list, received);
    }
    if (step.min_version && tls_version_rank(info->version) < tls_version_rank(*step.min_version)) {
      return StepOutcome::fail("TLS version " + info->version + " is below " + *step.min_version,
                               *step.min_version + " or later", received);
    }
    if (step.verified && *step.verified != info->verification.ok()) {
      return StepOutcome::fail(info->verification.ok() ? "the certificate verified"
                                                       : "the certificate did not verify: " + info->verification.text,
                               *step.verified ? "verified" : "not verified", received);
    }
    if (step.hostname_matched && info->hostname_matched != step.hostname_matched) {
      return StepOutcome::fail("host-name check: " + std::string(info->hostname_matched.value_or(false)
                                                                     ? "matched"
                                                                     : "did not match " + info->expected_host),
                               *step.hostname_matched ? "matched" : "not matched", received);
    }
    if (step.subject) {
      auto pattern = scenario::Pattern::compile(*step.subject);
      const std::string subject = info->peer_certificate ? info->peer_certificate->subject : std::string();
      if (!pattern || !pattern->matches(subject)) {
        return StepOutcome::fail("certificate subject " + subject, "~ /" + *step.subject + "/", received);
      }
    }
    if (step.cipher) {
      auto pattern = scenario::Pattern::compile(*step.cipher);
      if (!pattern || !pattern->matches(info->cipher)) {
        return StepOutcome::fail("cipher " + info->cipher, "~ /" + *step.cipher + "/", received);
      }
    }
    return StepOutcome::pass(received);
  }

  net::awaitable<StepOutcome> expect_close(Connection& conn, net::Duration timeout) {
    const auto deadline = Clock::now() + timeout;
    std::size_t received = 0;
    std::string sample;
    for (;;) {
      const auto left = deadline - Clock::now();
      if (left <= net::Duration::zero()) break;
      auto bytes = co_await conn.stream->read_some(64 * 1024, left);
      if (!bytes) {
        const auto code = bytes.error().code;
        if (code == net::ErrorCode::closed_by_peer || code == net::ErrorCode::reset) {
          conn.open = false;
          conn.session->closed();
          co_return StepOutcome::pass(bytes.error().describe());
        }
        if (code == net::ErrorCode::timeout) break;
        co_return StepOutcome::fail("waiting for the close: " + bytes.error().describe());
      }
      received += bytes->size();
      if (sample.size() < 200) sample += bytes->substr(0, 200 - sample.size());
      if (received > kMaxUnsolicitedBeforeClose) {
        co_return StepOutcome::fail("the server kept sending instead of closing", "the connection closed",
                                    one_line(sample));
      }
    }
    co_return StepOutcome::fail("the server did not close the connection within " + net::describe_duration(timeout),
                                "the connection closed", sample.empty() ? "nothing" : one_line(sample));
  }

  // --- After the steps ---

  net::awaitable<void> close(Connection& conn) { co_await opener_.close(conn); }

  net::awaitable<void> close_all() {
    for (const auto& name : order_) co_await close(connections_.at(name));
  }

  void collect_transcripts() {
    for (const auto& name : order_) {
      const Connection& conn = connections_.at(name);
      if (!conn.transcript) continue;
      result::ConnectionTranscript transcript;
      transcript.name = name;
      transcript.endpoint = conn.endpoint_url;
      transcript.events = conn.transcript->events();
      transcript.dropped_bytes = conn.transcript->dropped_bytes();
      if (conn.stream && conn.stream->tls_info()) transcript.tls_summary = describe_tls(*conn.stream->tls_info());
      result_.transcripts.push_back(std::move(transcript));
    }
  }

  void apply_deviation() { engine::apply_deviation(result_, run_.target.deviation_for(scenario_.id)); }

  const Scenario& scenario_;
  RunContext& run_;
  scenario::Variables variables_;
  Limits limits_ = run_.protocols(scenario_.protocol).default_limits();
  std::vector<Finding> findings_;
  ConnectionOpener opener_{run_, scenario_.protocol, run_.target.server_name, limits_, variables_, findings_};
  std::map<std::string, Connection> connections_;
  std::vector<std::string> order_;
  std::optional<std::size_t> user_index_;
  bool fixtures_set_up_ = false;
  result::ScenarioResult result_;
};

}  // namespace

result::ScenarioResult result_for(const scenario::Scenario& scenario) {
  result::ScenarioResult result;
  result.id = scenario.id;
  result.title = scenario.title;
  result.protocol = std::string(scenario::to_string(scenario.protocol));
  result.rfc = scenario.rfc;
  result.level = std::string(scenario::to_string(scenario.level));
  result.tags = scenario.tags;
  result.file = scenario.file;
  return result;
}

net::awaitable<result::ScenarioResult> run_scenario(const scenario::Scenario& scenario, RunContext& run) {
  Execution execution(scenario, run);
  co_return co_await execution.run();
}

namespace {

// Why the probe could not open its connection, in the probe's words.
std::string probe_failure(const Opened& opened) {
  switch (opened.failed_at) {
    case Opened::Stage::none:
      return {};
    case Opened::Stage::connect:
      return opened.cause;
    case Opened::Stage::tls:
      return "TLS: " + opened.cause;
    case Opened::Stage::greeting:
      return "greeting: " + opened.cause;
    case Opened::Stage::starttls:
      return "STARTTLS: " + opened.cause;
  }
  return opened.cause;
}

}  // namespace

net::awaitable<void> probe_capabilities(scenario::Protocol protocol_id, scenario::Service service, RunContext& run) {
  auto& probed = run.capabilities[{protocol_id, service}];
  while (probed.done == false && probed.error == "probing") {
    // Another scenario is probing; wait for it.
    boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
    timer.expires_after(std::chrono::milliseconds(20));
    co_await timer.async_wait(boost::asio::use_awaitable);
  }
  if (probed.done) co_return;
  probed.error = "probing";
  const Protocol& proto = run.protocols(protocol_id);
  const net::Duration timeout(run.settings.step_timeout);
  auto choice = choose_endpoint(run.target, protocol_id, service, scenario::TlsMode::target_default);
  std::string failure;
  if (!choice.endpoint) {
    failure = "the target has no " + choice.missing + " endpoint";
  } else {
    scenario::Variables variables;
    variables.set("client_name", run.settings.client_name);
    std::vector<Finding> findings;
    const Limits limits = proto.default_limits();
    ConnectionOpener opener(run, protocol_id,
                            run.target.server_name.empty() ? choice.endpoint->host : run.target.server_name, limits,
                            variables, findings);
    Connection conn;
    OpenRequest request(*choice.endpoint, timeout);
    // Without a TLS context the probe tries plaintext; whether to STARTTLS
    // it decides below, from what the server advertises.
    request.implicit_tls = choice.implicit_tls && run.tls;
    auto opened = co_await opener.open(conn, proto, request);
    probed.reached = conn.open;
    failure = probe_failure(opened);
    if (conn.open) {
      StepContext context = opener.context_for(conn, timeout);
      bool tls_on = request.implicit_tls;
      auto gather = [&](const net::Outcome<std::set<std::string>>& caps) {
        if (caps) probed.capabilities.insert(caps->begin(), caps->end());
        return caps.ok();
      };
      if (failure.empty()) {
        auto caps = co_await conn.session->capabilities(context);
        if (!gather(caps)) failure = "capabilities: " + caps.error().describe();
      }
      const bool offers_starttls =
          probed.capabilities.contains("STARTTLS") || probed.capabilities.contains("STLS");
      if (failure.empty() && !tls_on && offers_starttls && run.tls) {
        auto upgraded = co_await opener.starttls(conn, timeout);
        if (upgraded.ok) {
          tls_on = true;
          auto caps = co_await conn.session->capabilities(context);
          gather(caps);
        }
      }
      if (failure.empty() && tls_on && !run.users.empty()) {  // never a password in clear for a probe
        const TargetUser& user = run.users.user(0);
        Credentials credentials{user.name, user.password};
        auto logged_in = co_await conn.session->login(credentials, "", true, context);
        if (logged_in.ok) {
          auto caps = co_await conn.session->capabilities(context);
          gather(caps);
        }
      }
      co_await opener.close(conn);
    }
  }
  probed.error = failure;
  probed.done = true;
}

}  // namespace conformance::engine
