// The record of one connection, for reports: an append-only list of events
// (bytes each way, TLS events, notes, the close), each with the time since
// the transcript began.
//
// Secrets never reach the record: a sender marks a write as secret and gives
// the rendering to keep instead ("A1 LOGIN alice <redacted>"), and a redactor
// hook may replace any data event before it is stored (received credentials).
// Memory is capped: past the cap, bytes are dropped and one marker event at
// the end says how many.
//
// Thread-compatible: one Transcript per connection, used from one strand.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::net {

enum class Direction {
  client_to_server,
  server_to_client,
  tls_event,  // handshake outcome, STARTTLS upgrade
  note,       // something the harness says (connected, discarded bytes, truncation)
  closed,     // who closed the connection and how
};

std::string_view to_string(Direction direction);

struct TranscriptEvent {
  std::chrono::steady_clock::duration elapsed{};  // since the transcript began
  Direction direction = Direction::note;
  std::string bytes;
  bool redacted = false;            // `bytes` is a rendering standing in for secret bytes
  std::size_t truncated_bytes = 0;  // bytes of this event that the cap dropped
  bool truncation_marker = false;   // the final "N bytes dropped" event

  friend bool operator==(const TranscriptEvent&, const TranscriptEvent&) = default;
};

struct TranscriptLimits {
  std::size_t max_kept_bytes = 4u << 20;  // all events' bytes together
};

// Given a data event's direction and bytes, returns the rendering to store
// instead when they carry a secret, or nullopt to keep them as they are.
using Redactor = std::function<std::optional<std::string>(Direction, std::string_view)>;

class Transcript {
 public:
  using Clock = std::chrono::steady_clock;

  explicit Transcript(TranscriptLimits limits = {}, Clock::time_point start = Clock::now());

  // Applies to data events recorded after it is set.
  void set_redactor(Redactor redactor);

  // Data (client_to_server / server_to_client), passed through the redactor.
  // Other directions are stored as given.
  void record(Direction direction, std::string_view bytes);
  // A secret the sender knows about: only `rendering` is stored.
  void record_secret(Direction direction, std::string_view rendering);
  void note(std::string_view text) { record(Direction::note, text); }

  const std::vector<TranscriptEvent>& events() const { return events_; }
  std::size_t kept_bytes() const { return kept_bytes_; }
  std::size_t dropped_bytes() const { return dropped_bytes_; }
  bool truncated() const { return dropped_bytes_ > 0; }
  const TranscriptLimits& limits() const { return limits_; }

 private:
  void store(Direction direction, std::string_view bytes, bool redacted);

  TranscriptLimits limits_;
  Clock::time_point start_;
  Redactor redactor_;
  std::vector<TranscriptEvent> events_;
  std::size_t kept_bytes_ = 0;
  std::size_t dropped_bytes_ = 0;
  std::size_t dropped_events_ = 0;
};

}  // namespace conformance::net
