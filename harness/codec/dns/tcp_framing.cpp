#include "harness/codec/dns/tcp_framing.hpp"

#include <utility>

#include "harness/codec/dns/wire.hpp"

namespace conformance::codec::dns {
namespace {
constexpr std::size_t prefix_size = 2;
}

Step<std::string_view> next_tcp_frame(std::string_view stream, std::size_t max_message_size) {
  if (stream.size() < prefix_size) return Step<std::string_view>::need_more(prefix_size - stream.size());
  const std::size_t length = wire::u16(stream, 0);
  if (length > max_message_size) {
    return Step<std::string_view>::fail(
        ParseError{0, "message length of at most " + std::to_string(max_message_size) + " octets"});
  }
  const std::size_t available = stream.size() - prefix_size;
  if (available < length) return Step<std::string_view>::need_more(length - available);
  return Step<std::string_view>::done(stream.substr(prefix_size, length), prefix_size + length);
}

Step<Message> decode_tcp_message(std::string_view stream, const Limits& limits) {
  auto frame = next_tcp_frame(stream, limits.max_message_size);
  if (frame.needs_more()) return Step<Message>::need_more(frame.more_needed());
  if (frame.failed()) return Step<Message>::fail(frame.error());
  auto message = decode_message(frame.value(), limits);
  if (!message) {
    ParseError error = message.error();
    error.offset += prefix_size;
    return Step<Message>::fail(std::move(error));
  }
  return Step<Message>::done(std::move(*message), frame.consumed());
}

Result<std::string> frame_tcp_message(std::string_view message) {
  if (message.size() > 0xFFFF) return ParseError{0xFFFF, "message of at most 65535 octets for TCP"};
  std::string out;
  out.reserve(prefix_size + message.size());
  wire::put_u16(out, static_cast<std::uint16_t>(message.size()));
  out += message;
  return out;
}

Result<std::string> encode_tcp_message(const Message& message, const EncodeOptions& options) {
  auto wire = encode_message(message, options);
  if (!wire) return wire.error();
  return frame_tcp_message(*wire);
}

}  // namespace conformance::codec::dns
