// RDATA to and from wire format, used by the message codec. The decoder
// sees the whole message because names in RDATA may point anywhere before
// them (RFC 1035 §4.1.4).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"
#include "harness/codec/dns/name_wire.hpp"
#include "harness/codec/dns/rdata.hpp"

namespace conformance::codec::dns {

// Decodes the RDATA at [begin, end) of `message`; every octet of it must be
// used by the type's fields (RDLENGTH is checked both ways, and the error
// names the type and both lengths). Types without a structure here, and A or
// AAAA outside class IN (RFC 3597 §4: their format is class-specific), come
// back as UnknownRdata.
Result<Rdata> decode_rdata(std::string_view message, RecordType type, RecordClass rclass, std::size_t begin,
                           std::size_t end, std::size_t max_pointer_jumps);

// Appends the RDATA (without RDLENGTH) to `out`. Fails when a field cannot be
// represented, such as a TXT character-string over 255 octets; the error
// offset is where in `out` it would have gone.
std::optional<ParseError> encode_rdata(std::string& out, const Rdata& rdata, NameCompressor& names);

}  // namespace conformance::codec::dns
