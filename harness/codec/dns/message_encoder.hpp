// The message encoder with one extra output, for truncation: where each
// record ends in the encoded message. Compression only ever points
// backwards, so the first k records encode the same with or without the
// records after them, and these offsets tell how much of a response fits.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "harness/codec/dns/message.hpp"

namespace conformance::codec::dns {

struct EncodedMessage {
  std::string wire;
  // ends[0]: end of the question section; ends[i]: end of the i-th record,
  // counting answers, then authorities, then additionals (not OPT).
  std::vector<std::size_t> ends;
  std::size_t opt_size = 0;  // octets of the OPT record written at the end (0 without EDNS)
};

Result<EncodedMessage> encode_message_with_ends(const Message& message, const EncodeOptions& options);

// RFC 6891 §6.1.2: root owner (1), TYPE, CLASS, TTL, RDLENGTH (10), options.
std::size_t opt_record_size(const Edns& edns);

}  // namespace conformance::codec::dns
