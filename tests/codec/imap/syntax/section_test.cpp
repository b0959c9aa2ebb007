#include "harness/codec/imap/section.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::imap {
namespace {

Section parse(std::string_view text) {
  Reader r(text);
  auto section = read_section(r);
  EXPECT_TRUE(r.ok()) << text << ": " << r.error().message();
  EXPECT_TRUE(r.at_end()) << text;
  return section;
}

std::string serialize(const Section& section) {
  Writer w;
  write_section(w, section);
  return w.bytes();
}

// RFC 9051 §6.4.5: the section specifiers of its example message.
TEST(ImapSection, ParsesRfc9051PartSpecifiers) {
  EXPECT_EQ(parse("[]"), Section{});
  EXPECT_EQ(parse("[HEADER]").text, Section::Text::header);
  EXPECT_EQ(parse("[1]").part, (std::vector<std::uint32_t>{1}));
  auto nested = parse("[4.2.2.1]");
  EXPECT_EQ(nested.part, (std::vector<std::uint32_t>{4, 2, 2, 1}));
  auto mime = parse("[3.1.MIME]");
  EXPECT_EQ(mime.part, (std::vector<std::uint32_t>{3, 1}));
  EXPECT_EQ(mime.text, Section::Text::mime);
  EXPECT_EQ(parse("[4.2.HEADER]").text, Section::Text::header);
  EXPECT_EQ(parse("[TEXT]").text, Section::Text::text);
}

TEST(ImapSection, ParsesHeaderFieldLists) {
  auto section = parse("[HEADER.FIELDS (DATE FROM \"X-Odd Name\")]");
  EXPECT_EQ(section.text, Section::Text::header_fields);
  EXPECT_EQ(section.header_fields, (std::vector<std::string>{"DATE", "FROM", "X-Odd Name"}));
  EXPECT_EQ(parse("[1.HEADER.FIELDS.NOT (Received)]").text, Section::Text::header_fields_not);
}

TEST(ImapSection, MimeNeedsAPartNumber) {
  Reader r("[MIME]");
  read_section(r);
  EXPECT_FALSE(r.ok());
}

TEST(ImapSection, RejectsPartNumberZero) {
  Reader r("[1.0]");
  read_section(r);
  EXPECT_FALSE(r.ok());
}

TEST(ImapSection, RoundTrips) {
  for (auto text : {"[]", "[1.2.3]", "[HEADER]", "[2.TEXT]", "[1.MIME]", "[HEADER.FIELDS (DATE FROM)]",
                    "[1.HEADER.FIELDS.NOT (RECEIVED)]"})
    EXPECT_EQ(serialize(parse(text)), text);
}

TEST(ImapSection, BinarySectionTakesOnlyPartNumbers) {
  Reader ok("[1.2]");
  EXPECT_EQ(read_section_binary(ok).part, (std::vector<std::uint32_t>{1, 2}));
  Reader bad("[1.TEXT]");
  read_section_binary(bad);
  EXPECT_FALSE(bad.ok());
}

TEST(ImapFlagList, ReadsEmptyAndFullLists) {
  Reader empty("()");
  EXPECT_TRUE(read_flag_list(empty).empty());
  EXPECT_TRUE(empty.ok());
  Reader full("(\\Answered \\Flagged $Junk)");
  EXPECT_EQ(read_flag_list(full), (std::vector<std::string>{"\\Answered", "\\Flagged", "$Junk"}));
}

TEST(ImapFlagList, RejectsDoubleSpace) {
  Reader r("(\\Seen  \\Draft)");
  read_flag_list(r);
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace conformance::codec::imap
