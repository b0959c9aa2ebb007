#include "fakes/common/fault_sender.hpp"

#include "fakes/common/malformed_reply.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace conformance::fakes {
namespace {

net::awaitable<void> pause(net::Stream& stream, std::chrono::milliseconds duration) {
  if (duration.count() <= 0) co_return;
  boost::asio::steady_timer timer(stream.get_executor(), duration);
  boost::system::error_code ignored;
  co_await timer.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ignored));
}

// The reply cut at the rule's offsets (given, or drawn from its seed), or
// into single bytes when trickling.
std::vector<std::string> pieces_of(const std::string& reply, const FaultAction& action, net::Stream& stream) {
  std::vector<std::string> pieces;
  if (action.trickle) {
    for (char c : reply) pieces.emplace_back(1, c);
    return pieces;
  }
  std::vector<std::size_t> cuts = action.split_at;
  if (action.random_split) {
    cuts = random_cuts(*action.random_split, reply.size());
    std::string offsets;
    for (std::size_t cut : cuts) offsets += (offsets.empty() ? "" : ", ") + std::to_string(cut);
    stream.note("split at random (seed " + std::to_string(action.random_split->seed) + ") at bytes " +
                (offsets.empty() ? std::string("none: the reply is too short") : offsets));
  }
  std::sort(cuts.begin(), cuts.end());
  std::size_t from = 0;
  for (std::size_t cut : cuts) {
    if (cut <= from || cut >= reply.size()) continue;
    pieces.push_back(reply.substr(from, cut - from));
    from = cut;
  }
  pieces.push_back(reply.substr(from));
  return pieces;
}

}  // namespace

net::awaitable<SendOutcome> send_reply(net::Stream& stream, std::string reply, const FaultRule* rule,
                                       net::Duration timeout) {
  SendOutcome outcome;
  if (rule == nullptr) {
    outcome.status = co_await stream.write(std::move(reply), timeout);
    co_return outcome;
  }
  const FaultAction& action = rule->action;
  stream.note("fault: " + (rule->label.empty() ? std::string(to_string(rule->point)) : rule->label));
  co_await pause(stream, action.delay);
  if (!action.before.empty()) {
    outcome.status = co_await stream.write(action.before, timeout);
    if (!outcome.status) co_return outcome;
  }
  if (action.stall) {
    outcome.next = AfterSend::stalled;
    outcome.reply_replaced = true;
    co_return outcome;
  }
  if (action.reply) {
    reply = *action.reply;
    outcome.reply_replaced = true;
  }
  if (action.suppress_reply) {
    reply.clear();
    outcome.reply_replaced = true;
  }
  reply = malform_reply(std::move(reply), action);
  if (!reply.empty()) {
    const std::vector<std::string> pieces = pieces_of(reply, action, stream);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      if (i > 0) co_await pause(stream, action.piece_interval);
      outcome.status = co_await stream.write(pieces[i], timeout);
      if (!outcome.status) co_return outcome;
    }
  }
  if (action.disconnect == Disconnect::close) {
    co_await stream.close(timeout);
    outcome.next = AfterSend::disconnected;
  } else if (action.disconnect == Disconnect::reset) {
    stream.abort();
    outcome.next = AfterSend::disconnected;
  }
  co_return outcome;
}

net::awaitable<void> hold_until_client_leaves(net::Stream& stream, net::Duration idle_limit) {
  for (;;) {
    auto got = co_await stream.read_some(64 * 1024, idle_limit);
    if (!got) break;
  }
  stream.abort();
}

}  // namespace conformance::fakes
