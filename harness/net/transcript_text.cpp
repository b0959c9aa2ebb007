#include "harness/net/transcript_text.hpp"

#include <cstdio>

namespace conformance::net {
namespace {

std::string_view prefix_of(Direction direction) {
  switch (direction) {
    case Direction::client_to_server: return "C: ";
    case Direction::server_to_client: return "S: ";
    case Direction::tls_event: return "T: ";
    case Direction::note: return "#  ";
    case Direction::closed: return "X: ";
  }
  return "?: ";
}

std::string timestamp(std::chrono::steady_clock::duration elapsed) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
  char text[32];
  std::snprintf(text, sizeof text, "[%4lld.%03lld] ", static_cast<long long>(ms / 1000),
                static_cast<long long>(ms % 1000));
  return text;
}

void render_event(std::string& out, const TranscriptEvent& event, const RenderOptions& options) {
  const std::string stamp = options.timestamps ? timestamp(event.elapsed) : std::string();
  const std::string_view prefix = prefix_of(event.direction);
  auto emit = [&](std::string_view line, std::string_view suffix) {
    out += stamp;
    out += prefix;
    out += escape_bytes(line);
    out += suffix;
    out += '\n';
  };

  const bool data = event.direction == Direction::client_to_server || event.direction == Direction::server_to_client;
  std::string_view rest = event.bytes;
  if (!data || event.redacted) {
    // Harness text and renderings are not wire bytes: one line, no CRLF check.
    if (event.redacted && rest.ends_with("\r\n")) rest.remove_suffix(2);
    emit(rest, event.redacted ? "  (redacted)" : "");
  } else if (rest.empty()) {
    emit(rest, " [empty]");
  } else {
    while (!rest.empty()) {
      const std::size_t end = rest.find("\r\n");
      if (end == std::string_view::npos) {
        emit(rest, event.truncated_bytes > 0 ? "" : " [no CRLF]");
        break;
      }
      emit(rest.substr(0, end), "");
      rest.remove_prefix(end + 2);
    }
  }
  if (event.truncated_bytes > 0) {
    out += stamp;
    out += "#  [" + std::to_string(event.truncated_bytes) + " more bytes of this event not kept]\n";
  }
}

}  // namespace

std::string escape_bytes(std::string_view bytes) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size());
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (byte >= 0x20 && byte < 0x7F) {
          out += c;
        } else {
          out += "\\x";
          out += digits[byte >> 4];
          out += digits[byte & 0xF];
        }
    }
  }
  return out;
}

std::string render_events(const std::vector<TranscriptEvent>& events, const RenderOptions& options) {
  std::string out;
  for (const TranscriptEvent& event : events) render_event(out, event, options);
  return out;
}

std::string render_transcript(const Transcript& transcript, const RenderOptions& options) {
  return render_events(transcript.events(), options);
}

}  // namespace conformance::net
