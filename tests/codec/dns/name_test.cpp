#include "harness/codec/dns/name.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "harness/codec/dns/name_wire.hpp"
#include "tests/codec/dns/wire_bytes.hpp"

namespace conformance::codec::dns {
namespace {

using testing::bytes;

DomainName name(std::string_view text) { return DomainName::from_text(text).value(); }

// The layout of RFC 1035 §4.1.4: F.ISI.ARPA at 20, FOO.F.ISI.ARPA at 40
// (FOO, then a pointer to 20), ARPA at 64 (a pointer to 26) and the root at 92.
std::string rfc1035_compression_example() {
  std::string message(93, '\0');
  message.replace(20, 12, bytes("01 'F' 03 'ISI' 04 'ARPA' 00"));
  message.replace(40, 6, bytes("03 'FOO' C0 14"));
  message.replace(64, 2, bytes("C0 1A"));
  message[92] = '\0';
  return message;
}

TEST(DomainName, DefaultIsTheRoot) {
  DomainName root;
  EXPECT_TRUE(root.is_root());
  EXPECT_EQ(root.wire(), std::string(1, '\0'));
  EXPECT_EQ(root.to_text(), ".");
  EXPECT_EQ(root.label_count(), 0u);
}

TEST(DomainName, ParsesPresentationFormatWithAndWithoutTrailingDot) {
  EXPECT_EQ(name("mail.example.com.").wire(), bytes("04 'mail' 07 'example' 03 'com' 00"));
  EXPECT_EQ(name("mail.example.com"), name("mail.example.com."));
  EXPECT_EQ(name("."), DomainName());
}

TEST(DomainName, ListsLabelsLeftToRight) {
  const DomainName parsed = name("mail.Example.com");
  auto labels = parsed.labels();
  ASSERT_EQ(labels.size(), 3u);
  EXPECT_EQ(labels[0], "mail");
  EXPECT_EQ(labels[1], "Example");
  EXPECT_EQ(labels[2], "com");
}

TEST(DomainName, PreservesCaseAndComparesExactly) {
  EXPECT_EQ(name("Mail.EXAMPLE.com").to_text(), "Mail.EXAMPLE.com.");
  EXPECT_NE(name("Mail.EXAMPLE.com"), name("mail.example.com"));
}

TEST(DomainName, EqualsIgnoreCaseFoldsOnlyAsciiLetters) {
  EXPECT_TRUE(equals_ignore_case(name("Mail.EXAMPLE.com"), name("mail.example.COM")));
  EXPECT_FALSE(equals_ignore_case(name("mail.example.com"), name("mail.example.org")));
  // RFC 4343 §3: octets above 0x7F are compared exactly.
  EXPECT_FALSE(equals_ignore_case(name("\\196.example"), name("\\228.example")));
  EXPECT_FALSE(equals_ignore_case(name("ab.c"), name("a.bc")));
}

TEST(DomainName, LowercasedFoldsAsciiLetters) {
  EXPECT_EQ(name("MAIL.Example.COM").lowercased(), name("mail.example.com"));
}

TEST(DomainName, SubdomainTestFollowsLabelBoundaries) {
  EXPECT_TRUE(name("mail.Example.com").is_subdomain_of(name("example.COM")));
  EXPECT_TRUE(name("example.com").is_subdomain_of(name("example.com")));
  EXPECT_TRUE(name("example.com").is_subdomain_of(DomainName()));
  EXPECT_FALSE(name("badexample.com").is_subdomain_of(name("example.com")));
  EXPECT_FALSE(name("com").is_subdomain_of(name("example.com")));
}

TEST(DomainName, UnescapesDotsAndDecimalEscapes) {
  auto parsed = name("a\\.b.c\\032d");
  auto labels = parsed.labels();
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_EQ(labels[0], "a.b");
  EXPECT_EQ(labels[1], "c d");
}

TEST(DomainName, EscapesSpecialAndUnprintableOctetsInText) {
  EXPECT_EQ(name("a\\.b.c\\032d.\\000x").to_text(), "a\\.b.c\\ d.\\000x.");
  EXPECT_EQ(name("semi\\;colon").to_text(), "semi\\;colon.");
}

TEST(DomainName, TextRoundTripsThroughEscapes) {
  auto original = name("we\\.ird\\255.\\\\back\\\"slash");
  EXPECT_EQ(DomainName::from_text(original.to_text()).value(), original);
}

TEST(DomainName, RejectsEmptyLabelInText) {
  auto parsed = DomainName::from_text("mail..example.com");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().offset, 5u);
  EXPECT_EQ(parsed.error().expected, "non-empty label");
  EXPECT_FALSE(DomainName::from_text("").ok());
  EXPECT_FALSE(DomainName::from_text(".com").ok());
}

TEST(DomainName, RejectsLabelLongerThan63Octets) {
  const std::string label63(63, 'a');
  EXPECT_TRUE(DomainName::from_text(label63 + ".com").ok());
  auto parsed = DomainName::from_text("x." + label63 + "a.com");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().offset, 2u);
  EXPECT_EQ(parsed.error().expected, "label of at most 63 octets");
}

