// Reads one SMTP reply from a stream with the codec's incremental decoder,
// within the step's deadline and the run's caps. Every way it can go wrong
// (stall, close, garbage, a reply past the caps) comes back as a reason,
// never as a hang or unbounded buffering.
#pragma once

#include <optional>
#include <string>

#include "harness/codec/smtp/reply.hpp"
#include "harness/engine/protocol.hpp"
#include "harness/net/stream.hpp"
#include "harness/protocols/smtp/conversation.hpp"

namespace conformance::protocols::smtp {

struct ReplyRead {
  enum class Failure { none, timeout, closed, malformed, too_large, io };

  std::optional<codec::smtp::Reply> reply;
  Failure failure = Failure::none;
  std::string reason;                  // one line, for the step's report
  std::string received;                // the bytes of an incomplete or rejected reply, escaped
  std::optional<Violation> violation;  // for a malformed reply: the rule it breaks
};

// Caps: one line engine::Limits::max_line, lines per reply max_reply_lines,
// the whole reply max_literal. A malformed reply's bytes are consumed (the
// transcript keeps them); an incomplete one's stay buffered for the next read.
net::awaitable<ReplyRead> read_reply(net::Stream& stream, const engine::Limits& limits, net::Duration timeout);

}  // namespace conformance::protocols::smtp
