#include "harness/protocols/pop3/session.hpp"

#include <algorithm>

#include "harness/codec/common/line.hpp"
#include "harness/codec/pop3/response_decoder.hpp"
#include "harness/protocols/pop3/ascii.hpp"
#include "harness/protocols/pop3/expectation.hpp"
#include "harness/protocols/pop3/redaction.hpp"
#include "harness/protocols/pop3/reply_matcher.hpp"
#include "harness/protocols/pop3/reply_text.hpp"
#include "harness/protocols/pop3/rules.hpp"
#include "harness/scenario/duration.hpp"

namespace conformance::protocols::pop3 {
namespace {

using codec::pop3::ResponseShape;
using codec::pop3::Status;
using engine::StepContext;
using engine::StepOutcome;

// Caps from the run; the leniencies let a deviating reply through so the
// step can still be judged, and the conversation reports each one.
codec::pop3::ResponseLimits response_limits(const engine::Limits& limits) {
  codec::pop3::ResponseLimits out;
  out.max_line_length = limits.max_line;
  out.max_message_line_length = limits.max_line;
  out.max_challenge_line_length = limits.max_line;
  out.max_body_size = limits.max_literal;
  out.max_body_lines = limits.max_reply_lines;
  out.ending = codec::LineEnding::crlf_or_bare_lf;
  out.malformed_code_is_text = true;
  out.accept_lowercase_status = true;
  out.accept_continuation_without_space = true;
  return out;
}

std::size_t max_buffered(const engine::Limits& limits) { return limits.max_literal + limits.max_line + 16; }

std::string describe(net::Duration duration) {
  return scenario::format_duration(std::chrono::duration_cast<scenario::Milliseconds>(duration));
}

// The first line of `buffered` when it is complete and not a status line.
std::optional<std::string> garbage_line(std::string_view buffered, ResponseShape shape,
                                        const codec::pop3::ResponseLimits& limits) {
  const codec::LineScan scan = codec::scan_line(buffered, limits.max_line_length, limits.ending);
  if (!scan.complete()) return std::nullopt;
  codec::pop3::StatusLineOptions options;
  options.allow_continuation = shape == ResponseShape::sasl;
  options.malformed_code_is_text = limits.malformed_code_is_text;
  options.accept_lowercase_status = limits.accept_lowercase_status;
  options.accept_continuation_without_space = limits.accept_continuation_without_space;
  const std::string_view line = buffered.substr(0, scan.content_length);
  if (codec::pop3::parse_status_line(line, options)) return std::nullopt;
  return std::string(line);
}

ResponseShape shape_for(const ReplyExpectation& expectation, const Awaited* next) {
  const ResponseShape implied = next ? next->shape : ResponseShape::single_line;
  if (!expectation.multiline) return implied;
  if (!*expectation.multiline) return ResponseShape::single_line;
  const bool multi = implied == ResponseShape::multi_line_listing || implied == ResponseShape::multi_line_message;
  return multi ? implied : ResponseShape::multi_line_message;
}

std::string awaited_text(const Awaited* next) {
  if (!next) return "an unsolicited reply (no command is pending)";
  if (next->kind == Awaited::Kind::greeting) return "the greeting";
  return "the reply to " + next->label;
}

void report(const std::vector<Violation>& violations, StepContext& context) {
  for (const auto& violation : violations)
    context.findings.push_back(engine::Finding{violation.rfc, context.variables.scrub(violation.message)});
}

}  // namespace

std::optional<std::string> Pop3Session::redact(std::string_view bytes) const {
  return redact_client_bytes(bytes, conversation_.sasl_in_progress(), conversation_.unterminated());
}

std::string Pop3Session::pending_failure() const {
  return std::to_string(conversation_.awaited_count()) +
         " replies are still pending (next: " + awaited_text(conversation_.next()) + "); expect them first";
}

net::awaitable<Pop3Session::ReplyRead> Pop3Session::read_reply(ResponseShape shape, StepContext& context) {
  const std::string what = awaited_text(conversation_.next());
  const codec::pop3::ResponseLimits limits = response_limits(context.limits);
  bool skipped_body = false;
  for (;;) {
    codec::pop3::ResponseDecoder decoder(shape, limits);
    net::Outcome<codec::pop3::DecodedResponse> decoded =
        co_await context.stream.read_message<codec::pop3::DecodedResponse>(
            [&decoder](std::string_view buffered) { return decoder.decode(buffered); }, max_buffered(context.limits),
            context.timeout);
    if (decoded) {
      report(conversation_.received(*decoded), context);
      co_return ReplyRead{std::move(decoded->response), {}};
    }
    const net::Error& error = decoded.error();
    switch (error.code) {
      case net::ErrorCode::timeout:
        co_return ReplyRead{std::nullopt, what + " did not arrive within " + describe(context.timeout)};
      case net::ErrorCode::closed_by_peer:
      case net::ErrorCode::reset:
        conversation_.closed();
        co_return ReplyRead{std::nullopt, "the server closed the connection (" + std::string(to_string(error.code)) +
                                              ") before " + what + " was complete"};
      case net::ErrorCode::message_too_large:
        co_return ReplyRead{std::nullopt, what + " is larger than the cap of " +
                                              std::to_string(max_buffered(context.limits)) + " bytes"};
      case net::ErrorCode::decode_failed:
        break;
      default:
        co_return ReplyRead{std::nullopt, what + ": " + error.describe()};
    }
    const auto garbage = garbage_line(context.stream.buffered(), shape, limits);
    if (!garbage) {
      context.stream.take_buffered();  // into the transcript: the report shows what broke the reply
      co_return ReplyRead{std::nullopt, what + " is malformed: " + error.message};
    }
    // "1 120" where "+OK" was due, right after a single-line +OK: the last
    // command got a body it does not take. Skip it and read on.
    if (!skipped_body && conversation_.last_reply_was_single_line_ok()) {
      skipped_body = true;
      const bool skipped = co_await skip_stray_body(context);
      if (skipped) continue;
    }
    report(conversation_.received_garbage(*garbage), context);
    context.stream.take_buffered();
    co_return ReplyRead{std::nullopt, what + " is not a +OK or -ERR status line: '" + escape_text(*garbage) + "'"};
  }
}

net::awaitable<bool> Pop3Session::skip_stray_body(StepContext& context) {
  for (std::size_t count = 0; count <= context.limits.max_reply_lines; ++count) {
    net::Outcome<net::Line> line =
        co_await context.stream.read_line(context.limits.max_line, context.timeout, codec::LineEnding::crlf_or_bare_lf);
    if (!line) co_return false;
    if (line->content() == ".") {
      report(conversation_.received_stray_lines(count, true), context);
      co_return true;
    }
  }
  co_return false;
}

void Pop3Session::report_unsolicited(StepContext& context) {
  if (conversation_.awaited_count() != 0 || context.stream.buffered().empty()) return;
  const std::string stray = context.stream.take_buffered();
  const auto lines = static_cast<std::size_t>(std::count(stray.begin(), stray.end(), '\n'));
  const bool ends_with_dot = stray == ".\r\n" || stray.ends_with("\n.\r\n") || stray.ends_with("\n.\n");
  std::string_view first = std::string_view(stray).substr(0, stray.find('\n'));
  if (first.ends_with('\r')) first.remove_suffix(1);
  report(conversation_.received_stray_lines(ends_with_dot ? lines - 1 : lines, ends_with_dot, first), context);
}

net::awaitable<std::string> Pop3Session::send_line(std::string bytes, std::optional<std::string> rendering,
                                                   StepContext& context) {
  // No co_await inside ?: — GCC 12 destroys the temporaries of such an expression twice.
  net::Status written;
  if (rendering)
    written = co_await context.stream.write_secret(bytes, std::move(*rendering), context.timeout);
  else
    written = co_await context.stream.write(bytes, context.timeout);
  if (!written) co_return "could not send the command: " + written.error().describe();
  conversation_.client_sent(bytes);
  co_return std::string();
}

net::awaitable<StepOutcome> Pop3Session::read_greeting(StepContext& context) {
  const Awaited* next = conversation_.next();
  if (!next || next->kind != Awaited::Kind::greeting) co_return StepOutcome::fail("the greeting was already read");
  ReplyRead read = co_await read_reply(codec::pop3::greeting_shape, context);
  if (!read.response) co_return StepOutcome::fail(context.variables.scrub(read.failure), "+OK greeting");
  const std::string received = context.variables.scrub(reply_text(*read.response));
  report_unsolicited(context);
  // "the POP3 server issues a one line greeting. This can be any positive response." (RFC 1939 §4)
  if (read.response->status != Status::ok)
    co_return StepOutcome::fail("the greeting is not positive: " + received, "+OK greeting", received);
  co_return StepOutcome::pass(received);
}

net::awaitable<StepOutcome> Pop3Session::expect(const scenario::ExpectSpec& spec, StepContext& context) {
  const auto* expectation = dynamic_cast<const Pop3Expect*>(&spec);
  if (!expectation) co_return StepOutcome::fail("not a POP3 expectation: " + spec.describe());
  const auto& replies = expectation->replies();
  std::string received;
  for (std::size_t i = 0; i < replies.size(); ++i) {
    const ReplyExpectation& want = replies[i];
    const std::string prefix =
        replies.size() > 1 ? "reply " + std::to_string(i + 1) + " of " + std::to_string(replies.size()) + ": " : "";
    ReplyRead read = co_await read_reply(shape_for(want, conversation_.next()), context);
    if (!read.response)
      co_return StepOutcome::fail(context.variables.scrub(prefix + read.failure), want.describe(),
                                  context.variables.scrub(received));
    const std::string text = context.variables.scrub(reply_text(*read.response));
    received += (received.empty() ? "" : "\n") + text;
    MatchResult match = match_reply(want, *read.response, context.variables);
    if (!match.ok) co_return StepOutcome::fail(context.variables.scrub(prefix + match.reason), want.describe(), text);
    for (auto& [name, value] : match.captures) context.variables.set(name, std::move(value));
  }
  report_unsolicited(context);
  co_return StepOutcome::pass(received);
}

net::awaitable<StepOutcome> Pop3Session::request_starttls(StepContext& context) {
  if (conversation_.awaited_count() != 0) co_return StepOutcome::fail(pending_failure());
  const std::string failure = co_await send_line("STLS\r\n", std::nullopt, context);
  if (!failure.empty()) co_return StepOutcome::fail(failure);
  ReplyRead read = co_await read_reply(ResponseShape::single_line, context);
  if (!read.response) co_return StepOutcome::fail(context.variables.scrub(read.failure), "+OK");
  const std::string received = context.variables.scrub(reply_text(*read.response));
  if (read.response->status != Status::ok) co_return StepOutcome::fail("STLS refused: " + received, "+OK", received);
  co_return StepOutcome::pass(received);
}

net::awaitable<net::Outcome<std::set<std::string>>> Pop3Session::capabilities(StepContext& context) {
  if (!conversation_.capabilities()) {
    if (conversation_.awaited_count() != 0) co_return net::Error{net::ErrorCode::invalid_state, pending_failure()};
    const std::string failure = co_await send_line("CAPA\r\n", std::nullopt, context);
    if (!failure.empty()) co_return net::Error{net::ErrorCode::io_error, failure};
    ReplyRead read = co_await read_reply(ResponseShape::multi_line_listing, context);
    if (!read.response) co_return net::Error{net::ErrorCode::io_error, context.variables.scrub(read.failure)};
    // A server without CAPA answers -ERR (RFC 2449 §5): it advertises nothing.
    if (read.response->status != Status::ok) co_return std::set<std::string>{};
  }
  std::set<std::string> names;
  if (!conversation_.capabilities()) co_return names;
  for (const auto& capability : conversation_.capabilities()->entries) {
    const std::string tag = upper(capability.tag);
    names.insert(tag);
    if (tag != codec::pop3::capa::sasl) continue;
    for (const auto& mechanism : capability.params) {
      names.insert("SASL=" + upper(mechanism));
      names.insert("AUTH=" + upper(mechanism));
    }
  }
  co_return names;
}

namespace {

class Pop3Protocol final : public engine::Protocol {
 public:
  const scenario::ProtocolRules& rules() const override { return pop3_rules(); }
  std::string_view name() const override { return "pop3"; }
  std::unique_ptr<engine::Session> new_session() const override { return std::make_unique<Pop3Session>(); }
};

}  // namespace

const engine::Protocol& pop3_protocol() {
  static const Pop3Protocol protocol;
  return protocol;
}

}  // namespace conformance::protocols::pop3
