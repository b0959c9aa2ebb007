// A transcript as text lines for reports:
//   C: EHLO client.example          (client to server)
//   S: 250-mail.example             (server to client)
//   T: handshake ok: TLSv1.3 ...    (TLS event)
//   #  connected to 127.0.0.1:25    (note)
//   X: closed by peer               (close)
// Each CRLF-terminated line of a data event is one text line. Bytes outside
// printable ASCII are escaped (\r \n \t \\ \xHH), so a bare LF or a stray CR
// shows up as such; a data event whose last line has no CRLF is marked
// " [no CRLF]".
#pragma once

#include "harness/net/transcript.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace conformance::net {

struct RenderOptions {
  bool timestamps = false;  // prefix lines with "[   0.123] " (seconds since the start)
};

std::string render_transcript(const Transcript& transcript, const RenderOptions& options = {});
std::string render_events(const std::vector<TranscriptEvent>& events, const RenderOptions& options = {});

// `bytes` with everything but printable ASCII escaped, and '\' doubled.
std::string escape_bytes(std::string_view bytes);

}  // namespace conformance::net
