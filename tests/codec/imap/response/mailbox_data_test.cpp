// LIST, LSUB, NAMESPACE, STATUS, FLAGS, EXISTS, RECENT, EXPUNGE, VANISHED,
// SEARCH, SORT and ESEARCH (RFC 9051 §7.3-7.5, RFC 3501 §7.2-7.4, RFC 5258,
// RFC 2342, RFC 7162, RFC 4731, RFC 9394).
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace conformance::codec::imap {
namespace {

using test::expect_round_trip;
using test::parse_as;
using test::parse_error;
using test::parse_ok;

TEST(ImapList, ParsesAtomMailboxExample) {
  // RFC 9051 §7.3.1
  const auto list = parse_as<ListData>("* LIST (\\Noselect) \"/\" ~/Mail/foo\r\n");
  EXPECT_FALSE(list.lsub);
  EXPECT_EQ(list.attributes, (std::vector<std::string>{"\\Noselect"}));
  EXPECT_EQ(list.delimiter, '/');
  EXPECT_EQ(list.mailbox, "~/Mail/foo");
  EXPECT_EQ(list.mailbox_form, StringForm::atom);
  EXPECT_TRUE(list.extended.empty());
}

TEST(ImapList, ParsesNilDelimiterAndQuotedName) {
  const auto list = parse_as<ListData>("* LIST (\\Marked \\NoInferiors) NIL \"inbox\"\r\n");
  EXPECT_EQ(list.delimiter, std::nullopt);
  EXPECT_EQ(list.mailbox, "inbox");
  EXPECT_EQ(list.mailbox_form, StringForm::quoted);
  EXPECT_EQ(list.attributes.size(), 2u);
}

TEST(ImapList, ParsesExtendedDataOfRfc9051Example) {
  // RFC 9051 §7.3.1: extended items with nested lists and a bare string.
  const auto list = parse_as<ListData>(
      "* LIST (\\Marked) \":\" Tables (tablecloth ((\"edge\" \"lacy\") (\"color\" \"red\")) Sample \"text\")\r\n");
  EXPECT_EQ(list.delimiter, ':');
  EXPECT_EQ(list.mailbox, "Tables");
  ASSERT_EQ(list.extended.size(), 2u);
  EXPECT_EQ(list.extended[0].tag, "tablecloth");
  const ExtensionValue& cloth = list.extended[0].value;
  ASSERT_EQ(cloth.kind, ExtensionValue::Kind::list);
  ASSERT_EQ(cloth.items.size(), 2u);
  EXPECT_EQ(cloth.items[1].items[1].text, "red");
  EXPECT_EQ(list.extended[1].tag, "Sample");
  EXPECT_EQ(list.extended[1].value.kind, ExtensionValue::Kind::string);
  EXPECT_EQ(list.extended[1].value.text, "text");
  expect_round_trip(parse_ok(
      "* LIST () \":\" Tables:new (tablecloth (\"edge\" \"lacy\") Sample (\"text\" \"more text\"))\r\n"));
}

TEST(ImapList, ReadsOldnameAndChildinfo) {
  // RFC 9051 §8 and §6.3.9
  const auto renamed = parse_as<ListData>("* LIST () \"/\" INBOX (\"OLDNAME\" (\"inbox\"))\r\n");
  EXPECT_EQ(renamed.oldname(), "inbox");
  EXPECT_EQ(renamed.childinfo(), std::nullopt);
  const auto parent = parse_as<ListData>("* LIST () \".\" \"foo\" (CHILDINFO (\"SUBSCRIBED\"))\r\n");
  EXPECT_EQ(parent.childinfo(), (std::vector<std::string>{"SUBSCRIBED"}));
}

TEST(ImapList, DecodesModifiedUtf7OnRequest) {
  const auto list = parse_as<ListData>("* LIST () \"/\" \"~peter/mail/&U,BTFw-/&ZeVnLIqe-\"\r\n");
  EXPECT_EQ(list.mailbox, "~peter/mail/&U,BTFw-/&ZeVnLIqe-");
  auto decoded = list.decoded_mailbox();
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded.value(), "~peter/mail/\xE5\x8F\xB0\xE5\x8C\x97/\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E");
}

TEST(ImapList, ParsesLsub) {
  // RFC 3501 §7.2.3
  const auto lsub = parse_as<ListData>("* LSUB () \".\" #news.comp.mail.misc\r\n");
  EXPECT_TRUE(lsub.lsub);
  EXPECT_EQ(lsub.mailbox, "#news.comp.mail.misc");
  EXPECT_EQ(serialize_response(lsub), "* LSUB () \".\" #news.comp.mail.misc\r\n");
}

TEST(ImapList, RejectsMultiCharacterDelimiter) {
  const ParseError error = parse_error("* LIST () \"//\" foo\r\n");
  EXPECT_EQ(error.offset, 10u);
}

TEST(ImapList, RejectsAttributeWithoutBackslash) {
  const ParseError error = parse_error("* LIST (Noselect) \"/\" foo\r\n");
  EXPECT_EQ(error.offset, 8u);
}

TEST(ImapList, RoundTripsNameForms) {
  for (const char* frame : {"* LIST () \"/\" NIL\r\n", "* LIST () \"/\" \"\"\r\n", "* LIST () \"\\\\\" {3}\r\na b\r\n",
                            "* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent Items\"\r\n"})
    expect_round_trip(parse_ok(frame));
  EXPECT_EQ(parse_as<ListData>("* LIST () \"\\\\\" x\r\n").delimiter, '\\');
}

TEST(ImapNamespace, ParsesRfc9051Example) {
  // RFC 9051 §7.3.2
  const auto ns = parse_as<NamespaceData>("* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) NIL\r\n");
  ASSERT_EQ(ns.personal.size(), 1u);
  EXPECT_EQ(ns.personal[0].prefix, "");
  EXPECT_EQ(ns.personal[0].delimiter, '/');
  ASSERT_EQ(ns.other_users.size(), 1u);
  EXPECT_EQ(ns.other_users[0].prefix, "~");
  EXPECT_TRUE(ns.shared.empty());
}

TEST(ImapNamespace, ParsesRfc2342MultipleSharedNamespaces) {
  // RFC 2342 §5, example 5.6
  const auto ns = parse_as<NamespaceData>(
      "* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) ((\"#shared/\" \"/\")(\"#public/\" \"/\")(\"#ftp/\" \"/\")"
      "(\"#news.\" \".\"))\r\n");
  ASSERT_EQ(ns.shared.size(), 4u);
  EXPECT_EQ(ns.shared[3].prefix, "#news.");
  EXPECT_EQ(ns.shared[3].delimiter, '.');
}

TEST(ImapNamespace, ParsesRfc2342ResponseExtension) {
  // RFC 2342 §5, example 5.9 (namespace response extensions)
  const auto ns =
      parse_as<NamespaceData>("* NAMESPACE ((\"\" \"/\")(\"#mh/\" \"/\" \"X-PARAM\" (\"FLAG1\" \"FLAG2\"))) NIL NIL\r\n");
  ASSERT_EQ(ns.personal.size(), 2u);
  ASSERT_EQ(ns.personal[1].extensions.size(), 1u);
  EXPECT_EQ(ns.personal[1].extensions[0].name, "X-PARAM");
  EXPECT_EQ(ns.personal[1].extensions[0].values, (std::vector<std::string>{"FLAG1", "FLAG2"}));
  expect_round_trip(parse_ok("* NAMESPACE ((\"\" \"/\")(\"#mh/\" \"/\" \"X-PARAM\" (\"FLAG1\" \"FLAG2\"))) NIL NIL\r\n"));
  expect_round_trip(parse_ok("* NAMESPACE NIL NIL ((\"\" \".\"))\r\n"));
}

TEST(ImapStatus, ParsesRfc9051Example) {
  // RFC 9051 §7.3.3
  const auto status = parse_as<StatusData>("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n");
  EXPECT_EQ(status.mailbox, "blurdybloop");
  ASSERT_EQ(status.items.size(), 2u);
  EXPECT_EQ(status.get(StatusAttribute::messages), 231u);
  EXPECT_EQ(status.get(StatusAttribute::uidnext), 44292u);
  EXPECT_EQ(status.get(StatusAttribute::unseen), std::nullopt);
}

TEST(ImapStatus, ParsesEveryKnownItem) {
  const auto status = parse_as<StatusData>(
      "* STATUS \"INBOX\" (MESSAGES 12 UIDNEXT 13 UIDVALIDITY 7 UNSEEN 3 DELETED 4 SIZE 5000000000 RECENT 1 "
      "HIGHESTMODSEQ 0 APPENDLIMIT 257890 DELETED-STORAGE 8)\r\n");
  EXPECT_EQ(status.mailbox, "INBOX");
  EXPECT_EQ(status.items.size(), 10u);
  EXPECT_EQ(status.get(StatusAttribute::size), 5000000000u);
  EXPECT_EQ(status.get(StatusAttribute::highestmodseq), 0u);
  EXPECT_EQ(status.get(StatusAttribute::appendlimit), 257890u);
  EXPECT_EQ(status.get(StatusAttribute::deleted_storage), 8u);
  expect_round_trip(status);
}

TEST(ImapStatus, ParsesAppendlimitNilAndUnknownItem) {
  // RFC 7889 §3 (NIL), RFC 8474 §4.2 (MAILBOXID, kept generically)
  const auto status = parse_as<StatusData>("* STATUS foo (APPENDLIMIT NIL MAILBOXID (F2212ea87-6097-4256))\r\n");
  ASSERT_EQ(status.items.size(), 2u);
  EXPECT_TRUE(status.items[0].nil);
  EXPECT_EQ(status.get(StatusAttribute::appendlimit), std::nullopt);
  EXPECT_EQ(status.items[1].attribute, StatusAttribute::other);
  EXPECT_EQ(status.items[1].name, "MAILBOXID");
  EXPECT_EQ(status.items[1].other_value, ExtensionValue::list_of({ExtensionValue::token("F2212ea87-6097-4256")}));
  expect_round_trip(status);
}

TEST(ImapStatus, RejectsZeroUidnext) {
  const ParseError error = parse_error("* STATUS foo (UIDNEXT 0)\r\n");
  EXPECT_EQ(error.offset, 22u);
}

TEST(ImapFlags, ParsesRfc9051Example) {
  const auto flags = parse_as<FlagsData>("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n");
  EXPECT_EQ(flags.flags, (std::vector<std::string>{"\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"}));
  EXPECT_EQ(serialize_response(flags), "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n");
}

TEST(ImapFlags, RejectsStarOutsidePermanentflags) {
  const ParseError error = parse_error("* FLAGS (\\Seen \\*)\r\n");
  EXPECT_EQ(error.offset, 15u);
}

TEST(ImapMessageCount, ParsesExistsRecentAndExpunge) {
  EXPECT_EQ(parse_as<ExistsData>("* 23 EXISTS\r\n").count, 23u);
  EXPECT_EQ(parse_as<ExistsData>("* 0 EXISTS\r\n").count, 0u);
  EXPECT_EQ(parse_as<RecentData>("* 5 RECENT\r\n").count, 5u);
  EXPECT_EQ(parse_as<ExpungeData>("* 44 EXPUNGE\r\n").sequence, 44u);
  expect_round_trip(ExpungeData{44});
}

TEST(ImapMessageCount, RejectsExpungeOfMessageZero) {
  const ParseError error = parse_error("* 0 EXPUNGE\r\n");
  EXPECT_EQ(error.offset, 2u);
  EXPECT_EQ(error.expected, "non-zero message sequence number");
}

TEST(ImapMessageCount, RejectsBadNumber) {
  const ParseError error = parse_error("* 99999999999 EXISTS\r\n");
  EXPECT_EQ(error.offset, 2u);
}

TEST(ImapVanished, ParsesRfc7162Examples) {
  const auto earlier = parse_as<VanishedData>("* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n");
  EXPECT_TRUE(earlier.earlier);
  EXPECT_EQ(to_string(earlier.uids), "41,43:116,118,120:211,214:540");
  const auto now = parse_as<VanishedData>("* VANISHED 405,407,410,425\r\n");
  EXPECT_FALSE(now.earlier);
  EXPECT_EQ(now.uids.ranges.size(), 4u);
  expect_round_trip(earlier);
  expect_round_trip(now);
}

TEST(ImapVanished, RejectsStarInKnownUids) {
  const ParseError error = parse_error("* VANISHED 1:*\r\n");
  EXPECT_EQ(error.offset, 13u);
}

TEST(ImapSearch, ParsesRfc3501Example) {
  const auto search = parse_as<SearchData>("* SEARCH 2 3 6\r\n");
  EXPECT_EQ(search.numbers, (std::vector<std::uint32_t>{2, 3, 6}));
  EXPECT_FALSE(search.modseq.has_value());
  EXPECT_TRUE(parse_as<SearchData>("* SEARCH\r\n").numbers.empty());
}

TEST(ImapSearch, ParsesModseqOfRfc7162) {
  const auto search = parse_as<SearchData>("* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)\r\n");
  EXPECT_EQ(search.numbers.size(), 10u);
  EXPECT_EQ(search.modseq, 917162500u);
  expect_round_trip(search);
}

TEST(ImapSearch, ParsesSort) {
  const auto sort = parse_as<SearchData>("* SORT 2 84 882\r\n");
  EXPECT_TRUE(sort.sort);
  EXPECT_EQ(sort.numbers, (std::vector<std::uint32_t>{2, 84, 882}));
  expect_round_trip(sort);
}

TEST(ImapSearch, RejectsZeroAndTrailingSpStrictly) {
  EXPECT_EQ(parse_error("* SEARCH 2 0\r\n").offset, 11u);
  const ParseError trailing = parse_error("* SEARCH \r\n");
  EXPECT_EQ(trailing.offset, 8u);
  EXPECT_EQ(trailing.expected, "nz-number");
}

TEST(ImapEsearch, ParsesRfc9051Examples) {
  const auto first = parse_as<EsearchData>("* ESEARCH UID COUNT 17 ALL 4:18,21,28\r\n");
  EXPECT_FALSE(first.tag.has_value());
  EXPECT_TRUE(first.uid);
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0], esearch_number(EsearchItem::Kind::count, 17));
  EXPECT_EQ(to_string(first.items[1].set), "4:18,21,28");

  const auto tagged = parse_as<EsearchData>("* ESEARCH (TAG \"a567\") UID COUNT 17 ALL 4:18,21,28\r\n");
  EXPECT_EQ(tagged.tag, "a567");
  EXPECT_TRUE(tagged.uid);

  const auto untagged = parse_as<EsearchData>("* ESEARCH COUNT 18 ALL 1:17,21\r\n");
  EXPECT_FALSE(untagged.uid);
  EXPECT_EQ(untagged.find(EsearchItem::Kind::count)->number, 18u);
}

