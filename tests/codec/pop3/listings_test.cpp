#include "harness/codec/pop3/listings.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conformance::codec::pop3 {
namespace {

TEST(Pop3DropListing, ParsesStatReply) {
  // RFC 1939 §5, STAT: "S: +OK 2 320".
  auto listing = parse_drop_listing("2 320");
  ASSERT_TRUE(listing.ok()) << listing.error().message();
  EXPECT_EQ(*listing, (DropListing{2, 320, ""}));
}

TEST(Pop3DropListing, AcceptsEmptyMaildrop) {
  auto listing = parse_drop_listing("0 0");
  ASSERT_TRUE(listing.ok());
  EXPECT_EQ(*listing, (DropListing{0, 0, ""}));
}

TEST(Pop3DropListing, KeepsWhatFollowsTheSize) {
  auto listing = parse_drop_listing("2 320 messages in maildrop");
  ASSERT_TRUE(listing.ok());
  EXPECT_EQ(listing->rest, "messages in maildrop");
}

TEST(Pop3DropListing, RejectsNonNumericCount) {
  auto listing = parse_drop_listing("two 320");
  ASSERT_FALSE(listing.ok());
  EXPECT_EQ(listing.error().offset, 0u);
  EXPECT_EQ(listing.error().expected, "message count (decimal digits)");
}

TEST(Pop3DropListing, RejectsMissingSize) {
  auto listing = parse_drop_listing("2");
  ASSERT_FALSE(listing.ok());
  EXPECT_EQ(listing.error().offset, 1u);
  auto double_space = parse_drop_listing("2  320");
  ASSERT_FALSE(double_space.ok());
  EXPECT_EQ(double_space.error().offset, 2u);
}

TEST(Pop3DropListing, RejectsSizeRunningIntoText) {
  auto listing = parse_drop_listing("2 320octets");
  ASSERT_FALSE(listing.ok());
  EXPECT_EQ(listing.error().offset, 5u);
}

TEST(Pop3DropListing, RejectsNumberOverflow) {
  auto listing = parse_drop_listing("2 99999999999999999999");
  ASSERT_FALSE(listing.ok());
  EXPECT_EQ(listing.error().offset, 2u);
  EXPECT_EQ(listing.error().expected, "maildrop size in octets below 2^64");
}

TEST(Pop3ScanListing, ParsesListReply) {
  // RFC 1939 §5, LIST: "S: +OK 2 200".
  auto listing = parse_scan_listing("2 200");
  ASSERT_TRUE(listing.ok());
  EXPECT_EQ(*listing, (ScanListing{2, 200, ""}));
}

TEST(Pop3ScanListing, RejectsMessageNumberZero) {
  auto listing = parse_scan_listing("0 200");
  ASSERT_FALSE(listing.ok());
  EXPECT_EQ(listing.error().offset, 0u);
  EXPECT_EQ(listing.error().expected, "message number of at least 1");
}

TEST(Pop3ScanListing, ParsesMultiLineBodyAndReportsOffsetsIntoIt) {
  auto listings = parse_scan_listings({"1 120", "2 200"});
  ASSERT_TRUE(listings.ok());
  EXPECT_EQ(*listings, (std::vector<ScanListing>{{1, 120, ""}, {2, 200, ""}}));

  auto broken = parse_scan_listings({"1 120", "2 x"});
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().offset, 9u);  // "1 120\r\n" is 7 octets, then "2 " is 2
}

TEST(Pop3ScanListing, RoundTrips) {
  const std::vector<ScanListing> listings = {{1, 120, ""}, {2, 200, "extra info"}};
  auto parsed = parse_scan_listings(serialize(listings));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, listings);
  EXPECT_EQ(serialize(listings[1]), "2 200 extra info");
}

TEST(Pop3UniqueIdListing, ParsesUidlReply) {
  // RFC 1939 §7, UIDL: "S: +OK 2 QhdPYR:00WBw1Ph7x7".
  auto listing = parse_unique_id_listing("2 QhdPYR:00WBw1Ph7x7");
  ASSERT_TRUE(listing.ok());
  EXPECT_EQ(*listing, (UniqueIdListing{2, "QhdPYR:00WBw1Ph7x7"}));
}

TEST(Pop3UniqueIdListing, AcceptsSeventyCharacterUid) {
  const std::string uid(70, '~');
  auto listing = parse_unique_id_listing("1 " + uid);
  ASSERT_TRUE(listing.ok());
  EXPECT_EQ(listing->uid, uid);
}

TEST(Pop3UniqueIdListing, RejectsUidLongerThanSeventyCharacters) {
  auto listing = parse_unique_id_listing("1 " + std::string(71, 'a'));
  ASSERT_FALSE(listing.ok());
  EXPECT_EQ(listing.error().offset, 72u);
  EXPECT_EQ(listing.error().expected, "end of a unique-id of at most 70 characters");
}

TEST(Pop3UniqueIdListing, RejectsEmptyUid) {
  auto listing = parse_unique_id_listing("1 ");
  ASSERT_FALSE(listing.ok());
  EXPECT_EQ(listing.error().offset, 2u);
}

TEST(Pop3UniqueIdListing, RejectsInformationAfterUid) {
  // "No information follows the unique-id in the unique-id listing."
  auto listing = parse_unique_id_listing("1 abc def");
  ASSERT_FALSE(listing.ok());
  EXPECT_EQ(listing.error().offset, 5u);
}

TEST(Pop3UniqueIdListing, RejectsCharactersOutsideRange) {
  auto listing = parse_unique_id_listing("1 ab\x7f");
  ASSERT_FALSE(listing.ok());
  EXPECT_EQ(listing.error().offset, 4u);
}

TEST(Pop3UniqueIdListing, ParsesMultiLineBodyAndRoundTrips) {
  // RFC 1939 §7, UIDL example.
  const std::vector<std::string> lines = {"1 whqtswO00WBw418f9t5JxYwZ", "2 QhdPYR:00WBw1Ph7x7"};
  auto listings = parse_unique_id_listings(lines);
  ASSERT_TRUE(listings.ok());
  EXPECT_EQ(*listings, (std::vector<UniqueIdListing>{{1, "whqtswO00WBw418f9t5JxYwZ"}, {2, "QhdPYR:00WBw1Ph7x7"}}));
  EXPECT_EQ(serialize(*listings), lines);
}

TEST(Pop3DropListing, RoundTrips) {
  for (const DropListing& listing : {DropListing{2, 320, ""}, DropListing{0, 0, "empty"}}) {
    auto parsed = parse_drop_listing(serialize(listing));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, listing);
  }
}

}  // namespace
}  // namespace conformance::codec::pop3
