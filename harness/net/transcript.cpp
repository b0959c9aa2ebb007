#include "harness/net/transcript.hpp"

#include <algorithm>

namespace conformance::net {
namespace {

bool is_data(Direction direction) {
  return direction == Direction::client_to_server || direction == Direction::server_to_client;
}

}  // namespace

std::string_view to_string(Direction direction) {
  switch (direction) {
    case Direction::client_to_server: return "client_to_server";
    case Direction::server_to_client: return "server_to_client";
    case Direction::tls_event: return "tls_event";
    case Direction::note: return "note";
    case Direction::closed: return "closed";
  }
  return "unknown";
}

Transcript::Transcript(TranscriptLimits limits, Clock::time_point start) : limits_(limits), start_(start) {}

void Transcript::set_redactor(Redactor redactor) { redactor_ = std::move(redactor); }

void Transcript::record(Direction direction, std::string_view bytes) {
  if (is_data(direction) && redactor_) {
    if (std::optional<std::string> rendering = redactor_(direction, bytes)) {
      store(direction, *rendering, true);
      return;
    }
  }
  store(direction, bytes, false);
}

void Transcript::record_secret(Direction direction, std::string_view rendering) { store(direction, rendering, true); }

void Transcript::store(Direction direction, std::string_view bytes, bool redacted) {
  const auto elapsed = Clock::now() - start_;
  if (dropped_bytes_ == 0) {
    const std::size_t room = limits_.max_kept_bytes - kept_bytes_;
    const std::size_t kept = std::min(room, bytes.size());
    if (kept == bytes.size() || kept > 0) {
      TranscriptEvent event;
      event.elapsed = elapsed;
      event.direction = direction;
      event.bytes.assign(bytes.substr(0, kept));
      event.redacted = redacted;
      event.truncated_bytes = bytes.size() - kept;
      events_.push_back(std::move(event));
      kept_bytes_ += kept;
    }
    if (kept == bytes.size()) return;
    dropped_bytes_ = bytes.size() - kept;
    if (kept == 0) dropped_events_ = 1;
    // The marker is not counted against the cap; it is the last event from
    // now on and is rewritten as more is dropped.
    TranscriptEvent marker;
    marker.elapsed = elapsed;
    marker.direction = Direction::note;
    marker.truncation_marker = true;
    events_.push_back(std::move(marker));
  } else {
    dropped_bytes_ += bytes.size();
    ++dropped_events_;
  }
  events_.back().bytes = "transcript truncated at " + std::to_string(limits_.max_kept_bytes) + " bytes: " +
                         std::to_string(dropped_bytes_) + " bytes dropped (" + std::to_string(dropped_events_) +
                         " whole events)";
}

}  // namespace conformance::net
