// CAPABILITY, ENABLED, ID, QUOTA, QUOTAROOT, METADATA, ACL, LISTRIGHTS,
// MYRIGHTS and responses kept raw (RFC 9051 §7.2, RFC 2971, RFC 9208,
// RFC 5464, RFC 4314).
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace conformance::codec::imap {
namespace {

using namespace std::string_literals;
using test::expect_round_trip;
using test::parse_as;
using test::parse_error;
using test::parse_ok;

TEST(ImapCapability, ParsesRfc9051Example) {
  const auto data = parse_as<CapabilityData>("* CAPABILITY STARTTLS AUTH=GSSAPI IMAP4rev2 LOGINDISABLED XPIG-LATIN\r\n");
  EXPECT_EQ(data.capabilities,
            (std::vector<std::string>{"STARTTLS", "AUTH=GSSAPI", "IMAP4rev2", "LOGINDISABLED", "XPIG-LATIN"}));
  EXPECT_TRUE(data.has("imap4rev2"));
  EXPECT_FALSE(data.has("IMAP4rev1"));
  EXPECT_EQ(serialize_response(data), "* CAPABILITY STARTTLS AUTH=GSSAPI IMAP4rev2 LOGINDISABLED XPIG-LATIN\r\n");
}

TEST(ImapCapability, RejectsTrailingSpStrictly) {
  const ParseError error = parse_error("* CAPABILITY IMAP4rev1 \r\n");
  EXPECT_EQ(error.offset, 22u);
  EXPECT_EQ(error.expected, "atom");
}

TEST(ImapEnabled, ParsesListAndEmptyList) {
  EXPECT_EQ(parse_as<EnabledData>("* ENABLED CONDSTORE QRESYNC\r\n").capabilities,
            (std::vector<std::string>{"CONDSTORE", "QRESYNC"}));
  EXPECT_TRUE(parse_as<EnabledData>("* ENABLED\r\n").capabilities.empty());
  expect_round_trip(EnabledData{});
}

TEST(ImapId, ParsesRfc2971Examples) {
  EXPECT_FALSE(parse_as<IdData>("* ID NIL\r\n").fields.has_value());
  const auto id = parse_as<IdData>(
      "* ID (\"name\" \"Cyrus\" \"version\" \"1.5\" \"os\" \"sunos\" \"os-version\" \"5.5\" \"support-url\" "
      "\"mailto:cyrus-bugs+@andrew.cmu.edu\")\r\n");
  ASSERT_TRUE(id.fields.has_value());
  ASSERT_EQ(id.fields->size(), 5u);
  EXPECT_EQ((*id.fields)[0], (std::pair<std::string, NString>{"name", "Cyrus"}));
  EXPECT_EQ((*id.fields)[4].second, "mailto:cyrus-bugs+@andrew.cmu.edu");
  expect_round_trip(id);
}

TEST(ImapId, KeepsNilValuesAndEmptyList) {
  const auto id = parse_as<IdData>("* ID (\"name\" NIL)\r\n");
  EXPECT_EQ((*id.fields)[0].second, std::nullopt);
  EXPECT_TRUE(parse_as<IdData>("* ID ()\r\n").fields->empty());
  expect_round_trip(parse_ok("* ID ()\r\n"));
}

TEST(ImapQuota, ParsesRfc9208Examples) {
  const auto quota = parse_as<QuotaData>("* QUOTA \"#user/alice\" (STORAGE 54 111 MESSAGE 42 1000)\r\n");
  EXPECT_EQ(quota.root, "#user/alice");
  ASSERT_EQ(quota.resources.size(), 2u);
  EXPECT_EQ(quota.resources[1], (QuotaResource{"MESSAGE", 42, 1000}));
  expect_round_trip(quota);
  const auto root = parse_as<QuotaRootData>("* QUOTAROOT INBOX \"#user/alice\" \"!partition/sda4\"\r\n");
  EXPECT_EQ(root.mailbox, "INBOX");
  EXPECT_EQ(root.roots, (std::vector<std::string>{"#user/alice", "!partition/sda4"}));
  EXPECT_TRUE(parse_as<QuotaRootData>("* QUOTAROOT comp.mail.mime\r\n").roots.empty());
  expect_round_trip(root);
}

TEST(ImapMetadata, ParsesValuesAndEntryList) {
  // RFC 5464 §4.2.1 and §4.4
  const auto values = parse_as<MetadataData>("* METADATA \"INBOX\" (/private/comment \"My own comment\")\r\n");
  EXPECT_EQ(values.mailbox, "INBOX");
  ASSERT_EQ(values.values.size(), 1u);
  EXPECT_EQ(values.values[0].first, "/private/comment");
  EXPECT_EQ(values.values[0].second, "My own comment");
  const auto entries = parse_as<MetadataData>("* METADATA \"INBOX\" /shared/comment /private/comment\r\n");
  EXPECT_EQ(entries.entries, (std::vector<std::string>{"/shared/comment", "/private/comment"}));
  expect_round_trip(values);
  expect_round_trip(entries);
}

TEST(ImapMetadata, AcceptsLiteral8Value) {
  const auto data = parse_as<MetadataData>("* METADATA \"\" (/shared/blob ~{3}\r\na\0b)\r\n"s);
  ASSERT_EQ(data.values.size(), 1u);
  EXPECT_EQ(data.values[0].second, "a\0b"s);
  expect_round_trip(data);
}

TEST(ImapAcl, ParsesRfc4314Examples) {
  const auto acl = parse_as<AclData>("* ACL INBOX Fred rwipslxetad -Fred wetd $team w\r\n");
  ASSERT_EQ(acl.entries.size(), 3u);
  EXPECT_EQ(acl.entries[1], (std::pair<std::string, std::string>{"-Fred", "wetd"}));
  expect_round_trip(acl);
  const auto rights = parse_as<ListRightsData>("* LISTRIGHTS ~/Mail/saved smith la r swicdkxte\r\n");
  EXPECT_EQ(rights.identifier, "smith");
  EXPECT_EQ(rights.required, "la");
  EXPECT_EQ(rights.optional, (std::vector<std::string>{"r", "swicdkxte"}));
  const auto none = parse_as<ListRightsData>("* LISTRIGHTS archive/imap anyone \"\"\r\n");
  EXPECT_EQ(none.required, "");
  expect_round_trip(none);
  const auto mine = parse_as<MyRightsData>("* MYRIGHTS INBOX rwiptsldaex\r\n");
  EXPECT_EQ(mine.rights, "rwiptsldaex");
  expect_round_trip(mine);
}

TEST(ImapUnknownResponse, KeepsUnknownResponsesRaw) {
  const auto thread = parse_as<UnknownData>("* THREAD (2)(3 6 (4 23)(44 7 96))\r\n");
  EXPECT_EQ(thread.raw, "THREAD (2)(3 6 (4 23)(44 7 96))");
  EXPECT_EQ(thread.keyword(), "THREAD");
  const auto numbered = parse_as<UnknownData>("* 3 XFOO {3}\r\nabc bar\r\n");
  EXPECT_EQ(numbered.raw, "3 XFOO {3}\r\nabc bar");
  EXPECT_EQ(numbered.keyword(), "XFOO");
  expect_round_trip(thread);
  expect_round_trip(numbered);
}

TEST(ImapUnknownResponse, RejectsKnownResponseWithBadSyntax) {
  const ParseError error = parse_error("* QUOTA root (STORAGE x 1)\r\n");
  EXPECT_EQ(error.offset, 22u);
  EXPECT_EQ(error.expected, "number");
}

TEST(ImapUnknownResponse, RejectsMissingKeyword) {
  const ParseError error = parse_error("* (x)\r\n");
  EXPECT_EQ(error.offset, 2u);
  EXPECT_EQ(error.expected, "atom");
}

}  // namespace
}  // namespace conformance::codec::imap
