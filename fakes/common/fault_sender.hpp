// Sends a fake's reply the way a fault rule says: late, in pieces, byte by
// byte, replaced, preceded by unsolicited bytes, or not at all, and closes
// or resets the connection after when asked. With no rule it is one write.
#pragma once

#include "fakes/common/fault_plan.hpp"
#include "harness/net/stream.hpp"

#include <string>

namespace conformance::fakes {

// What the session should do after the send.
enum class AfterSend {
  proceed,       // carry on with the conversation
  disconnected,  // the rule closed or reset the connection: end the session
  stalled,       // the rule said never answer: wait for the client to leave, then end
};

struct SendOutcome {
  net::Status status;  // the write failed: end the session
  AfterSend next = AfterSend::proceed;
  // The normal reply was replaced or suppressed: a session that tracks
  // state from its own replies (STARTTLS "go ahead", AUTH success) should
  // not act on the normal one.
  bool reply_replaced = false;
};

// Sends `reply` under `rule` (may be null), each write within `timeout`.
// Records "fault: <label>" in the stream's transcript when a rule applies.
net::awaitable<SendOutcome> send_reply(net::Stream& stream, std::string reply, const FaultRule* rule,
                                       net::Duration timeout);

// Holds a stalled connection open, reading and discarding what the client
// sends, until it closes or `idle_limit` passes without a byte.
net::awaitable<void> hold_until_client_leaves(net::Stream& stream, net::Duration idle_limit);

}  // namespace conformance::fakes