TEST(DomainName, RejectsNameLongerThan255Octets) {
  // Four 63-octet labels take 4 * 64 + 1 = 257 octets on the wire.
  const std::string label63(63, 'a');
  const std::string three = label63 + "." + label63 + "." + label63;
  EXPECT_TRUE(DomainName::from_text(three + "." + std::string(61, 'a')).ok());  // exactly 255
  auto parsed = DomainName::from_text(three + "." + std::string(62, 'a'));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().expected, "domain name of at most 255 octets");
}

TEST(DomainName, RejectsBadDecimalEscape) {
  auto parsed = DomainName::from_text("a\\25x.com");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().offset, 2u);
  EXPECT_EQ(parsed.error().expected, "three decimal digits");
  EXPECT_EQ(DomainName::from_text("a\\256.com").error().expected, "decimal escape of at most 255");
  EXPECT_EQ(DomainName::from_text("a\\").error().expected, "escaped character after backslash");
}

TEST(DomainName, FromWireAcceptsOnlyUncompressedNames) {
  EXPECT_EQ(DomainName::from_wire(bytes("03 'www' 00")).value(), name("www"));
  EXPECT_EQ(DomainName::from_wire(bytes("03 'www' C0 0C")).error().offset, 4u);
  EXPECT_EQ(DomainName::from_wire(bytes("03 'www'")).error().expected, "label length octet");
  EXPECT_EQ(DomainName::from_wire(bytes("03 'www' 00 00")).error().expected, "end of name after the root label");
}

TEST(ReadName, DecodesRfc1035CompressionExample) {
  const std::string message = rfc1035_compression_example();
  auto f = read_name(message, 20, message.size(), 32);
  ASSERT_TRUE(f.ok()) << f.error().message();
  EXPECT_EQ(f->name, name("F.ISI.ARPA"));
  EXPECT_EQ(f->end, 32u);

  auto foo = read_name(message, 40, message.size(), 32);
  ASSERT_TRUE(foo.ok()) << foo.error().message();
  EXPECT_EQ(foo->name, name("FOO.F.ISI.ARPA"));
  EXPECT_EQ(foo->end, 46u);

  auto arpa = read_name(message, 64, message.size(), 32);
  ASSERT_TRUE(arpa.ok()) << arpa.error().message();
  EXPECT_EQ(arpa->name, name("ARPA"));
  EXPECT_EQ(arpa->end, 66u);

  auto root = read_name(message, 92, message.size(), 32);
  ASSERT_TRUE(root.ok());
  EXPECT_TRUE(root->name.is_root());
  EXPECT_EQ(root->end, 93u);
}

TEST(ReadName, RejectsPointerToItself) {
  std::string message(12, '\0');
  message += bytes("C0 0C");
  auto read = read_name(message, 12, message.size(), 32);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().offset, 12u);
  EXPECT_EQ(read.error().expected,
            "compression pointer to an earlier offset (forward and looping pointers are not allowed)");
}

TEST(ReadName, RejectsPointerLoopThroughEarlierLabels) {
  // At 12: "a" then a pointer to 16; at 16: "b" then a pointer back to 12.
  std::string message(12, '\0');
  message += bytes("01 'a' C0 10  01 'b' C0 0C");
  auto read = read_name(message, 16, message.size(), 32);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().offset, 14u);
  EXPECT_EQ(read.error().expected,
            "compression pointer to an earlier offset (forward and looping pointers are not allowed)");
}

TEST(ReadName, RejectsLabelsThatOverlapThePointerLeadingToThem) {
  // The pointer at 15 leads to a 3-octet label whose last octet is the
  // pointer itself.
  std::string message(12, '\0');
  message += bytes("03 'ab' C0 0C");
  auto read = read_name(message, 15, message.size(), 32);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().offset, 15u);
  EXPECT_EQ(read.error().expected, "name that ends before the labels pointing to it (compression loop)");
}

TEST(ReadName, RejectsForwardPointer) {
  std::string message(12, '\0');
  message += bytes("C0 0E 03 'com' 00");
  auto read = read_name(message, 12, message.size(), 32);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().offset, 12u);
}

TEST(ReadName, RejectsPointerIntoHeader) {
  std::string message(12, '\0');
  message += bytes("C0 04");
  auto read = read_name(message, 12, message.size(), 32);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().expected, "compression pointer to an offset past the header");
}

TEST(ReadName, RejectsPointerPastEndOfMessage) {
  std::string message(12, '\0');
  message += bytes("03 'www' 00 C1 00");  // pointer to 256 in a 19-octet message
  auto read = read_name(message, 17, message.size(), 32);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().offset, 17u);
}

TEST(ReadName, RejectsPointerCutOffAfterFirstOctet) {
  std::string message(12, '\0');
  message += bytes("03 'www' C0");
  auto read = read_name(message, 12, message.size(), 32);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().offset, 17u);
  EXPECT_EQ(read.error().expected, "second octet of compression pointer");
}

