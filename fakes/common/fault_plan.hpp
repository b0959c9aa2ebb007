// What a scenario scripts a fake to do wrong, and when. A plan is a list of
// rules; each names a point in the conversation (the greeting, a command by
// its verb, the bytes right after a "ready for TLS" reply) narrowed to an
// occurrence and/or a connection, and an action (another reply, a delay, a
// disconnect, a reply cut into pieces, something unsolicited first).
//
//   "fail twice, then accept":  {at: command MAIL, times: 2, reply: "451 4.3.0 try again\r\n"}
//   "drop the 3rd connection":  {at: greeting, connection: 3, disconnect: reset}
//
// Counting is per fake over the whole run: the 2nd MAIL is the 2nd MAIL the
// fake saw on any connection. A rule fires at most `times` times (0: every
// time it matches). The first rule that matches wins. Plain data: the YAML
// reader and the fakes share it, and the matching is sans-I/O.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::fakes {

enum class FaultPoint {
  greeting,        // instead of / around the server greeting
  command,         // the reply to a command (by verb)
  after_tls_ready, // right after the "go ahead with TLS" reply, before the handshake
};

std::string_view to_string(FaultPoint point);

enum class Disconnect { none, close, reset };

// A reply made malformed on purpose, from the bytes that would have been
// sent (the normal reply, or `reply` when the rule replaces it); see
// malformed_reply.hpp for exactly what each does.
enum class Malformation {
  none,
  bare_lf,               // every CRLF becomes a bare LF
  overlong_line,         // the first line padded to `overlong_length` bytes before its line end
  no_last_line,          // the last line of a multi-line reply left out
  wrong_literal_length,  // IMAP: the first {N} announces one byte more than follows
};

struct FaultAction {
  // Sent instead of the normal reply, byte for byte (it may be malformed on
  // purpose: bare LF, no last line, a wrong literal length). nullopt: the
  // normal reply.
  std::optional<std::string> reply;
  // Bytes sent before the reply: unsolicited responses ("* 3 EXISTS\r\n",
  // "* BYE ...\r\n"), or, at after_tls_ready, the injected plaintext.
  std::string before;
  std::chrono::milliseconds delay{0};  // before anything is sent
  // Deliver the reply in pieces: cut at these byte offsets, each piece its
  // own write (and so its own TCP segment, TCP_NODELAY being on), with
  // `piece_interval` between them.
  std::vector<std::size_t> split_at;
  // Cut into `pieces` at offsets drawn from `seed`, the same on every
  // platform (SplitMix64, no std distribution), so a run that shakes out a
  // client bug replays exactly; the transcript names the seed and offsets.
  struct RandomSplit {
    std::uint32_t pieces = 0;
    std::uint64_t seed = 0;
  };
  std::optional<RandomSplit> random_split;
  // Byte by byte, `piece_interval` apart.
  bool trickle = false;
  std::chrono::milliseconds piece_interval{0};
  // Never reply; keep the connection open until the client gives up (or the
  // fake's idle deadline ends it).
  bool stall = false;
  // After the reply (or instead of it, with `suppress_reply`): close or reset.
  Disconnect disconnect = Disconnect::none;
  bool suppress_reply = false;  // send nothing of the reply (a disconnect "instead")
  Malformation malformation = Malformation::none;
  std::size_t overlong_length = 0;  // for Malformation::overlong_line
};

struct FaultRule {
  FaultPoint point = FaultPoint::command;
  std::string command;                    // verb for FaultPoint::command, upper case ("MAIL", "UID FETCH", "STLS")
  std::optional<std::uint32_t> occurrence;   // only the Nth matching event (1-based)
  std::optional<std::uint32_t> connection;   // only on the Nth connection to the fake (1-based)
  std::uint32_t times = 0;                // fire at most this often (0: unlimited)
  FaultAction action;
  std::string label;                      // for transcripts ("fault #2: MAIL 451")
};

struct FaultPlan {
  std::vector<FaultRule> rules;
  bool empty() const { return rules.empty(); }
};

// The per-fake counters that decide which rule fires. One per fake (not per
// connection), owned by the fake's strand.
class FaultTracker {
 public:
  explicit FaultTracker(FaultPlan plan = {});

  const FaultPlan& plan() const { return plan_; }

  // A new connection; returns its number (1-based).
  std::uint32_t connection_opened();

  // The rule to apply at this point, if any. Counts the event first, so
  // each call is one occurrence. `command` is ignored for non-command points.
  const FaultRule* at(FaultPoint point, std::uint32_t connection, std::string_view command = {});

  // How often each rule fired (same order as the plan), for assertions.
  const std::vector<std::uint32_t>& fired() const { return fired_; }

 private:
  FaultPlan plan_;
  std::vector<std::uint32_t> fired_;
  std::vector<std::uint32_t> seen_;  // matching events per rule
  std::uint32_t connections_ = 0;
};

// Where `random_split` cuts a reply of `size` bytes: ascending, distinct,
// inside the reply; fewer than pieces - 1 when the reply is short.
std::vector<std::size_t> random_cuts(const FaultAction::RandomSplit& split, std::size_t size);

// Normalises a command verb for matching: upper case, runs of spaces as
// one ("uid  fetch" -> "UID FETCH").
std::string normalise_verb(std::string_view verb);

}  // namespace conformance::fakes
