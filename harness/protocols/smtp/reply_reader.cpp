#include "harness/protocols/smtp/reply_reader.hpp"

#include <memory>

#include "harness/net/transcript_text.hpp"
#include "harness/protocols/smtp/malformed_reply.hpp"

namespace conformance::protocols::smtp {

namespace {

constexpr std::size_t kShownBytes = 200;

struct DecodeState {
  explicit DecodeState(codec::smtp::ReplyLimits limits) : decoder(limits) {}
  codec::smtp::ReplyDecoder decoder;
  std::optional<codec::smtp::Reply> reply;
  std::optional<codec::ParseError> error;
};

std::string shown(std::string_view bytes) {
  std::string text = net::escape_bytes(bytes.substr(0, kShownBytes));
  if (bytes.size() > kShownBytes) text += "...";
  return text;
}

}  // namespace

net::awaitable<ReplyRead> read_reply(net::Stream& stream, const engine::Limits& limits, net::Duration timeout) {
  codec::smtp::ReplyLimits reply_limits;
  reply_limits.max_line_length = limits.max_line;
  reply_limits.max_lines = limits.max_reply_lines;
  // Both leniencies are reported as violations by the conversation rather
  // than ending the read: the reply still tells what the server meant.
  reply_limits.ending = codec::LineEnding::crlf_or_bare_lf;
  reply_limits.accept_any_second_digit = true;
  auto state = std::make_shared<DecodeState>(reply_limits);
  net::Decoder decoder = [state](std::string_view buffered) -> net::DecodeProgress {
    codec::Step<codec::smtp::Reply> step = state->decoder.decode(buffered);
    if (step.complete()) {
      state->reply = std::move(step.value());
      return net::DecodeProgress::done(step.consumed());
    }
    if (step.needs_more()) return net::DecodeProgress::need_more(step.more_needed());
    state->error = step.error();
    return net::DecodeProgress::failed(step.error().message());
  };

  ReplyRead read;
  auto consumed = co_await stream.read_decoded(std::move(decoder), limits.max_literal, timeout);
  if (consumed && state->reply) {
    read.reply = std::move(state->reply);
    co_return read;
  }
  const std::string_view pending = stream.buffered();
  read.received = shown(pending);
  const std::string partial = pending.empty()
                                  ? std::string()
                                  : " (" + std::to_string(pending.size()) + " bytes of a reply: " + read.received + ")";
  const net::Error error = consumed ? net::Error{net::ErrorCode::decode_failed, "no reply decoded"} : consumed.error();
  switch (error.code) {
    case net::ErrorCode::timeout:
      read.failure = ReplyRead::Failure::timeout;
      read.reason = "no reply within " + net::describe_duration(timeout) + partial;
      break;
    case net::ErrorCode::closed_by_peer:
    case net::ErrorCode::reset:
      read.failure = ReplyRead::Failure::closed;
      read.reason = std::string(error.code == net::ErrorCode::reset ? "the server reset the connection"
                                                                    : "the server closed the connection") +
                    partial;
      break;
    case net::ErrorCode::decode_failed:
      read.failure = ReplyRead::Failure::malformed;
      if (state->error) {
        read.violation = describe_malformed_reply(pending, *state->error);
        read.reason = read.violation->message;
      } else {
        read.reason = "malformed reply: " + error.describe();
      }
      (void)stream.take_buffered();  // resynchronising is hopeless; the transcript keeps the bytes
      break;
    case net::ErrorCode::message_too_large:
      read.failure = ReplyRead::Failure::too_large;
      read.reason = "a reply longer than " + std::to_string(limits.max_literal) + " bytes" + partial;
      (void)stream.take_buffered();
      break;
    default:
      read.failure = ReplyRead::Failure::io;
      read.reason = "reading a reply: " + error.describe();
      break;
  }
  co_return read;
}

}  // namespace conformance::protocols::smtp
