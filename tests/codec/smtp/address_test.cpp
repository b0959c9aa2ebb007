#include "harness/codec/smtp/address.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conformance::codec::smtp {
namespace {

AddressOptions utf8_options() {
  AddressOptions options;
  options.utf8 = true;
  return options;
}

ParseError reverse_error(std::string_view text, const AddressOptions& options = {}) {
  auto path = parse_reverse_path(text, options);
  EXPECT_FALSE(path.ok()) << text;
  return path.ok() ? ParseError{} : path.error();
}

TEST(SmtpAddress, ParsesNullReversePath) {
  auto path = parse_reverse_path("<>");
  ASSERT_TRUE(path.ok());
  EXPECT_TRUE(path->is_null());
  EXPECT_EQ(*path, Path::null());
  EXPECT_EQ(serialize_path(*path), "<>");
}

TEST(SmtpAddress, RejectsNullForwardPath) {
  auto path = parse_forward_path("<>");
  ASSERT_FALSE(path.ok());
  EXPECT_EQ(path.error().offset, 1u);
}

TEST(SmtpAddress, ParsesMailbox) {
  auto path = parse_reverse_path("<Smith@bar.com>");
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(path->local_part, "Smith");
  EXPECT_EQ(path->domain, Host::domain_name("bar.com"));
  EXPECT_TRUE(path->source_route.empty());
  EXPECT_EQ(path->address(), "Smith@bar.com");
}

TEST(SmtpAddress, ParsesPostmasterWithoutDomainAsForwardPath) {
  // RFC 5321 §4.1.1.3: "<Postmaster>", case-insensitive.
  for (std::string_view text : {"<Postmaster>", "<postmaster>", "<POSTMASTER>"}) {
    auto path = parse_forward_path(text);
    ASSERT_TRUE(path.ok()) << text;
    EXPECT_TRUE(path->is_postmaster());
    EXPECT_FALSE(path->domain.has_value());
  }
  auto with_domain = parse_forward_path("<Postmaster@foo.com>");
  ASSERT_TRUE(with_domain.ok());
  EXPECT_FALSE(with_domain->is_postmaster());
}

TEST(SmtpAddress, RejectsPostmasterWithoutDomainAsReversePath) {
  ParseError error = reverse_error("<Postmaster>");
  EXPECT_EQ(error.offset, 11u);
  EXPECT_EQ(error.expected, "'@' after the local part");
}

TEST(SmtpAddress, ParsesAndKeepsSourceRoute) {
  // RFC 5321 §4.1.2 A-d-l and Appendix C
  auto path = parse_forward_path("<@hosta.int,@jkl.org:userc@d.bar.org>");
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(path->source_route, (std::vector<std::string>{"hosta.int", "jkl.org"}));
  EXPECT_EQ(path->local_part, "userc");
  EXPECT_EQ(path->domain, Host::domain_name("d.bar.org"));
  EXPECT_EQ(serialize_path(*path), "<@hosta.int,@jkl.org:userc@d.bar.org>");
}

TEST(SmtpAddress, RejectsMalformedSourceRoute) {
  EXPECT_EQ(reverse_error("<@a;user@b>").offset, 3u);
  EXPECT_EQ(reverse_error("<@a,b:user@c>").expected, "'@' starting a source route domain");
}

TEST(SmtpAddress, ParsesQuotedLocalPartWithQuotedPairs) {
  auto path = parse_reverse_path(R"(<"Joe\,Smith"@example.com>)");
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(path->local_part, R"("Joe\,Smith")");
  EXPECT_EQ(path->local_part_value(), "Joe,Smith");
  auto spaced = parse_reverse_path(R"(<"john \"the\" doe"@example.com>)");
  ASSERT_TRUE(spaced.ok());
  EXPECT_EQ(spaced->local_part_value(), R"(john "the" doe)");
}

TEST(SmtpAddress, RejectsUnterminatedOrInvalidQuotedString) {
  EXPECT_EQ(reverse_error(R"(<"abc@example.com>)").expected, "'\"' closing the quoted string");
  ParseError control = reverse_error("<\"a\x01\"@example.com>");
  EXPECT_EQ(control.offset, 3u);
  EXPECT_EQ(control.expected, "qtextSMTP, quoted-pair or '\"'");
  EXPECT_EQ(reverse_error("<\"a\\\x01\"@example.com>").offset, 4u);
}

TEST(SmtpAddress, RejectsEmptyDotStringAtoms) {
  EXPECT_EQ(reverse_error("<a..b@example.com>").offset, 3u);
  EXPECT_EQ(reverse_error("<.a@example.com>").offset, 1u);
  ParseError trailing = reverse_error("<a.@example.com>");
  EXPECT_EQ(trailing.offset, 3u);
  EXPECT_EQ(trailing.expected, "atext (Dot-string atoms cannot be empty)");
}

TEST(SmtpAddress, RejectsCharactersOutsideAtext) {
  ParseError error = reverse_error("<a(b)@example.com>");
  EXPECT_EQ(error.offset, 2u);
  EXPECT_EQ(error.expected, "'@' after the local part");
}

TEST(SmtpAddress, ValidatesDomainLabels) {
  EXPECT_TRUE(parse_domain("a-b.example.com").ok());
  EXPECT_TRUE(parse_domain("3com.com").ok());
  ParseError trailing_hyphen = parse_domain("a-.example").error();
  EXPECT_EQ(trailing_hyphen.offset, 1u);
  EXPECT_EQ(trailing_hyphen.expected, "letter or digit ending a domain label (not '-')");
  EXPECT_EQ(parse_domain("-a.example").error().offset, 0u);
  EXPECT_EQ(parse_domain("a..example").error().offset, 2u);
  EXPECT_EQ(parse_domain("example.com.").error().offset, 12u);
  // §4.1.2: the underscore is not permitted.
  EXPECT_EQ(parse_domain("my_host.example").error().offset, 2u);
}

TEST(SmtpAddress, ParsesIpv4AddressLiteral) {
  auto host = parse_host("[192.0.2.1]");
  ASSERT_TRUE(host.ok());
  EXPECT_EQ(*host, Host::ipv4_literal("192.0.2.1"));
  EXPECT_EQ(host->to_string(), "[192.0.2.1]");
}

TEST(SmtpAddress, RejectsIpv4OutsideTheGrammar) {
  EXPECT_EQ(parse_host("[256.1.1.1]").error().offset, 1u);
  EXPECT_EQ(parse_host("[1.2.3]").error().offset, 6u);
  EXPECT_EQ(parse_host("[1.2.3.4.5]").error().offset, 8u);
  EXPECT_EQ(parse_host("[1.2.3.4]x").error().expected, "end of the address literal");
}

TEST(SmtpAddress, ParsesIpv6AddressLiterals) {
  for (std::string_view address :
       {"2001:db8::1", "2001:db8:0:0:0:0:0:1", "::", "::1", "fe80::", "::ffff:192.0.2.1",
        "1:2:3:4:5:6:192.0.2.1", "1:2:3:4::192.0.2.1"}) {
    auto host = parse_host("[IPv6:" + std::string(address) + "]");
    ASSERT_TRUE(host.ok()) << address;
    EXPECT_EQ(*host, Host::ipv6_literal(std::string(address)));
  }
  // The tag is case-insensitive; it is written back as "IPv6".
  auto lower = parse_host("[ipv6:2001:db8::1]");
  ASSERT_TRUE(lower.ok());
  EXPECT_EQ(lower->to_string(), "[IPv6:2001:db8::1]");
}

TEST(SmtpAddress, RejectsIpv6OutsideTheGrammar) {
  // RFC 5321 §4.1.3: at most 6 groups besides "::" (4 with an IPv4 tail).
  for (std::string_view address : {"1:2:3:4:5:6:7::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3",
                                    "12345::1", "g::1", "1:2:3:4:5::192.0.2.1", ":1:2:3:4:5:6:7", "1:::2", ""}) {
    EXPECT_FALSE(parse_host("[IPv6:" + std::string(address) + "]").ok()) << address;
  }
  ParseError error = parse_host("[IPv6:2001:db8::xyz]").error();
  EXPECT_EQ(error.offset, 16u);
  EXPECT_EQ(error.expected, "IPv6 address (RFC 5321 §4.1.3)");
}

TEST(SmtpAddress, ParsesGeneralAddressLiteral) {
  auto host = parse_host("[x-future:some/thing]");
  ASSERT_TRUE(host.ok());
  EXPECT_EQ(host->kind, Host::Kind::general);
  EXPECT_EQ(host->tag, "x-future");
  EXPECT_EQ(host->value, "some/thing");
  EXPECT_EQ(host->to_string(), "[x-future:some/thing]");
  EXPECT_FALSE(parse_host("[bad-:x]").ok());  // Ldh-str ends with a letter or digit
  EXPECT_FALSE(parse_host("[tag:]").ok());
  EXPECT_EQ(parse_host("[a b]").error().offset, 2u);
}

TEST(SmtpAddress, EnforcesLocalPartLimit) {
  // RFC 5321 §4.5.3.1.1: 64 octets.
  EXPECT_TRUE(parse_reverse_path("<" + std::string(64, 'a') + "@example.com>").ok());
  ParseError error = reverse_error("<" + std::string(65, 'a') + "@example.com>");
  EXPECT_EQ(error.offset, 1u);
  EXPECT_EQ(error.expected, "local part of at most 64 octets (RFC 5321 §4.5.3.1.1)");
}

TEST(SmtpAddress, EnforcesDomainLimit) {
  // RFC 5321 §4.5.3.1.2: 255 octets.
  std::string domain;
  while (domain.size() < 255) domain += domain.empty() ? "a" : ".a";  // 255 octets
  ASSERT_EQ(domain.size(), 255u);
  EXPECT_TRUE(parse_domain(domain).ok());
  ParseError error = parse_domain(domain + "b").error();
  EXPECT_EQ(error.offset, 0u);
  EXPECT_EQ(error.expected, "domain of at most 255 octets (RFC 5321 §4.5.3.1.2)");
}

TEST(SmtpAddress, EnforcesPathLimit) {
  // RFC 5321 §4.5.3.1.3: 256 octets, brackets included.
  const std::string domain = std::string(63, 'd') + "." + std::string(63, 'd') + "." + std::string(61, 'd');
  const std::string at_limit = "<" + std::string(64, 'l') + "@" + domain + ">";
  ASSERT_EQ(at_limit.size(), 256u);
  EXPECT_TRUE(parse_reverse_path(at_limit).ok());
  const std::string over = "<" + std::string(64, 'l') + "@" + domain + "d>";
  ASSERT_EQ(over.size(), 257u);
  ParseError error = reverse_error(over);
  EXPECT_EQ(error.offset, 0u);
  EXPECT_EQ(error.expected, "path of at most 256 octets (RFC 5321 §4.5.3.1.3)");
}

TEST(SmtpAddress, LimitsAreConfigurable) {
  AddressOptions options;
  options.limits.max_local_part = 8;
  EXPECT_FALSE(parse_reverse_path("<abcdefghi@example.com>", options).ok());
  options.limits.max_local_part = 1000;
  EXPECT_TRUE(parse_reverse_path("<" + std::string(100, 'a') + "@example.com>", options).ok());
}

TEST(SmtpAddress, RejectsUtf8WithoutSmtputf8) {
  ParseError error = reverse_error("<jos\xC3\xA9@example.com>");
  EXPECT_EQ(error.offset, 4u);
  EXPECT_EQ(error.expected, "ASCII (UTF-8 here needs SMTPUTF8, RFC 6531 §3.3)");
  EXPECT_EQ(parse_domain("b\xC3\xBC" "cher.example").error().offset, 1u);
}

TEST(SmtpAddress, AcceptsUtf8LocalPartAndDomainUnderSmtputf8) {
  // RFC 6531 §3.3: atext, qtextSMTP and sub-domain take UTF8-non-ascii.
  auto path = parse_reverse_path("<\xE7\x94\xA8\xE6\x88\xB7@\xE4\xBE\x8B\xE5\xAD\x90.\xE5\xB9\xBF\xE5\x91\x8A>",
                                 utf8_options());
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(path->local_part, "\xE7\x94\xA8\xE6\x88\xB7");
  EXPECT_EQ(path->domain->value, "\xE4\xBE\x8B\xE5\xAD\x90.\xE5\xB9\xBF\xE5\x91\x8A");
  EXPECT_TRUE(parse_reverse_path("<\"jos\xC3\xA9 x\"@example.com>", utf8_options()).ok());
}

TEST(SmtpAddress, ScanReportsFirstNonAsciiOffset) {
  auto scan = scan_path("<ab\xC3\xA9@example.com> SIZE=1", PathKind::reverse, utf8_options());
  ASSERT_TRUE(scan.ok());
  EXPECT_EQ(scan->length, 18u);
  EXPECT_EQ(scan->first_utf8, 3u);
}

TEST(SmtpAddress, RejectsMalformedUtf8EvenUnderSmtputf8) {
  for (std::string_view bad : {"<a\xC3@example.com>", "<a\xC0\xAF@example.com>", "<a\xED\xA0\x80@example.com>",
                               "<a\xF5\x80\x80\x80@example.com>", "<a\xFF@example.com>"}) {
    auto path = parse_reverse_path(bad, utf8_options());
    ASSERT_FALSE(path.ok());
    EXPECT_EQ(path.error().offset, 2u);
    EXPECT_EQ(path.error().expected, "well-formed UTF-8");
  }
}

TEST(SmtpAddress, RejectsTextAfterThePath) {
  ParseError error = reverse_error("<a@b.c> ");
  EXPECT_EQ(error.offset, 7u);
  EXPECT_EQ(error.expected, "end of the path");
}

TEST(SmtpAddress, ParsesUnbracketedPathForLenientCommands) {
  auto scan = scan_unbracketed_path("user@example.com SIZE=10", PathKind::reverse, {});
  ASSERT_TRUE(scan.ok());
  EXPECT_EQ(scan->length, 16u);
  EXPECT_EQ(scan->path.address(), "user@example.com");
}

TEST(SmtpAddress, QuotesLocalPartsOnlyWhenNeeded) {
  EXPECT_EQ(quote_local_part("john.doe"), "john.doe");
  EXPECT_EQ(quote_local_part("john doe"), "\"john doe\"");
  EXPECT_EQ(quote_local_part("a\"b"), R"("a\"b")");
  EXPECT_EQ(quote_local_part(".hidden"), "\".hidden\"");
  EXPECT_EQ(quote_local_part("a..b"), "\"a..b\"");
  EXPECT_EQ(quote_local_part(""), "\"\"");
}

TEST(SmtpAddress, BuildsMailboxPathsThatRoundTrip) {
  const std::vector<Path> paths = {
      Path::mailbox("john doe", Host::domain_name("example.com")),
      Path::mailbox("x", Host::ipv4_literal("192.0.2.1")),
      Path::mailbox("y", Host::ipv6_literal("2001:db8::1")),
      Path{{"relay.example"}, "z", Host::domain_name("dest.example")},
      Path::postmaster(),
  };
  for (const Path& path : paths) {
    auto parsed = parse_forward_path(serialize_path(path));
    ASSERT_TRUE(parsed.ok()) << serialize_path(path);
    EXPECT_EQ(*parsed, path);
  }
  EXPECT_EQ(serialize_path(paths[0]), "<\"john doe\"@example.com>");
}

}  // namespace
}  // namespace conformance::codec::smtp
