#include "harness/codec/mime/address.hpp"

#include <gtest/gtest.h>

#include <string>

namespace conformance::codec::mime {
namespace {

Mailbox box(std::optional<std::string> name, std::string local, std::string domain) {
  return Mailbox{std::move(name), {}, std::move(local), std::move(domain)};
}

AddressList parse_ok(std::string_view value) {
  auto list = parse_address_list(value);
  EXPECT_TRUE(list) << value << ": " << list.error().message();
  return list ? *list : AddressList{};
}

TEST(MimeAddress, ParsesNameAddr) {
  EXPECT_EQ(parse_ok("John Doe <jdoe@machine.example>"),
            (AddressList{box("John Doe", "jdoe", "machine.example")}));
}

TEST(MimeAddress, ParsesTheMailboxFormsOfAppendixA12) {
  // RFC 5322 Appendix A.1.2.
  EXPECT_EQ(parse_ok("\"Joe Q. Public\" <john.q.public@example.com>"),
            (AddressList{box("Joe Q. Public", "john.q.public", "example.com")}));
  EXPECT_EQ(parse_ok("Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>"),
            (AddressList{box("Mary Smith", "mary", "x.test"), box(std::nullopt, "jdoe", "example.org"),
                         box("Who?", "one", "y.test")}));
  EXPECT_EQ(parse_ok("<boss@nil.test>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>"),
            (AddressList{box(std::nullopt, "boss", "nil.test"), box("Giant; \"Big\" Box", "sysservices", "example.net")}));
}

TEST(MimeAddress, ParsesGroupsOfAppendixA13) {
  EXPECT_EQ(parse_ok("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;"),
            (AddressList{Group{"A Group", {box("Ed Jones", "c", "a.test"), box(std::nullopt, "joe", "where.test"),
                                           box("John", "jdoe", "one.test")}}}));
  EXPECT_EQ(parse_ok("Undisclosed recipients:;"), (AddressList{Group{"Undisclosed recipients", {}}}));
}

TEST(MimeAddress, SkipsCommentsAndFoldingOfAppendixA5) {
  EXPECT_EQ(parse_ok("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>"),
            (AddressList{box("Pete", "pete", "silly.test")}));
  EXPECT_EQ(parse_ok("A Group(Some people)\r\n     :Chris Jones <c@(Chris's host.)public.example>,\r\n"
                     "         joe@example.org,\r\n  John <jdoe@one.test> (my dear friend); (the end of the group)"),
            (AddressList{Group{"A Group", {box("Chris Jones", "c", "public.example"),
                                           box(std::nullopt, "joe", "example.org"), box("John", "jdoe", "one.test")}}}));
  EXPECT_EQ(parse_ok("(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;"),
            (AddressList{Group{"Hidden recipients", {}}}));
}

TEST(MimeAddress, ParsesObsoleteFormsOfAppendixA61) {
  // Unquoted '.' in a phrase, a route, an empty list member and CFWS around '.'.
  EXPECT_EQ(parse_ok("Joe Q. Public <john.q.public@example.com>"),
            (AddressList{box("Joe Q. Public", "john.q.public", "example.com")}));
  Mailbox routed = box("Mary Smith", "mary", "example.net");
  routed.route = {"node.test"};
  EXPECT_EQ(parse_ok("Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example"),
            (AddressList{routed, box(std::nullopt, "jdoe", "test.example")}));
}

TEST(MimeAddress, ParsesObsoleteCommentsInsideDomainOfAppendixA63) {
  EXPECT_EQ(parse_ok("John Doe <jdoe@machine(comment).  example>"),
            (AddressList{box("John Doe", "jdoe", "machine.example")}));
  EXPECT_EQ(parse_ok("Mary Smith\r\n  \r\n          <mary@example.net>"),
            (AddressList{box("Mary Smith", "mary", "example.net")}));
}

TEST(MimeAddress, ParsesRouteWithSeveralHops) {
  auto list = parse_ok("<@a.test,@b.test:user@c.test>");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(std::get<Mailbox>(list[0]).route, (std::vector<std::string>{"a.test", "b.test"}));
}

TEST(MimeAddress, UnquotesQuotedLocalPart) {
  EXPECT_EQ(parse_ok("\"john doe\"@example.com"), (AddressList{box(std::nullopt, "john doe", "example.com")}));
  EXPECT_EQ(parse_ok("\"a\\\"b\"@example.com"), (AddressList{box(std::nullopt, "a\"b", "example.com")}));
}

TEST(MimeAddress, KeepsDomainLiteralWithBrackets) {
  EXPECT_EQ(parse_ok("postmaster@[192.0.2.1]"), (AddressList{box(std::nullopt, "postmaster", "[192.0.2.1]")}));
  EXPECT_EQ(parse_ok("x@[IPv6:2001:db8::1]"), (AddressList{box(std::nullopt, "x", "[IPv6:2001:db8::1]")}));
}

TEST(MimeAddress, KeepsEncodedWordsInDisplayNames) {
  EXPECT_EQ(parse_ok("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>"),
            (AddressList{box("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?=", "keld", "dkuug.dk")}));
}

TEST(MimeAddress, AcceptsUtf8InNamesAndAddresses) {
  // RFC 6532 §3.2: UTF-8 where atext and qtext are allowed.
  EXPECT_EQ(parse_ok("J\xC3\xB6rg <j\xC3\xB6rg@b\xC3\xBC" "cher.example>"),
            (AddressList{box("J\xC3\xB6rg", "j\xC3\xB6rg", "b\xC3\xBC" "cher.example")}));
}

TEST(MimeAddress, EmptyValueIsAnEmptyList) {
  EXPECT_TRUE(parse_ok("").empty());
  EXPECT_TRUE(parse_ok("  (nobody) ").empty());
}

TEST(MimeAddress, ToleratesGroupWithoutSemicolonAtTheEnd) {
  EXPECT_EQ(parse_ok("undisclosed-recipients:"), (AddressList{Group{"undisclosed-recipients", {}}}));
}

TEST(MimeAddress, RejectsAddressWithoutDomain) {
  auto list = parse_address_list("John Doe");
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error(), (ParseError{8, "'@' or '<'"}));
  auto bare = parse_address_list("user, other@example.com");
  ASSERT_FALSE(bare);
  EXPECT_EQ(bare.error(), (ParseError{4, "'@' or '<'"}));
}

TEST(MimeAddress, RejectsUnterminatedAngleAddress) {
  auto list = parse_address_list("Joe <joe@example.com");
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error(), (ParseError{20, "'>'"}));
}

