// Pop3Session::login: USER/PASS (the default), APOP (RFC 1939 §7) and any
// SASL mechanism the codec implements through AUTH (RFC 5034), PLAIN with
// an initial response. Credentials go out with write_secret, so the
// transcript only ever holds "<redacted>" in their place.
#include "harness/codec/pop3/apop.hpp"
#include "harness/codec/sasl/factory.hpp"
#include "harness/codec/sasl/mechanism.hpp"
#include "harness/codec/sasl/redaction.hpp"
#include "harness/codec/sasl/wire.hpp"
#include "harness/protocols/pop3/ascii.hpp"
#include "harness/protocols/pop3/reply_text.hpp"
#include "harness/protocols/pop3/session.hpp"

namespace conformance::protocols::pop3 {
namespace {

using codec::pop3::ResponseShape;
using codec::pop3::Status;
using engine::StepContext;
using engine::StepOutcome;

constexpr std::string_view kRedacted = codec::sasl::kRedactedMarker;
// No mechanism the codec implements needs more round trips than this.
constexpr int kMaxChallenges = 8;

StepOutcome judge(const codec::pop3::Response& response, bool expect_success, std::string_view step,
                  const scenario::Variables& variables) {
  const std::string received = variables.scrub(reply_text(response));
  const bool succeeded = response.status == Status::ok;
  if (succeeded == expect_success) return StepOutcome::pass(received);
  if (expect_success)
    return StepOutcome::fail("login refused at " + std::string(step) + ": " + received, "+OK", received);
  return StepOutcome::fail("login succeeded at " + std::string(step) + " although it should have been refused", "-ERR",
                           received);
}

}  // namespace

net::awaitable<StepOutcome> Pop3Session::login(const engine::Credentials& credentials, std::string_view mechanism,
                                               bool expect_success, StepContext& context) {
  if (conversation_.awaited_count() != 0) co_return StepOutcome::fail(pending_failure());
  const std::string name = upper(mechanism);
  if (name.empty() || name == "USER") co_return co_await login_user_pass(credentials, expect_success, context);
  if (name == "APOP") co_return co_await login_apop(credentials, expect_success, context);
  co_return co_await login_sasl(credentials, name, expect_success, context);
}

net::awaitable<StepOutcome> Pop3Session::login_user_pass(const engine::Credentials& credentials, bool expect_success,
                                                         StepContext& context) {
  std::string failure = co_await send_line("USER " + credentials.user + "\r\n", std::nullopt, context);
  if (!failure.empty()) co_return StepOutcome::fail(failure);
  ReplyRead user = co_await read_reply(ResponseShape::single_line, context);
  if (!user.response) co_return StepOutcome::fail(user.failure);
  if (user.response->status != Status::ok) co_return judge(*user.response, expect_success, "USER", context.variables);

  failure =
      co_await send_line("PASS " + credentials.password + "\r\n", "PASS " + std::string(kRedacted) + "\r\n", context);
  if (!failure.empty()) co_return StepOutcome::fail(failure);
  ReplyRead pass = co_await read_reply(ResponseShape::single_line, context);
  if (!pass.response) co_return StepOutcome::fail(pass.failure);
  co_return judge(*pass.response, expect_success, "PASS", context.variables);
}

net::awaitable<StepOutcome> Pop3Session::login_apop(const engine::Credentials& credentials, bool expect_success,
                                                    StepContext& context) {
  const auto& greeting = conversation_.greeting_text();
  if (!greeting) co_return StepOutcome::fail("APOP needs the greeting's timestamp, and no greeting was read");
  auto timestamp = codec::pop3::apop_timestamp(*greeting);
  if (!timestamp)
    co_return StepOutcome::fail("the greeting offers no APOP timestamp: " + timestamp.error().message(),
                                "+OK ... <timestamp>", escape_text(*greeting));
  const std::string digest = codec::pop3::apop_digest(*timestamp, credentials.password);
  const std::string failure =
      co_await send_line("APOP " + credentials.user + " " + digest + "\r\n",
                         "APOP " + credentials.user + " " + std::string(kRedacted) + "\r\n", context);
  if (!failure.empty()) co_return StepOutcome::fail(failure);
  ReplyRead reply = co_await read_reply(ResponseShape::single_line, context);
  if (!reply.response) co_return StepOutcome::fail(reply.failure);
  co_return judge(*reply.response, expect_success, "APOP", context.variables);
}

net::awaitable<StepOutcome> Pop3Session::login_sasl(const engine::Credentials& credentials, std::string mechanism,
                                                    bool expect_success, StepContext& context) {
  const auto known = codec::sasl::mechanism_from_name(mechanism);
  if (!known) co_return StepOutcome::fail("login: unknown mechanism '" + escape_text(mechanism, 40) + "'");
  codec::sasl::ClientCredentials sasl_credentials;
  sasl_credentials.username = credentials.user;
  sasl_credentials.password = codec::sasl::Secret(credentials.password);
  auto client = codec::sasl::make_client(*known, sasl_credentials);
  if (!client) co_return StepOutcome::fail("login: " + mechanism + " needs channel binding, which is not available");

  // RFC 5034 §4: the initial response goes with AUTH; "=" stands for an empty one.
  std::string command = "AUTH " + mechanism;
  std::string rendering = command;
  if (auto initial = client->start(true)) {
    command += " " + codec::sasl::encode_initial_response(*initial);
    rendering += " " + std::string(kRedacted);
  }
  std::string failure = co_await send_line(command + "\r\n", rendering + "\r\n", context);
  if (!failure.empty()) co_return StepOutcome::fail(failure);

  for (int round = 0; round <= kMaxChallenges; ++round) {
    ReplyRead reply = co_await read_reply(ResponseShape::sasl, context);
    if (!reply.response) co_return StepOutcome::fail(reply.failure);
    if (reply.response->status != Status::continuation) {
      if (reply.response->status == Status::ok && expect_success) {
        if (auto verified = client->complete(); !verified)
          co_return StepOutcome::fail("the server accepted " + mechanism +
                                      " without proving itself: " + verified.error().message());
      }
      co_return judge(*reply.response, expect_success, "AUTH " + mechanism, context.variables);
    }
    // RFC 5034 §4: a challenge the client cannot answer is cancelled with "*".
    std::string answer = std::string(codec::sasl::kCancelLine);
    std::string why;
    if (auto challenge = codec::pop3::challenge_bytes(*reply.response); !challenge) {
      why = "the challenge is not base64: " + challenge.error().message();
    } else if (auto response = client->respond(*challenge); !response) {
      why = "the challenge cannot be answered: " + response.error().message();
    } else {
      answer = codec::sasl::encode_response(*response);
    }
    const bool cancel = !why.empty();
    std::optional<std::string> shown;  // a named local: see send_line on GCC 12 and ?: in coroutines
    if (!cancel) shown = std::string(kRedacted) + "\r\n";
    failure = co_await send_line(answer + "\r\n", std::move(shown), context);
    if (!failure.empty()) co_return StepOutcome::fail(failure);
    if (cancel) {
      ReplyRead final_reply = co_await read_reply(ResponseShape::sasl, context);
      co_return StepOutcome::fail(
          "AUTH " + mechanism + " cancelled: " + why, "",
          final_reply.response ? context.variables.scrub(reply_text(*final_reply.response)) : std::string());
    }
  }
  co_return StepOutcome::fail("AUTH " + mechanism + ": more than " + std::to_string(kMaxChallenges) + " challenges");
}

}  // namespace conformance::protocols::pop3
