// Domain names inside a message: decoding with compression pointers
// (RFC 1035 §4.1.4) and encoding with a compression table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

#include "harness/codec/common/result.hpp"
#include "harness/codec/dns/name.hpp"

namespace conformance::codec::dns {

// RFC 1035 §4.1.1: a 12-octet header opens every message, so no name, and
// hence no compression pointer target, can start inside it.
inline constexpr std::size_t header_size = 12;

struct NameRead {
  DomainName name;
  std::size_t end = 0;  // offset just past the name where it was found (past the first pointer, if any)
};

// Reads the name at `offset` of `message`. The octets of the name before any
// pointer must lie before `limit` (the end of the RDATA or of the message);
// pointers may lead anywhere earlier in the message. Safe on hostile input:
// every pointer must go to an offset after the header and before the start of
// the labels being read (so loops, self-pointers and forward pointers are
// rejected), at most `max_pointer_jumps` are followed, label types 01 and 10
// are refused (RFC 6891 §5 retired extended labels) and the name may not
// exceed 255 octets (RFC 1035 §2.3.4). Error offsets index `message`.
Result<NameRead> read_name(std::string_view message, std::size_t offset, std::size_t limit,
                           std::size_t max_pointer_jumps);

// Writes names into a message being built, replacing a suffix already in the
// message by a pointer to it (RFC 1035 §4.1.4). Suffixes are matched
// octet for octet, not case-insensitively, so compression never changes the
// case a name is sent with.
class NameCompressor {
 public:
  explicit NameCompressor(bool enabled) : enabled_(enabled) {}

  // Appends `name` to `out`, which holds the message from its first octet.
  // `compressible` is false where RFC 3597 §4 forbids pointers (RDATA of
  // types not defined in RFC 1035, such as SRV: RFC 2782); such names are
  // also not offered as pointer targets.
  void write(std::string& out, const DomainName& name, bool compressible);

 private:
  bool enabled_;
  // Copies of the names offered as targets; a deque so the views below stay
  // valid as it grows. One copy per name, however many suffixes it offers.
  std::deque<std::string> names_;
  std::unordered_map<std::string_view, std::uint16_t> offsets_;  // uncompressed suffix -> where it starts
};

}  // namespace conformance::codec::dns
