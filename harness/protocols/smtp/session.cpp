#include "harness/protocols/smtp/session.hpp"

#include "harness/codec/smtp/data.hpp"
#include "harness/codec/smtp/ehlo.hpp"
#include "harness/net/transcript_text.hpp"
#include "harness/protocols/smtp/auth_exchange.hpp"
#include "harness/protocols/smtp/expectation.hpp"
#include "harness/protocols/smtp/keywords.hpp"
#include "harness/protocols/smtp/reply_match.hpp"
#include "harness/protocols/smtp/rules.hpp"

namespace conformance::protocols::smtp {

namespace {

using engine::StepContext;
using engine::StepOutcome;

// A SASL exchange longer than this is the server stringing us along.
constexpr int kMaxSaslRounds = 16;
constexpr std::string_view kDefaultClientName = "client.conformance.test";

std::string shown(const codec::smtp::Reply& reply) { return net::escape_bytes(render_reply(reply)); }

std::string client_name(const StepContext& context) {
  return context.variables.get("client_name").value_or(std::string(kDefaultClientName));
}

std::string position(std::size_t index, std::size_t count) {
  if (count == 1) return {};
  return "reply " + std::to_string(index + 1) + " of " + std::to_string(count) + ": ";
}

}  // namespace

net::awaitable<ReplyRead> SmtpSession::next_reply(StepContext& context) {
  ReplyRead read = co_await read_reply(context.stream, context.limits, context.timeout);
  if (read.reply) {
    auto attribution = conversation_.on_reply(*read.reply);
    for (auto& violation : attribution.violations) {
      context.findings.push_back(engine::Finding{std::move(violation.rfc), std::move(violation.message)});
    }
    if (attribution.command && read.reply->code == 250) {
      if (attribution.command->kind == CommandKind::ehlo) {
        auto parsed = codec::smtp::parse_ehlo_response(*read.reply);
        keywords_ = parsed ? keyword_names(*parsed) : std::set<std::string>{};
      } else if (attribution.command->kind == CommandKind::helo) {
        keywords_ = std::set<std::string>{};
      }
    }
  } else {
    if (read.violation) context.findings.push_back(engine::Finding{read.violation->rfc, read.violation->message});
    if (read.failure == ReplyRead::Failure::closed) conversation_.on_closed();
  }
  co_return read;
}

net::awaitable<net::Status> SmtpSession::send(std::string bytes, StepContext& context) {
  conversation_.on_sent(bytes);
  co_return co_await context.stream.write(std::move(bytes), context.timeout);
}

net::awaitable<net::Status> SmtpSession::send_secret(std::string bytes, std::string rendering, StepContext& context) {
  conversation_.on_sent(bytes);
  co_return co_await context.stream.write_secret(std::move(bytes), std::move(rendering), context.timeout);
}

net::awaitable<std::optional<codec::smtp::Reply>> SmtpSession::command(std::string line, StepContext& context,
                                                                       StepOutcome& failure) {
  const std::string verb = line.substr(0, line.find_first_of(" \r"));
  auto written = co_await send(std::move(line), context);
  if (!written) {
    failure = StepOutcome::fail("cannot send " + verb + ": " + written.error().describe());
    co_return std::nullopt;
  }
  ReplyRead read = co_await next_reply(context);
  if (!read.reply) {
    failure = StepOutcome::fail(verb + ": " + read.reason, "a reply", read.received);
    co_return std::nullopt;
  }
  co_return std::move(read.reply);
}

net::awaitable<StepOutcome> SmtpSession::read_greeting(StepContext& context) {
  ReplyRead read = co_await next_reply(context);
  if (!read.reply) co_return StepOutcome::fail("no greeting: " + read.reason, "220 greeting", read.received);
  const auto& reply = *read.reply;
  if (reply.code == 220) co_return StepOutcome::pass(shown(reply));
  if (reply.code == 554) {
    co_return StepOutcome::fail("the server refused the session (RFC 5321 §3.1): " + first_line(reply), "220",
                                shown(reply));
  }
  co_return StepOutcome::fail("expected a 220 greeting, got " + first_line(reply), "220", shown(reply));
}

void SmtpSession::sent(std::string_view bytes) { conversation_.on_sent(bytes); }

std::optional<std::string> SmtpSession::redact(std::string_view bytes) const { return conversation_.redact(bytes); }

net::awaitable<StepOutcome> SmtpSession::expect(const scenario::ExpectSpec& spec, StepContext& context) {
  const auto* expected = dynamic_cast<const ExpectReplies*>(&spec);
  if (!expected) co_return StepOutcome::fail("not an SMTP expectation: " + spec.describe());
  if (expected->expects_silence()) co_return co_await expect_silence(context);

  const auto& replies = expected->replies();
  std::string received;
  for (std::size_t i = 0; i < replies.size(); ++i) {
    ReplyRead read = co_await next_reply(context);
    if (!read.reply) {
      co_return StepOutcome::fail(position(i, replies.size()) + read.reason, replies[i].describe(),
                                  received + read.received);
    }
    received += shown(*read.reply);
    ReplyMatch match = match_reply(replies[i], *read.reply, context.variables);
    if (!match.ok) co_return StepOutcome::fail(position(i, replies.size()) + match.reason, match.expected, received);
    for (auto& [name, value] : match.captures) context.variables.set(name, std::move(value));
  }
  co_return StepOutcome::pass(received);
}

net::awaitable<StepOutcome> SmtpSession::expect_silence(StepContext& context) {
  ReplyRead read = co_await next_reply(context);
  if (read.reply) {
    co_return StepOutcome::fail("a reply arrived where none may: " + first_line(*read.reply), "no reply",
                                shown(*read.reply));
  }
  switch (read.failure) {
    case ReplyRead::Failure::timeout:
      if (read.received.empty())
        co_return StepOutcome::pass("no reply within " + net::describe_duration(context.timeout));
      co_return StepOutcome::fail("the server started a reply where none may come", "no reply", read.received);
    case ReplyRead::Failure::closed:
      co_return StepOutcome::pass("no reply; the server closed the connection");
    default:
      co_return StepOutcome::fail(read.reason, "no reply", read.received);
  }
}

net::awaitable<StepOutcome> SmtpSession::say_ehlo(StepContext& context) {
  StepOutcome failure;
  auto reply = co_await command("EHLO " + client_name(context) + "\r\n", context, failure);
  if (!reply) co_return failure;
  if (reply->code == 250) co_return StepOutcome::pass(shown(*reply));
  if (reply->code == 500 || reply->code == 502) {
    // RFC 5321 §4.1.1.1: a server that does not know EHLO still knows HELO.
    auto helo = co_await command("HELO " + client_name(context) + "\r\n", context, failure);
    if (!helo) co_return failure;
    if (helo->code == 250) co_return StepOutcome::pass(shown(*helo));
    co_return StepOutcome::fail("EHLO and HELO refused: " + first_line(*helo), "250", shown(*helo));
  }
  co_return StepOutcome::fail("EHLO refused: " + first_line(*reply), "250", shown(*reply));
}

net::awaitable<StepOutcome> SmtpSession::ensure_greeted_with_ehlo(StepContext& context) {
  if (conversation_.state() != State::greeted) co_return StepOutcome::pass();
  co_return co_await say_ehlo(context);
}

net::awaitable<StepOutcome> SmtpSession::request_starttls(StepContext& context) {
  // RFC 3207 §4 has STARTTLS follow EHLO, which is where it is advertised.
  auto greeted = co_await ensure_greeted_with_ehlo(context);
  if (!greeted.ok) co_return greeted;
  StepOutcome failure;
  auto reply = co_await command("STARTTLS\r\n", context, failure);
  if (!reply) co_return failure;
  if (reply->code == 220) co_return StepOutcome::pass(shown(*reply));
  co_return StepOutcome::fail("STARTTLS refused: " + first_line(*reply), "220", shown(*reply));
}

void SmtpSession::tls_started() {
  conversation_.on_tls_started();
  keywords_.reset();
}

net::awaitable<StepOutcome> SmtpSession::login(const engine::Credentials& credentials, std::string_view mechanism,
                                               bool expect_success, StepContext& context) {
  auto greeted = co_await ensure_greeted_with_ehlo(context);
  if (!greeted.ok) co_return greeted;
  auto exchange = AuthExchange::start(mechanism, credentials.user, credentials.password);
  if (!exchange) co_return StepOutcome::fail(exchange.error());
  const std::string name = exchange->mechanism();
  auto written = co_await send_secret(exchange->command().bytes, exchange->command().rendering, context);
  if (!written) co_return StepOutcome::fail("cannot send AUTH: " + written.error().describe());

  for (int round = 0; round < kMaxSaslRounds; ++round) {
    ReplyRead read = co_await next_reply(context);
    if (!read.reply) co_return StepOutcome::fail("AUTH " + name + ": " + read.reason, "235", read.received);
    const auto& reply = *read.reply;
    if (reply.code == 334) {
      std::string error;
      ClientLine answer = exchange->answer(reply, error);
      auto sent_answer = co_await send_secret(answer.bytes, answer.rendering, context);
      if (!sent_answer) co_return StepOutcome::fail("cannot answer the challenge: " + sent_answer.error().describe());
      if (!error.empty()) {
        (void)co_await next_reply(context);  // the server's reply to "*"
        co_return StepOutcome::fail("AUTH " + name + " cancelled: " + error, "235", shown(reply));
      }
      continue;
    }
    if (reply.code == 235) {
      if (!expect_success) {
        co_return StepOutcome::fail("the server accepted credentials it must reject", "535", shown(reply));
      }
      const std::string unverified = exchange->verify_success();
      if (!unverified.empty()) {
        co_return StepOutcome::fail("the server's success could not be verified: " + unverified, "235", shown(reply));
      }
      co_return StepOutcome::pass(shown(reply));
    }
    if (expect_success) {
      co_return StepOutcome::fail("AUTH " + name + " failed: " + first_line(reply), "235", shown(reply));
    }
    // Only 535 shows the credentials were checked and found wrong (RFC 4954 §4, §6).
    if (reply.code == 535) co_return StepOutcome::pass(shown(reply));
    co_return StepOutcome::fail("expected 535 (credentials invalid), got " + first_line(reply), "535", shown(reply));
  }
  co_return StepOutcome::fail("AUTH " + name + ": more than " + std::to_string(kMaxSaslRounds) + " challenges");
}

net::awaitable<net::Outcome<std::set<std::string>>> SmtpSession::capabilities(StepContext& context) {
  if (conversation_.state() == State::connected) {
    auto greeting = co_await read_greeting(context);
    if (!greeting.ok) co_return net::Error{net::ErrorCode::decode_failed, greeting.reason};
  }
  if (!keywords_) {
    const State now = conversation_.state();
    if (now != State::greeted && now != State::ready && now != State::mail && now != State::rcpt) {
      // An EHLO now would be message data, a SASL response, or unanswered.
      co_return net::Error{net::ErrorCode::invalid_state,
                           "cannot ask for EHLO keywords in state " + std::string(to_string(now))};
    }
    auto outcome = co_await say_ehlo(context);
    if (!outcome.ok) co_return net::Error{net::ErrorCode::decode_failed, outcome.reason};
  }
  co_return keywords_.value_or(std::set<std::string>{});
}

std::string SmtpSession::encode_message(std::string_view text) const {
  codec::smtp::DataEncoderOptions options;
  options.normalize_line_endings = true;
  return codec::smtp::encode_data(text, options);
}

std::string SmtpSession::state() const { return std::string(to_string(conversation_.state())); }

void SmtpSession::closed() { conversation_.on_closed(); }

namespace {

class SmtpProtocol final : public engine::Protocol {
 public:
  const scenario::ProtocolRules& rules() const override { return smtp_rules(); }
  std::string_view name() const override { return "smtp"; }
  std::unique_ptr<engine::Session> new_session() const override { return std::make_unique<SmtpSession>(); }
};

}  // namespace

const engine::Protocol& smtp_protocol() {
  static const SmtpProtocol protocol;
  return protocol;
}

}  // namespace conformance::protocols::smtp
