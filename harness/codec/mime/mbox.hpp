// Splits an mbox file into its messages (RFC 4155, read as "mboxrd"), so a
// store can be seeded from the archives mail tools already write. Sans-I/O:
// the caller reads the file; this takes its bytes.
//
// A message starts at a "From_" line: "From " + envelope sender + a ctime(3)
// date ("From alice@example.test Sat Nov 21 09:15:00 2026"). A body line that
// merely begins with "From " is not one (mboxo writers forget to quote), so
// only lines that end in such a date split the file, as mutt and Dovecot read
// it. The blank line that ends each message belongs to the framing and is
// dropped; ">From ", ">>From " ... lose one '>' (mboxrd quoting).
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::mime {

struct MboxMessage {
  std::string bytes;            // the message as the file holds it (line ends untouched), unquoted
  std::string envelope_sender;  // the From_ line's address ("MAILER-DAEMON", "alice@example.test")
  // The From_ line's date: when the message was delivered. ctime(3) carries
  // no zone, so it is read as UTC unless the line adds a numeric one.
  std::chrono::system_clock::time_point delivered;
  int delivered_offset_minutes = 0;
  std::size_t line = 0;  // of the From_ line, 1-based, for messages about it
};

// The messages of `file` in order. An empty file has none. A file whose
// first line is not a From_ line is not an mbox: the error is at offset 0.
Result<std::vector<MboxMessage>> parse_mbox(std::string_view file);

// The parts of a From_ line after "From " (`rest` excludes the line end).
struct FromLine {
  std::string envelope_sender;
  std::chrono::system_clock::time_point date;
  int offset_minutes = 0;
};
std::optional<FromLine> parse_from_line(std::string_view rest);

// The IMAP flags the "Status:" and "X-Status:" header fields that mbox
// readers (mutt, Dovecot, Thunderbird) write record: R → \Seen,
// A → \Answered, F → \Flagged, T → \Draft, D → \Deleted. Empty when the
// message has neither field or its header section does not parse.
std::vector<std::string> mbox_status_flags(std::string_view message);

}  // namespace conformance::codec::mime