TEST(ImapEsearch, ParsesRfc4731AndRfc7162Examples) {
  const auto min_max = parse_as<EsearchData>("* ESEARCH (TAG \"A285\") UID MIN 7 MAX 3800\r\n");
  EXPECT_EQ(min_max.find(EsearchItem::Kind::min)->number, 7u);
  EXPECT_EQ(min_max.find(EsearchItem::Kind::max)->number, 3800u);
  const auto modseq = parse_as<EsearchData>("* ESEARCH (TAG \"a\") ALL 5,3,2,1 MODSEQ 1236\r\n");
  EXPECT_EQ(to_string(modseq.find(EsearchItem::Kind::all)->set), "5,3,2,1");
  EXPECT_EQ(modseq.find(EsearchItem::Kind::modseq)->number, 1236u);
  expect_round_trip(modseq);
  const auto no_result = parse_as<EsearchData>("* ESEARCH (TAG \"A286\")\r\n");
  EXPECT_TRUE(no_result.items.empty());
}

TEST(ImapEsearch, ParsesPartialOfRfc9394) {
  const auto last = parse_as<EsearchData>("* ESEARCH (TAG \"A01\") UID PARTIAL (-1:-100 200:250,252:300)\r\n");
  const EsearchItem* partial = last.find(EsearchItem::Kind::partial);
  ASSERT_NE(partial, nullptr);
  EXPECT_TRUE(partial->partial_from_end);
  EXPECT_EQ(partial->partial_first, 1u);
  EXPECT_EQ(partial->partial_last, 100u);
  EXPECT_EQ(to_string(partial->set), "200:250,252:300");
  const auto none = parse_as<EsearchData>("* ESEARCH (TAG \"A04\") UID PARTIAL (24000:24500 NIL)\r\n");
  EXPECT_TRUE(none.find(EsearchItem::Kind::partial)->partial_nil);
  expect_round_trip(last);
  expect_round_trip(none);
}

TEST(ImapEsearch, KeepsUnknownReturnData) {
  const auto esearch = parse_as<EsearchData>("* ESEARCH (TAG \"t\") RELEVANCY (4 99 42)\r\n");
  ASSERT_EQ(esearch.items.size(), 1u);
  EXPECT_EQ(esearch.items[0].kind, EsearchItem::Kind::other);
  EXPECT_EQ(esearch.items[0].name, "RELEVANCY");
  EXPECT_EQ(esearch.items[0].value.items.size(), 3u);
  expect_round_trip(esearch);
}

TEST(ImapEsearch, RejectsSavedResultAfterAll) {
  const ParseError error = parse_error("* ESEARCH ALL $\r\n");
  EXPECT_EQ(error.offset, 14u);
}

TEST(ImapEsearch, RejectsMixedSignPartialRange) {
  const ParseError error = parse_error("* ESEARCH PARTIAL (-1:100 NIL)\r\n");
  EXPECT_EQ(error.offset, 19u);
}

}  // namespace
}  // namespace conformance::codec::imap
