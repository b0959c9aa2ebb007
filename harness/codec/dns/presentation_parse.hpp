// The other direction of presentation.hpp: record types and RDATA written
// as in a zone file (RFC 1035 §5.1), for zones a scenario or a fake config
// file writes: "10 mail.example.test", "v=spf1 -all", "3 1 1 ab12...".
// Names are fully qualified (no $ORIGIN); errors give the offset in `text`.
#pragma once

#include <string_view>

#include "harness/codec/common/result.hpp"
#include "harness/codec/dns/rdata.hpp"
#include "harness/codec/dns/types.hpp"

namespace conformance::codec::dns {

// "MX", "mx", "TYPE65" (RFC 3597 §5).
Result<RecordType> record_type_from_text(std::string_view text);

// The RDATA of `type`. TXT takes one or more quoted character-strings
// ("a" "b", with \" and \\ and \DDD escapes) or a single unquoted word;
// an unquoted string longer than 255 octets is cut into 255-octet strings,
// the way SPF and DKIM records are published. TLSA data is hex. Types
// without a typed form take RFC 3597's "\# <length> <hex>".
Result<Rdata> rdata_from_text(RecordType type, std::string_view text);

}  // namespace conformance::codec::dns
