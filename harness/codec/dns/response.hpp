// What a fake DNS server needs around the codec: a response skeleton for a
// query, the size it may send over UDP, and truncation to that size.
#pragma once

#include <cstddef>

#include "harness/codec/common/result.hpp"
#include "harness/codec/dns/message.hpp"

namespace conformance::codec::dns {

// A response to `query` with no records yet: same ID, opcode and question
// section, QR set, RD and CD copied (RFC 1035 §4.1.1, RFC 4035 §3.1.6),
// RCODE NOERROR. If the query had EDNS, so does the response (RFC 6891 §7),
// advertising `udp_payload_size` and echoing the DO bit (RFC 3225 §3).
Message make_response(const Message& query, std::uint16_t udp_payload_size = 1232);

// The largest UDP response `query` allows: 512 without EDNS (RFC 1035
// §4.2.1), else its advertised size, values below 512 counting as 512
// (RFC 6891 §6.2.5).
std::size_t udp_size_limit(const Message& query);

// The largest leading part of `response` that encodes in `max_size` octets.
// Records go from the end (additional, then authority, then answer); the
// header, the question section and the OPT record always stay (RFC 6891 §7).
// Additional records are dropped a whole RRset at a time, and dropping them
// alone does not set TC; TC is set when an answer or authority record had to
// go (RFC 2181 §9). Fails when the header, questions and OPT record alone do
// not fit.
Result<Message> truncate_to_fit(const Message& response, std::size_t max_size, const EncodeOptions& options = {});

}  // namespace conformance::codec::dns
