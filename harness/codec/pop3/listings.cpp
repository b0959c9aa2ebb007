#include "harness/codec/pop3/listings.hpp"

#include <optional>
#include <utility>

#include "harness/codec/pop3/chars.hpp"

namespace conformance::codec::pop3 {
namespace {

// Reads a decimal number at `at`, advancing it. `minimum` rejects message-number 0.
Result<std::uint64_t> read_number(std::string_view text, std::size_t& at, std::uint64_t minimum,
                                  std::string_view what) {
  const std::size_t start = at;
  const std::size_t end = detail::digits_end(text, at);
  if (end == start) return ParseError{start, std::string(what) + " (decimal digits)"};
  auto value = detail::parse_decimal(text.substr(start, end - start));
  if (!value) return ParseError{start, std::string(what) + " below 2^64"};
  if (*value < minimum) return ParseError{start, std::string(what) + " of at least " + std::to_string(minimum)};
  at = end;
  return *value;
}

std::optional<ParseError> expect_space(std::string_view text, std::size_t& at, std::string_view after) {
  if (at >= text.size() || text[at] != ' ') return ParseError{at, "SP after the " + std::string(after)};
  ++at;
  return std::nullopt;
}

// "msg SP number [SP rest]", shared by drop and scan listings.
struct NumberPair {
  std::uint64_t first = 0;
  std::uint64_t second = 0;
  std::string rest;
};

Result<NumberPair> parse_number_pair(std::string_view text, std::uint64_t first_minimum, std::string_view first_name,
                                     std::string_view second_name) {
  NumberPair pair;
  std::size_t at = 0;
  auto first = read_number(text, at, first_minimum, first_name);
  if (!first) return first.error();
  if (auto error = expect_space(text, at, first_name)) return *error;
  auto second = read_number(text, at, 0, second_name);
  if (!second) return second.error();
  pair.first = *first;
  pair.second = *second;
  if (at < text.size()) {
    if (text[at] != ' ') return ParseError{at, "SP or end of line after the " + std::string(second_name)};
    pair.rest = std::string(text.substr(at + 1));
  }
  return pair;
}

std::string pair_text(std::uint64_t first, std::uint64_t second, const std::string& rest) {
  std::string out = std::to_string(first) + " " + std::to_string(second);
  if (!rest.empty()) out += " " + rest;
  return out;
}

template <class Listing, class Parse>
Result<std::vector<Listing>> parse_lines(const std::vector<std::string>& lines, Parse parse) {
  std::vector<Listing> listings;
  listings.reserve(lines.size());
  std::size_t offset = 0;
  for (const auto& line : lines) {
    auto listing = parse(line);
    if (!listing) return ParseError{offset + listing.error().offset, listing.error().expected};
    listings.push_back(std::move(*listing));
    offset += line.size() + 2;
  }
  return listings;
}

}  // namespace

Result<DropListing> parse_drop_listing(std::string_view text) {
  auto pair = parse_number_pair(text, 0, "message count", "maildrop size in octets");
  if (!pair) return pair.error();
  return DropListing{pair->first, pair->second, std::move(pair->rest)};
}

Result<ScanListing> parse_scan_listing(std::string_view text) {
  auto pair = parse_number_pair(text, 1, "message number", "message size in octets");
  if (!pair) return pair.error();
  return ScanListing{pair->first, pair->second, std::move(pair->rest)};
}

Result<UniqueIdListing> parse_unique_id_listing(std::string_view text) {
  std::size_t at = 0;
  auto message = read_number(text, at, 1, "message number");
  if (!message) return message.error();
  if (auto error = expect_space(text, at, "message number")) return *error;
  const std::size_t start = at;
  while (at < text.size() && detail::is_vchar(text[at])) {
    if (at - start == max_unique_id_length) return ParseError{at, "end of a unique-id of at most 70 characters"};
    ++at;
  }
  if (at == start) return ParseError{at, "unique-id (1 to 70 characters 0x21-0x7E)"};
  if (at < text.size()) return ParseError{at, "end of line after the unique-id (characters 0x21-0x7E)"};
  return UniqueIdListing{*message, std::string(text.substr(start))};
}

Result<std::vector<ScanListing>> parse_scan_listings(const std::vector<std::string>& lines) {
  return parse_lines<ScanListing>(lines, [](std::string_view line) { return parse_scan_listing(line); });
}

Result<std::vector<UniqueIdListing>> parse_unique_id_listings(const std::vector<std::string>& lines) {
  return parse_lines<UniqueIdListing>(lines, [](std::string_view line) { return parse_unique_id_listing(line); });
}

std::string serialize(const DropListing& listing) { return pair_text(listing.messages, listing.octets, listing.rest); }

std::string serialize(const ScanListing& listing) { return pair_text(listing.message, listing.octets, listing.rest); }

std::string serialize(const UniqueIdListing& listing) { return std::to_string(listing.message) + " " + listing.uid; }

std::vector<std::string> serialize(const std::vector<ScanListing>& listings) {
  std::vector<std::string> lines;
  lines.reserve(listings.size());
  for (const auto& listing : listings) lines.push_back(serialize(listing));
  return lines;
}

std::vector<std::string> serialize(const std::vector<UniqueIdListing>& listings) {
  std::vector<std::string> lines;
  lines.reserve(listings.size());
  for (const auto& listing : listings) lines.push_back(serialize(listing));
  return lines;
}

}  // namespace conformance::codec::pop3
