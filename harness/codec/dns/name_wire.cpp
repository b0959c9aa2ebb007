#include "harness/codec/dns/name_wire.hpp"

#include <algorithm>
#include <utility>

#include "harness/codec/dns/wire.hpp"

namespace conformance::codec::dns {
namespace {

constexpr std::uint8_t label_type_mask = 0xC0;
constexpr std::uint8_t pointer_type = 0xC0;
constexpr std::size_t max_pointer_offset = 0x3FFF;  // 14 bits (RFC 1035 §4.1.4)

}  // namespace

Result<NameRead> read_name(std::string_view message, std::size_t offset, std::size_t limit,
                           std::size_t max_pointer_jumps) {
  limit = std::min(limit, message.size());
  NameBuilder builder;
  std::size_t wire_length = 1;  // the root label's octet, counted up front
  std::size_t at = offset;
  std::size_t run_start = offset;  // where the labels being read now began
  std::size_t end = 0;             // set at the first pointer
  std::size_t jumps = 0;
  while (true) {
    if (at >= limit) {
      return ParseError{at, jumps == 0 ? "label length octet within the record"
                                       : "name that ends before the labels pointing to it (compression loop)"};
    }
    const std::uint8_t length = wire::u8(message, at);
    if (length == 0) {
      if (end == 0) end = at + 1;
      return NameRead{std::move(builder).finish(), end};
    }
    switch (length & label_type_mask) {
      case 0x00: break;
      case pointer_type: {
        if (at + 1 >= limit) return ParseError{at + 1, "second octet of compression pointer"};
        const std::size_t target = wire::u16(message, at) & max_pointer_offset;
        if (target < header_size) return ParseError{at, "compression pointer to an offset past the header"};
        if (target >= run_start)
          return ParseError{at,
                            "compression pointer to an earlier offset (forward and looping pointers are not allowed)"};
        if (++jumps > max_pointer_jumps)
          return ParseError{at, "at most " + std::to_string(max_pointer_jumps) + " compression pointers in one name"};
        if (end == 0) end = at + 2;
        // After the first jump the labels may be anywhere in what precedes;
        // `run_start` only decreases, so reading must end.
        limit = run_start;
        at = run_start = target;
        continue;
      }
      case 0x40:
        // Once extended labels (RFC 2673), retired by RFC 6891 §5; to a
        // reader that ignores the type bits, a label over 63 octets.
        return ParseError{at, "label length of at most 63 (label type 0x40 is not allowed)"};
      default: return ParseError{at, "label length or compression pointer (label type 0x80 is reserved)"};
    }
    if (limit - at - 1 < length) {
      return ParseError{limit, jumps == 0 ? "rest of a " + std::to_string(length) + "-octet label within the record"
                                          : "name that ends before the labels pointing to it (compression loop)"};
    }
    wire_length += 1 + length;
    if (wire_length > DomainName::max_wire_length) return ParseError{at, "domain name of at most 255 octets"};
    if (!builder.append_label(message.substr(at + 1, length)))
      return ParseError{at, "domain name of at most 255 octets"};
    at += 1 + length;
  }
}

void NameCompressor::write(std::string& out, const DomainName& name, bool compressible) {
  const bool use_table = enabled_ && compressible;
  std::string_view wire = name.wire();
  std::size_t at = 0;
  bool stored = false;
  while (wire[at] != '\0') {
    if (use_table) {
      if (auto found = offsets_.find(wire.substr(at)); found != offsets_.end()) {
        wire::put_u16(out, static_cast<std::uint16_t>(0xC000 | found->second));
        return;
      }
      if (out.size() <= max_pointer_offset) {
        if (!stored) {
          // From here on `wire` views the stored copy, so the table's keys
          // do not depend on the caller's name outliving this compressor.
          wire = names_.emplace_back(wire);
          stored = true;
        }
        offsets_.emplace(wire.substr(at), static_cast<std::uint16_t>(out.size()));
      }
    }
    const std::size_t label_size = 1 + static_cast<unsigned char>(wire[at]);
    out.append(wire.substr(at, label_size));
    at += label_size;
  }
  out += '\0';
}

}  // namespace conformance::codec::dns
