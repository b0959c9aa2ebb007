// DNS messages (RFC 1035 §4.1): decode from and encode to wire format.
//
// Decoding trusts nothing in the input: counts in the header only say how
// many records to look for, never how much to allocate; names are read with
// bounded, backwards-only compression pointers; every RDLENGTH is checked
// against what the record's type used. Errors give the offset in the message
// and what was expected there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/dns/edns.hpp"
#include "harness/codec/dns/name.hpp"
#include "harness/codec/dns/rdata.hpp"
#include "harness/codec/dns/types.hpp"

namespace conformance::codec::dns {

// RFC 1035 §4.1.1, with AD and CD from RFC 4035 §3.2. The four counts are
// not here: they are the sizes of Message's sections.
struct Header {
  std::uint16_t id = 0;
  bool qr = false;  // response
  Opcode opcode = Opcode::query;
  bool aa = false;         // authoritative answer
  bool tc = false;         // truncated
  bool rd = false;         // recursion desired
  bool ra = false;         // recursion available
  bool z = false;          // reserved, must be zero; kept so a peer that sets it can be caught
  bool ad = false;         // authentic data
  bool cd = false;         // checking disabled
  std::uint8_t rcode = 0;  // the low 4 bits only; see rcode_of()
  friend bool operator==(const Header&, const Header&) = default;
};

// RFC 1035 §4.1.2.
struct Question {
  DomainName name;
  RecordType type = RecordType::a;
  RecordClass qclass = RecordClass::in;
  friend bool operator==(const Question&, const Question&) = default;
};

// RFC 1035 §4.1.3. TYPE comes from the RDATA (type()), so they cannot disagree.
struct ResourceRecord {
  DomainName name;
  RecordClass rclass = RecordClass::in;
  std::uint32_t ttl = 0;
  Rdata rdata;

  RecordType type() const { return type_of(rdata); }
  friend bool operator==(const ResourceRecord&, const ResourceRecord&) = default;
};

struct Message {
  Header header;
  std::vector<Question> questions;
  std::vector<ResourceRecord> answers;
  std::vector<ResourceRecord> authorities;
  std::vector<ResourceRecord> additionals;  // without the OPT record, which is `edns`
  std::optional<Edns> edns;                 // encoded last in the additional section
  friend bool operator==(const Message&, const Message&) = default;
};

struct Limits {
  std::size_t max_message_size = 65535;  // RFC 1035 §4.2.2: the TCP length prefix is 16 bits
  std::size_t max_pointer_jumps = 32;    // per name; real names need one or two
};

struct EncodeOptions {
  bool compress_names = true;  // RFC 1035 §4.1.4; off to send every name in full
  std::size_t max_message_size = 65535;
};

// Decodes one whole message (a UDP payload, or a TCP frame without its
// length prefix). Octets after the last counted record are an error. An OPT
// record must be in the additional section, be the only one and be owned by
// the root (RFC 6891 §6.1.1).
Result<Message> decode_message(std::string_view wire, const Limits& limits = {});

// The header alone, so that a server can still answer a query that fails to
// decode: RFC 6891 §7 and RFC 1035 §4.1.1 want FORMERR with the query's ID.
Result<Header> decode_header(std::string_view wire);

// Encodes a message. Fails, with the offset in the output reached so far,
// only when a field cannot be represented (a TXT string over 255 octets, an
// opcode over 15, a header rcode over 15, RDATA over 65535 octets) or the
// result would exceed options.max_message_size.
Result<std::string> encode_message(const Message& message, const EncodeOptions& options = {});

// The full 12-bit RCODE: header bits plus, with EDNS, the OPT record's
// upper eight (RFC 6891 §6.1.3).
Rcode rcode_of(const Message& message);

// Sets the full RCODE, splitting it between header and OPT record; a value
// over 15 adds an OPT record when there is none.
void set_rcode(Message& message, Rcode rcode);

}  // namespace conformance::codec::dns
