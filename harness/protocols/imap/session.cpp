#include "harness/protocols/imap/session.hpp"

#include <algorithm>
#include <cctype>

#include "harness/codec/imap/command/serialize_command.hpp"
#include "harness/codec/sasl/factory.hpp"
#include "harness/codec/sasl/wire.hpp"
#include "harness/protocols/imap/collector.hpp"
#include "harness/protocols/imap/redaction.hpp"
#include "harness/protocols/imap/response_reader.hpp"
#include "harness/protocols/imap/rules.hpp"

namespace conformance::protocols::imap {

namespace {

namespace ci = codec::imap;
namespace cmd = codec::imap::command;
using engine::StepContext;
using engine::StepOutcome;

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

std::string describe_read_error(const net::Error& error) {
  if (error.code == net::ErrorCode::closed_by_peer) return "the server closed the connection";
  if (error.code == net::ErrorCode::reset) return "the server reset the connection";
  return error.describe();
}

std::string describe_reply(const ci::StatusResponse& reply) {
  std::string text = reply.tag.value_or("*") + " " + std::string(ci::status_name(reply.status));
  if (reply.text.code) text += " [" + code_name_text(*reply.text.code) + "]";
  if (!reply.text.text.empty()) text += " " + one_line(reply.text.text, 200);
  return text;
}

const ImapExpect& greeting_expect() {
  static const ImapExpect expect = [] {
    ImapExpect greeting;
    greeting.greeting = GreetingCheck{};
    return greeting;
  }();
  return expect;
}

// Renderings for LOGIN's pieces: everything up to the password as sent,
// the password (and what follows it) as "<redacted>".
std::vector<std::string> login_renderings(const std::string& bytes, std::size_t password_at,
                                          const std::vector<std::size_t>& points) {
  std::vector<std::string> renderings;
  std::size_t begin = 0;
  auto piece = [&](std::size_t end) {
    std::string rendering = bytes.substr(begin, std::min(end, password_at) - std::min(begin, password_at));
    if (begin >= password_at) rendering.clear();
    if (end > password_at) rendering += "<redacted>" + std::string(end == bytes.size() ? "\r\n" : "");
    renderings.push_back(std::move(rendering));
    begin = end;
  };
  for (std::size_t point : points) piece(point);
  piece(bytes.size());
  return renderings;
}

class ImapProtocol final : public engine::Protocol {
 public:
  const scenario::ProtocolRules& rules() const override { return imap_rules(); }
  std::string_view name() const override { return "imap"; }
  bool provides_fixtures() const override { return true; }
  std::unique_ptr<engine::Session> new_session() const override { return std::make_unique<ImapSession>(); }
};

}  // namespace

const engine::Protocol& imap_protocol() {
  static const ImapProtocol protocol;
  return protocol;
}

// --- Reading ---

net::awaitable<net::Outcome<Received>> ImapSession::next_response(StepContext& context, Clock::time_point deadline) {
  if (!backlog_.empty()) {
    Received kept = std::move(backlog_.front());
    backlog_.pop_front();
    co_return kept;
  }
  const auto left = deadline - Clock::now();
  if (left <= Clock::duration::zero()) {
    co_return net::Error{net::ErrorCode::timeout, "no response within " + net::describe_duration(context.timeout)};
  }
  std::vector<Violation> violations;
  auto received = co_await read_response(context.stream, context.limits, left, violations);
  if (!received) {
    const auto code = received.error().code;
    if (code == net::ErrorCode::closed_by_peer || code == net::ErrorCode::reset) conversation_.closed();
    co_return received.error();
  }
  auto found = conversation_.received(received->response);
  violations.insert(violations.end(), found.begin(), found.end());
  for (auto& violation : violations) {
    context.findings.push_back(engine::Finding{std::move(violation.rfc), std::move(violation.message)});
  }
  learn_capabilities(received->response);
  co_return received;
}

void ImapSession::learn_capabilities(const ci::Response& response) {
  std::optional<std::vector<std::string>> advertised;
  if (const auto* data = std::get_if<ci::CapabilityData>(&response)) advertised = data->capabilities;
  if (const auto* status = as_status(response)) {
    if (status->text.code && status->text.code->kind == ci::CodeKind::capability) {
      advertised = status->text.code->list;
    }
  }
  if (!advertised) return;
  std::set<std::string> capabilities;
  for (const auto& capability : *advertised) capabilities.insert(upper(capability));
  capabilities_ = std::move(capabilities);
}

bool ImapSession::advertises(std::string_view capability) const {
  return capabilities_ && capabilities_->contains(upper(capability));
}

net::awaitable<StepOutcome> ImapSession::run_expect(const ImapExpect& spec, StepContext& context) {
  ExpectCollector collector(spec, context.variables);
  if (collector.setup_error()) co_return StepOutcome::fail(*collector.setup_error(), spec.describe());
  const auto deadline = Clock::now() + context.timeout;
  std::vector<Received> deferred;
  std::string stopped;
  std::size_t responses = 0;
  for (;;) {
    auto received = co_await next_response(context, deadline);
    if (!received) {
      stopped = describe_read_error(received.error());
      break;
    }
    if (++responses > context.limits.max_untagged) {
      stopped = "more than " + std::to_string(context.limits.max_untagged) + " responses";
      break;
    }
    const auto take = collector.offer(*received);
    if (take == ExpectCollector::Take::keep_for_later) {
      deferred.push_back(std::move(*received));
      continue;
    }
    if (take != ExpectCollector::Take::more) break;
  }
  for (auto it = deferred.rbegin(); it != deferred.rend(); ++it) backlog_.push_front(std::move(*it));
  Verdict verdict = collector.verdict(context.variables, stopped);
  if (!verdict.ok) co_return StepOutcome::fail(verdict.reason, verdict.expected, verdict.received);
  for (auto& [name, value] : verdict.captures) context.variables.set(name, value);
  co_return StepOutcome::pass(verdict.received);
}

net::awaitable<StepOutcome> ImapSession::read_greeting(StepContext& context) {
  co_return co_await run_expect(greeting_expect(), context);
}

net::awaitable<StepOutcome> ImapSession::expect(const scenario::ExpectSpec& spec, StepContext& context) {
  const auto* imap = dynamic_cast<const ImapExpect*>(&spec);
  if (!imap) co_return StepOutcome::fail("not an IMAP expectation");
  co_return co_await run_expect(*imap, context);
}

net::awaitable<StepOutcome> ImapSession::await_continuation(StepContext& context) {
  const auto deadline = Clock::now() + context.timeout;
  const std::string tag = conversation_.last_tag().value_or("");
  std::vector<Received> kept;
  StepOutcome outcome = StepOutcome::pass();
  for (;;) {
    auto received = co_await next_response(context, deadline);
    if (!received) {
      outcome = StepOutcome::fail(describe_read_error(received.error()) + " while waiting for the continuation request",
                                  "+ continuation");
      break;
    }
    if (is_continuation(received->response)) {
      outcome = StepOutcome::pass(one_line(received->raw));
      break;
    }
    const bool refusal = is_tagged(received->response) && *as_status(received->response)->tag == tag;
    const std::string line = one_line(received->raw);
    kept.push_back(std::move(*received));
    if (refusal) {
      outcome = StepOutcome::fail("the server answered the literal's command instead of asking for the literal",
                                  "+ continuation", line);
      break;
    }
  }
  // What came before the "+" belongs to the command's expect step.
  for (auto& received : kept) backlog_.push_back(std::move(received));
  co_return outcome;
}

// --- Writing ---

void ImapSession::sent(std::string_view bytes) {
  const std::size_t before = conversation_.commands_sent();
  conversation_.sent(bytes);
  // Lines that are not commands (a literal's data, DONE, SASL responses) keep the tag.
  if (conversation_.commands_sent() != before) scenario_tag_ = conversation_.last_tag();
}

std::optional<std::string> ImapSession::redact(std::string_view bytes) const {
  return redact_client_bytes(bytes, conversation_.authenticating());
}

net::awaitable<net::Status> ImapSession::write(std::string bytes, std::optional<std::string> rendering,
                                               StepContext& context, Clock::time_point deadline) {
  const auto left = std::max<Clock::duration>(deadline - Clock::now(), std::chrono::milliseconds(1));
  conversation_.sent(bytes);
  if (rendering) co_return co_await context.stream.write_secret(std::move(bytes), std::move(*rendering), left);
  co_return co_await context.stream.write(std::move(bytes), left);
}

net::awaitable<ImapSession::ReplyOutcome> ImapSession::command(std::string tag, std::string bytes,
                                                               std::vector<std::size_t> continuation_points,
                                                               std::optional<std::vector<std::string>> renderings,
                                                               StepContext& context) {
  const auto deadline = Clock::now() + context.timeout;
  Reply reply;
  std::size_t begin = 0;
  continuation_points.push_back(bytes.size());
  for (std::size_t piece = 0; piece < continuation_points.size(); ++piece) {
    const std::size_t end = continuation_points[piece];
    std::optional<std::string> rendering;
    if (renderings && piece < renderings->size()) rendering = (*renderings)[piece];
    std::string piece_bytes = bytes.substr(begin, end - begin);
    auto written = co_await write(std::move(piece_bytes), std::move(rendering), context, deadline);
    if (!written) co_return "cannot send " + tag + ": " + written.error().describe();
    begin = end;
    const bool last = piece + 1 == continuation_points.size();
    for (;;) {
      auto received = co_await next_response(context, deadline);
      if (!received) co_return describe_read_error(received.error()) + " while waiting for the reply to " + tag;
      if (is_continuation(received->response)) {
        if (!last) break;
        co_return "unexpected continuation request in reply to " + tag + ": " + one_line(received->raw);
      }
      if (is_tagged(received->response)) {
        const auto& status = std::get<ci::StatusResponse>(received->response);
        if (*status.tag == tag) {
          reply.tagged = status;
          co_return reply;
        }
        backlog_.push_back(std::move(*received));
        continue;
      }
      if (reply.untagged.size() >= context.limits.max_untagged) {
        co_return "more than " + std::to_string(context.limits.max_untagged) + " responses to " + tag;
      }
      reply.untagged.push_back(std::move(*received));
    }
  }
  co_return "no reply to " + tag;
}

net::awaitable<ImapSession::ReplyOutcome> ImapSession::simple_command(std::string_view text, StepContext& context) {
  std::string tag = conversation_.next_internal_tag();
  std::string bytes = tag + " " + std::string(text) + "\r\n";
  std::vector<std::size_t> no_literals;
  std::optional<std::vector<std::string>> no_renderings;
  co_return co_await command(std::move(tag), std::move(bytes), std::move(no_literals), std::move(no_renderings),
                             context);
}

// --- TLS, capabilities, login ---

net::awaitable<StepOutcome> ImapSession::request_starttls(StepContext& context) {
  auto reply = co_await simple_command("STARTTLS", context);
  if (!reply) co_return StepOutcome::fail(reply.error(), "OK to STARTTLS");
  const std::string received = describe_reply(reply->tagged);
  if (reply->tagged.status != ci::Status::ok) {
    co_return StepOutcome::fail("STARTTLS refused: " + received, "OK to STARTTLS", received);
  }
  co_return StepOutcome::pass(received);
}

void ImapSession::tls_started() {
  // RFC 9051 §6.2.1: what was learnt before TLS is discarded.
  capabilities_.reset();
  backlog_.clear();
}

net::awaitable<net::Outcome<std::set<std::string>>> ImapSession::capabilities(StepContext& context) {
  if (capabilities_) co_return *capabilities_;
  auto reply = co_await simple_command("CAPABILITY", context);
  if (!reply) co_return net::Error{net::ErrorCode::io_error, reply.error()};
  if (reply->tagged.status != ci::Status::ok || !capabilities_) {
    co_return net::Error{net::ErrorCode::decode_failed,
                         "CAPABILITY gave no capability list: " + describe_reply(reply->tagged)};
  }
  co_return *capabilities_;
}

net::awaitable<ImapSession::ReplyOutcome> ImapSession::login_command(const engine::Credentials& credentials,
                                                                     StepContext& context) {
  std::string tag = conversation_.next_internal_tag();
  ci::WriterOptions options;
  options.non_synchronizing_literals = advertises("LITERAL+");
  cmd::Command login;
  login.tag = tag;
  login.body = cmd::Login{credentials.user, credentials.password};
  auto serialized = cmd::serialize_command(login, options);
  ci::Writer prefix(options);
  prefix.raw(tag).sp().raw("LOGIN").sp().astring(credentials.user).sp();
  std::optional<std::vector<std::string>> renderings =
      login_renderings(serialized.bytes, prefix.bytes().size(), serialized.continuation_points);
  co_return co_await command(std::move(tag), std::move(serialized.bytes), std::move(serialized.continuation_points),
                             std::move(renderings), context);
}

net::awaitable<ImapSession::ReplyOutcome> ImapSession::authenticate(const engine::Credentials& credentials,
                                                                    std::string_view mechanism_name,
                                                                    StepContext& context) {
  namespace sasl = codec::sasl;
  auto mechanism = sasl::mechanism_from_name(mechanism_name);
  if (!mechanism) co_return "unknown SASL mechanism " + std::string(mechanism_name);
  sasl::ClientCredentials client_credentials;
  client_credentials.username = credentials.user;
  client_credentials.password = sasl::Secret(credentials.password);
  auto client = sasl::make_client(*mechanism, client_credentials);
  if (!client) co_return "cannot run SASL " + std::string(mechanism_name) + " here";

  const auto deadline = Clock::now() + context.timeout;
  const std::string tag = conversation_.next_internal_tag();
  std::string line = tag + " AUTHENTICATE " + std::string(sasl::mechanism_name(*mechanism));
  std::string rendering = line;
  if (auto initial = client->start(advertises("SASL-IR"))) {
    line += " " + sasl::encode_initial_response(*initial);
    rendering += " <redacted>";
  }
  line += "\r\n";
  rendering += "\r\n";
  auto written = co_await write(std::move(line), std::move(rendering), context, deadline);
  if (!written) co_return "cannot send " + tag + ": " + written.error().describe();
  Reply reply;
  for (;;) {
    auto received = co_await next_response(context, deadline);
    if (!received) co_return describe_read_error(received.error()) + " while authenticating";
    if (const auto* challenge = std::get_if<ci::ContinuationRequest>(&received->response)) {
      auto decoded = challenge->decoded_base64();
      std::optional<std::string> response;
      if (decoded) {
        auto answered = client->respond(*decoded);
        if (answered) response = std::move(answered.value());
      }
      // A challenge we cannot answer cancels the exchange (RFC 9051 §6.2.2).
      std::string next = response ? sasl::encode_response(*response) : std::string(sasl::kCancelLine);
      next += "\r\n";
      std::optional<std::string> shown;
      if (response) shown = "<redacted>\r\n";
      auto sent_line = co_await write(std::move(next), std::move(shown), context, deadline);
      if (!sent_line) co_return "cannot send the SASL response: " + sent_line.error().describe();
      continue;
    }
    if (is_tagged(received->response)) {
      const auto& status = std::get<ci::StatusResponse>(received->response);
      if (*status.tag == tag) {
        reply.tagged = status;
        co_return reply;
      }
      backlog_.push_back(std::move(*received));
      continue;
    }
    reply.untagged.push_back(std::move(*received));
  }
}

net::awaitable<StepOutcome> ImapSession::login(const engine::Credentials& credentials, std::string_view mechanism,
                                               bool expect_success, StepContext& context) {
  std::string chosen = upper(mechanism);
  // Servers that refuse LOGIN here (RFC 9051 §6.2.3, LOGINDISABLED) get
  // AUTHENTICATE PLAIN when they offer it.
  if (chosen.empty() && advertises("LOGINDISABLED") && advertises("AUTH=PLAIN")) chosen = "PLAIN";
  // Two statements, not one conditional expression: GCC 12 mishandles
  // co_await inside ?: (the frame's temporaries are destroyed twice).
  ReplyOutcome reply = std::string("not attempted");
  if (chosen.empty()) {
    reply = co_await login_command(credentials, context);
  } else {
    reply = co_await authenticate(credentials, chosen, context);
  }
  if (!reply) co_return StepOutcome::fail(reply.error());
  const ci::StatusResponse& tagged = reply->tagged;
  const std::string received = describe_reply(tagged);
  const std::string how = chosen.empty() ? "LOGIN" : "AUTHENTICATE " + chosen;
  if (tagged.status == ci::Status::ok) {
    // RFC 9051 §6.2.2/§6.2.3: capabilities may change after login; only a
    // CAPABILITY code in the OK states the new ones.
    if (!(tagged.text.code && tagged.text.code->kind == ci::CodeKind::capability)) capabilities_.reset();
    if (expect_success) co_return StepOutcome::pass(received);
    co_return StepOutcome::fail(how + " with a wrong password succeeded", "NO", received);
  }
  if (!expect_success && tagged.status == ci::Status::no) co_return StepOutcome::pass(received);
  co_return StepOutcome::fail(how + " failed: " + received, expect_success ? "OK" : "NO", received);
}

}  // namespace conformance::protocols::imap
