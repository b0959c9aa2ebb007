// Typed views of the responses whose format RFC 1939 fixes "in order to
// simplify parsing": the drop listing of STAT, the scan listings of LIST and
// the unique-id listings of UIDL (RFC 1939 §5, §7). Each parses from the text
// of a single-line response or from the lines of a multi-line body, and
// serializes back to that text or those lines (without CRLF).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/pop3/command.hpp"

namespace conformance::codec::pop3 {

// "+OK nn mm": messages and octets in the maildrop (STAT).
struct DropListing {
  std::uint64_t messages = 0;
  std::uint64_t octets = 0;
  // "This memo makes no requirement on what follows the maildrop size" (RFC
  // 1939 §5): whatever follows the SP after the size, kept for reports.
  std::string rest;

  friend bool operator==(const DropListing&, const DropListing&) = default;
};

// "msg octets": one message's number and exact size (LIST).
struct ScanListing {
  MessageNumber message = 1;
  std::uint64_t octets = 0;
  std::string rest;  // as for DropListing: allowed, "STRONGLY discouraged"

  friend bool operator==(const ScanListing&, const ScanListing&) = default;
};

// "msg uid": "No information follows the unique-id" (UIDL).
struct UniqueIdListing {
  MessageNumber message = 1;
  // "one to 70 characters in the range 0x21 to 0x7E" (RFC 1939 §7, UIDL).
  std::string uid;

  friend bool operator==(const UniqueIdListing&, const UniqueIdListing&) = default;
};

inline constexpr std::size_t max_unique_id_length = 70;

// Single listings: `text` is the text of a "+OK" line or one body line.
// Error offsets are relative to `text`.
Result<DropListing> parse_drop_listing(std::string_view text);
Result<ScanListing> parse_scan_listing(std::string_view text);
Result<UniqueIdListing> parse_unique_id_listing(std::string_view text);

// Whole multi-line bodies. Error offsets count from the start of the body
// as if its lines were joined with CRLF (join_lines()).
Result<std::vector<ScanListing>> parse_scan_listings(const std::vector<std::string>& lines);
Result<std::vector<UniqueIdListing>> parse_unique_id_listings(const std::vector<std::string>& lines);

std::string serialize(const DropListing& listing);
std::string serialize(const ScanListing& listing);
std::string serialize(const UniqueIdListing& listing);
std::vector<std::string> serialize(const std::vector<ScanListing>& listings);
std::vector<std::string> serialize(const std::vector<UniqueIdListing>& listings);

}  // namespace conformance::codec::pop3
