// DNS over TCP (RFC 1035 §4.2.2, RFC 7766 §8): each message is preceded by
// its length as two octets. Incremental decoding over a byte stream: the
// caller keeps a buffer, appends what it reads, calls a decoder on the front
// and drops `consumed()` octets after each complete message.
#pragma once

#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"
#include "harness/codec/dns/message.hpp"

namespace conformance::codec::dns {

// The next frame's message octets (a view into `stream`). Needs exactly as
// many more octets as the frame lacks. A length over `max_message_size` fails
// at once, before its octets arrive.
Step<std::string_view> next_tcp_frame(std::string_view stream, std::size_t max_message_size = 65535);

// The next frame, decoded. Error offsets index `stream` (so the first octet
// of the message is offset 2).
Step<Message> decode_tcp_message(std::string_view stream, const Limits& limits = {});

// Prefixes a message with its length; fails over 65535 octets.
Result<std::string> frame_tcp_message(std::string_view message);

// encode_message followed by frame_tcp_message.
Result<std::string> encode_tcp_message(const Message& message, const EncodeOptions& options = {});

}  // namespace conformance::codec::dns