TEST(ReadName, RejectsLabelLongerThan63Octets) {
  // A length octet of 64 or more has 01 in its top bits (RFC 1035 §4.1.4).
  for (int length : {64, 127}) {
    std::string message(12, '\0');
    message += static_cast<char>(length);
    message += std::string(static_cast<std::size_t>(length), 'x');
    message += '\0';
    auto read = read_name(message, 12, message.size(), 32);
    ASSERT_FALSE(read.ok()) << length;
    EXPECT_EQ(read.error().offset, 12u);
    EXPECT_EQ(read.error().expected, "label length of at most 63 (label type 0x40 is not allowed)");
  }
}

TEST(ReadName, RejectsReservedLabelType) {
  for (const char* type : {"80", "BF"}) {
    std::string message(12, '\0');
    message += bytes(std::string("01 'a' ") + type + " 'x' 00");
    auto read = read_name(message, 12, message.size(), 32);
    ASSERT_FALSE(read.ok()) << type;
    EXPECT_EQ(read.error().offset, 14u);
    EXPECT_EQ(read.error().expected, "label length or compression pointer (label type 0x80 is reserved)");
  }
}

TEST(ReadName, RejectsLabelRunningPastTheLimit) {
  std::string message(12, '\0');
  message += bytes("05 'ab'");
  auto read = read_name(message, 12, message.size(), 32);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().offset, 15u);
  EXPECT_EQ(read.error().expected, "rest of a 5-octet label within the record");
}

TEST(ReadName, RejectsNameLongerThan255OctetsBuiltFromPointers) {
  // Each name adds a 63-octet label in front of the one before it, so the
  // i-th expands to (i + 1) * 64 + 1 octets: the fourth is 257.
  std::string message(12, '\0');
  std::vector<std::size_t> starts;
  for (int i = 0; i < 4; ++i) {
    starts.push_back(message.size());
    message += static_cast<char>(63);
    message += std::string(63, static_cast<char>('a' + i));
    if (i == 0) {
      message += '\0';
    } else {
      message += static_cast<char>(0xC0 | (starts[i - 1] >> 8));
      message += static_cast<char>(starts[i - 1] & 0xFF);
    }
  }
  auto third = read_name(message, starts[2], message.size(), 32);
  ASSERT_TRUE(third.ok()) << third.error().message();
  EXPECT_EQ(third->name.wire().size(), 193u);
  auto fourth = read_name(message, starts[3], message.size(), 32);
  ASSERT_FALSE(fourth.ok());
  EXPECT_EQ(fourth.error().expected, "domain name of at most 255 octets");
  EXPECT_EQ(fourth.error().offset, starts[0]);  // the label that went over
}

TEST(ReadName, StopsAfterMaximumPointerJumps) {
  // A chain of pointers, each to the one before: legal, but long.
  std::string message(12, '\0');
  message += bytes("03 'com' 00");  // at 12
  std::size_t previous = 12;
  for (int i = 0; i < 10; ++i) {
    const std::size_t here = message.size();
    message += static_cast<char>(0xC0 | (previous >> 8));
    message += static_cast<char>(previous & 0xFF);
    previous = here;
  }
  auto allowed = read_name(message, previous, message.size(), 10);
  ASSERT_TRUE(allowed.ok()) << allowed.error().message();
  EXPECT_EQ(allowed->name, name("com"));
  auto refused = read_name(message, previous, message.size(), 9);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().expected, "at most 9 compression pointers in one name");
}

TEST(NameCompressor, EncodesRfc1035ExampleWithPointers) {
  std::string out(12, '\0');
  NameCompressor names(true);
  names.write(out, name("F.ISI.ARPA"), true);
  names.write(out, name("FOO.F.ISI.ARPA"), true);
  names.write(out, name("ARPA"), true);
  names.write(out, DomainName(), true);
  EXPECT_EQ(out.substr(12), bytes("01 'F' 03 'ISI' 04 'ARPA' 00   03 'FOO' C0 0C   C0 12   00"));
}

TEST(NameCompressor, WritesNamesInFullWhenDisabled) {
  std::string out(12, '\0');
  NameCompressor names(false);
  names.write(out, name("a.example"), true);
  names.write(out, name("b.example"), true);
  EXPECT_EQ(out.substr(12), bytes("01 'a' 07 'example' 00  01 'b' 07 'example' 00"));
}

TEST(NameCompressor, MatchesSuffixesCaseSensitivelySoCaseSurvives) {
  std::string out(12, '\0');
  NameCompressor names(true);
  names.write(out, name("example.com"), true);
  names.write(out, name("mail.EXAMPLE.com"), true);
  EXPECT_EQ(out.substr(12), bytes("07 'example' 03 'com' 00  04 'mail' 07 'EXAMPLE' C0 14"));
}

TEST(NameCompressor, NeitherCompressesNorOffersIncompressibleNames) {
  std::string out(12, '\0');
  NameCompressor names(true);
  names.write(out, name("example.com"), true);
  names.write(out, name("sip.example.com"), false);  // e.g. an SRV target
  names.write(out, name("sip.example.com"), true);
  EXPECT_EQ(out.substr(12), bytes("07 'example' 03 'com' 00  03 'sip' 07 'example' 03 'com' 00  03 'sip' C0 0C"));
}

}  // namespace
}  // namespace conformance::codec::dns
