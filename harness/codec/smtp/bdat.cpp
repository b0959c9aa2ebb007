#include "harness/codec/smtp/bdat.hpp"

namespace conformance::codec::smtp {

std::string frame_bdat_chunk(std::string_view chunk, bool last) {
  std::string out = serialize_command(Bdat{chunk.size(), last});
  out.append(chunk);
  return out;
}

std::vector<std::string> frame_bdat_message(std::string_view message, std::size_t chunk_size) {
  if (chunk_size == 0) chunk_size = 1;
  std::vector<std::string> chunks;
  std::size_t at = 0;
  do {
    const std::size_t size = message.size() - at < chunk_size ? message.size() - at : chunk_size;
    chunks.push_back(frame_bdat_chunk(message.substr(at, size), at + size == message.size()));
    at += size;
  } while (at < message.size());
  return chunks;
}

void BdatReceiver::start_chunk(const Bdat& command) {
  remaining_ = command.chunk_size;
  last_ = command.last;
  in_chunk_ = true;
  ++chunks_;
  total_ = command.chunk_size > UINT64_MAX - total_ ? UINT64_MAX : total_ + command.chunk_size;
}

std::size_t BdatReceiver::feed(std::string_view bytes) {
  if (!in_chunk_) return 0;
  const std::size_t take = remaining_ < bytes.size() ? static_cast<std::size_t>(remaining_) : bytes.size();
  if (message_.size() < max_message_size_) {
    const std::uint64_t room = max_message_size_ - message_.size();
    message_.append(bytes.substr(0, room < take ? static_cast<std::size_t>(room) : take));
  }
  remaining_ -= take;
  return take;
}

void BdatReceiver::reset() { *this = BdatReceiver(max_message_size_); }

}  // namespace conformance::codec::smtp