TEST(MimeAddress, RejectsUnterminatedComment) {
  auto list = parse_address_list("joe@example.com (never closed");
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error(), (ParseError{16, "')' closing the comment"}));
}

TEST(MimeAddress, RejectsCommentsNestedTooDeep) {
  std::string deep = "a@b " + std::string(40, '(') + std::string(40, ')');
  auto list = parse_address_list(deep);
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().expected, "comments nested at most 32 deep");
  FieldLimits limits;
  limits.max_comment_depth = 64;
  EXPECT_TRUE(parse_address_list(deep, limits));
}

TEST(MimeAddress, RejectsNestedGroups) {
  auto list = parse_address_list("Outer: Inner: a@b;;");
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().expected, "mailbox (a group cannot appear here)");
}

TEST(MimeAddress, RejectsDoubleDotInLocalPart) {
  auto list = parse_address_list("john..doe@example.com");
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error(), (ParseError{5, "word of local part"}));
}

TEST(MimeAddress, RejectsEmptyAngleAddress) {
  EXPECT_FALSE(parse_address_list("<>"));
}

TEST(MimeAddress, CapsTheNumberOfAddresses) {
  FieldLimits limits;
  limits.max_items = 2;
  EXPECT_TRUE(parse_address_list("a@b, c@d", limits));
  auto list = parse_address_list("a@b, c@d, e@f", limits);
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().offset, 10u);
}

TEST(MimeAddress, ParsesSingleMailbox) {
  auto sender = parse_mailbox("Michael Jones <mjones@machine.example>");
  ASSERT_TRUE(sender);
  EXPECT_EQ(*sender, box("Michael Jones", "mjones", "machine.example"));
  EXPECT_FALSE(parse_mailbox("a@b, c@d"));
  EXPECT_FALSE(parse_mailbox("Group: a@b;"));
}

TEST(MimeAddress, SerializesQuotingOnlyWhereNeeded) {
  EXPECT_EQ(serialize_mailbox(box("John Doe", "jdoe", "machine.example")), "John Doe <jdoe@machine.example>");
  EXPECT_EQ(serialize_mailbox(box("Joe Q. Public", "john.q.public", "example.com")),
            "\"Joe Q. Public\" <john.q.public@example.com>");
  EXPECT_EQ(serialize_mailbox(box("Giant; \"Big\" Box", "x", "y")), "\"Giant; \\\"Big\\\" Box\" <x@y>");
  EXPECT_EQ(serialize_mailbox(box(std::nullopt, "john doe", "example.com")), "\"john doe\"@example.com");
  EXPECT_EQ(serialize_mailbox(box("", "a", "b")), "\"\" <a@b>");
  Mailbox routed = box(std::nullopt, "mary", "example.net");
  routed.route = {"a.test", "b.test"};
  EXPECT_EQ(serialize_mailbox(routed), "<@a.test,@b.test:mary@example.net>");
}

TEST(MimeAddress, SerializesGroups) {
  AddressList list{Group{"A Group", {box("Ed Jones", "c", "a.test"), box(std::nullopt, "joe", "where.test")}},
                   Group{"Undisclosed recipients", {}}, box(std::nullopt, "x", "y")};
  EXPECT_EQ(serialize_address_list(list),
            "A Group: Ed Jones <c@a.test>, joe@where.test;, Undisclosed recipients:;, x@y");
}

TEST(MimeAddress, RoundTripsThroughTheSerializer) {
  const char* const inputs[] = {
      "A Group(Some people)\r\n     :Chris Jones <c@(Chris's host.)public.example>, joe@example.org;",
      "\"Giant; \\\"Big\\\" Box\" <sysservices@example.net>, <boss@nil.test>",
      "Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example",
      "\"a  b\" <\"x y\"@[1.2.3.4]>",
      "\"\" <a@b>",
      "J\xC3\xB6rg <j@example.com>",
  };
  for (const char* input : inputs) {
    auto first = parse_address_list(input);
    ASSERT_TRUE(first) << input;
    auto second = parse_address_list(serialize_address_list(*first));
    ASSERT_TRUE(second) << serialize_address_list(*first);
    EXPECT_EQ(*second, *first) << input;
  }
}

}  // namespace
}  // namespace conformance::codec::mime
