// BDAT chunk framing (RFC 3030 §2-§3): "BDAT <size> [LAST]" CRLF followed by
// exactly <size> octets, with no dot-stuffing and no end-of-data marker. The
// client cuts a message into chunks; the server reads each chunk by count
// and joins them until the chunk marked LAST.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/smtp/command.hpp"

namespace conformance::codec::smtp {

// One chunk as the client sends it: the BDAT command line, then the octets.
std::string frame_bdat_chunk(std::string_view chunk, bool last);

// The whole message as BDAT chunks of at most `chunk_size` octets (at least
// one), the last marked LAST. An empty message is one "BDAT 0 LAST".
std::vector<std::string> frame_bdat_message(std::string_view message, std::size_t chunk_size);

// Server side: after each parsed BDAT command, start_chunk(); then feed the
// bytes that follow until chunk_complete(). Chunks accumulate into one
// message, complete once the LAST chunk is in.
class BdatReceiver {
 public:
  explicit BdatReceiver(std::uint64_t max_message_size = 64ull * 1024 * 1024) : max_message_size_(max_message_size) {}

  void start_chunk(const Bdat& command);
  // Takes at most the rest of the current chunk; returns how many octets it
  // took (the remainder belongs to the next command).
  std::size_t feed(std::string_view bytes);

  std::uint64_t remaining() const { return remaining_; }
  bool chunk_complete() const { return in_chunk_ && remaining_ == 0; }
  bool message_complete() const { return last_ && remaining_ == 0 && in_chunk_; }
  // More than max_message_size octets were announced or received; the
  // octets are still read (and dropped) so the stream stays in step.
  bool size_exceeded() const { return total_ > max_message_size_; }
  std::uint64_t total_size() const { return total_; }
  std::size_t chunks() const { return chunks_; }
  const std::string& message() const { return message_; }
  std::string take_message() { return std::move(message_); }
  void reset();  // after the message (or RSET, RFC 3030 §3)

 private:
  std::uint64_t max_message_size_;
  std::uint64_t remaining_ = 0;
  std::uint64_t total_ = 0;  // octets announced so far
  std::size_t chunks_ = 0;
  bool in_chunk_ = false;
  bool last_ = false;
  std::string message_;
};

}  // namespace conformance::codec::smtp
