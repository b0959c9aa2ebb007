// SEARCH: RFC 9051 §6.4.4 examples, RFC 4731 ESEARCH result options,
// RFC 5182 SAVE, RFC 7162 MODSEQ, every search key, nesting and its limit.
#include <gtest/gtest.h>

#include "command_test_support.hpp"

namespace conformance::codec::imap::command {
namespace {

using testing::body_of;
using testing::parse_error;
using testing::parse_ok;
using Kind = SearchKey::Kind;

const std::vector<SearchKey> kFlaggedSinceNotFromSmith = {
    SearchKey::simple(Kind::flagged),
    SearchKey::with_date(Kind::since, Date{1, 2, 1994}),
    SearchKey::not_key(SearchKey::with_value(Kind::from, "Smith")),
};

// RFC 9051 §6.4.4 / RFC 4731 §4 example.
TEST(ImapCommandSearch, ParsesReturnMinCount) {
  const Search search = body_of<Search>("A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n");
  EXPECT_FALSE(search.uid);
  ASSERT_TRUE(search.return_options.has_value());
  EXPECT_EQ(*search.return_options, (SearchReturn{true, false, false, true, false, {}}));
  EXPECT_FALSE(search.charset.has_value());
  EXPECT_EQ(search.keys, kFlaggedSinceNotFromSmith);
}

// RFC 9051 §6.4.4: RETURN () is the same as RETURN (ALL), but is kept as sent.
TEST(ImapCommandSearch, ParsesEmptyReturn) {
  const Search search = body_of<Search>("A283 SEARCH RETURN () FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n");
  EXPECT_EQ(search.return_options, SearchReturn{});
  EXPECT_EQ(search.keys, kFlaggedSinceNotFromSmith);
}

// RFC 3501 §6.4.4 example, no result options.
TEST(ImapCommandSearch, ParsesWithoutReturn) {
  const Search search = body_of<Search>("A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n");
  EXPECT_FALSE(search.return_options.has_value());
  EXPECT_EQ(search.keys, kFlaggedSinceNotFromSmith);
}

TEST(ImapCommandSearch, ParsesTextWithQuotedString) {
  EXPECT_EQ(body_of<Search>("A284 SEARCH TEXT \"string not in mailbox\"\r\n").keys,
            (std::vector<SearchKey>{SearchKey::with_value(Kind::text, "string not in mailbox")}));
}

// RFC 9051 §6.4.4 example: a charset and a literal.
TEST(ImapCommandSearch, ParsesCharsetAndLiteral) {
  const std::string word = "\xD0\xBE\xD1\x82\xD0\xBF\xD1\x83\xD1\x81\xD0\xBA";  // "отпуск", 12 octets
  const Search search = body_of<Search>("A285 SEARCH CHARSET UTF-8 TEXT {12}\r\n" + word + "\r\n");
  EXPECT_EQ(search.charset, "UTF-8");
  EXPECT_EQ(search.keys, (std::vector<SearchKey>{SearchKey::with_value(Kind::text, word)}));
}

TEST(ImapCommandSearch, ParsesQuotedCharset) {
  EXPECT_EQ(body_of<Search>("a SEARCH CHARSET \"KOI8-R\" ALL\r\n").charset, "KOI8-R");
}

// RFC 5182 §2.1 / RFC 9051 §6.4.4.1: SAVE, and "$" as a search key.
TEST(ImapCommandSearch, ParsesSaveAndSavedResult) {
  const Search saving = body_of<Search>("A282 SEARCH RETURN (SAVE) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n");
  EXPECT_TRUE(saving.return_options->save);
  const Search using_it = body_of<Search>("A285 UID SEARCH $ SMALLER 4096\r\n");
  EXPECT_TRUE(using_it.uid);
  ASSERT_EQ(using_it.keys.size(), 2u);
  EXPECT_EQ(using_it.keys[0].kind, Kind::sequence_set);
  EXPECT_TRUE(using_it.keys[0].set.saved_result);
  EXPECT_EQ(using_it.keys[1], SearchKey::with_number(Kind::smaller, 4096));
}

TEST(ImapCommandSearch, ParsesAllResultOptionsAndAnExtension) {
  const Search search = body_of<Search>("a SEARCH RETURN (MIN MAX ALL COUNT SAVE PARTIAL 1:100) ALL\r\n");
  ASSERT_TRUE(search.return_options.has_value());
  EXPECT_TRUE(search.return_options->min && search.return_options->max && search.return_options->all &&
              search.return_options->count && search.return_options->save);
  EXPECT_EQ(search.return_options->extensions,
            (std::vector<Parameter>{Parameter{"PARTIAL", ExtensionValue::atom("1:100")}}));
}

// RFC 7162 §3.1.5 examples.
TEST(ImapCommandSearch, ParsesModseqWithEntry) {
  const Search search = body_of<Search>("a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338\r\n");
  ASSERT_EQ(search.keys.size(), 1u);
  EXPECT_EQ(search.keys[0].kind, Kind::modseq);
  EXPECT_EQ(search.keys[0].field, "/flags/\\draft");
  EXPECT_EQ(search.keys[0].entry_type, "all");
  EXPECT_EQ(search.keys[0].number, 620162338u);
}

TEST(ImapCommandSearch, ParsesModseqAloneInsideOr) {
  const Search search = body_of<Search>("t SEARCH OR NOT MODSEQ 720162338 LARGER 50000\r\n");
  EXPECT_EQ(search.keys, (std::vector<SearchKey>{SearchKey::or_key(
                             SearchKey::not_key(SearchKey::with_number(Kind::modseq, 720162338)),
                             SearchKey::with_number(Kind::larger, 50000))}));
}

TEST(ImapCommandSearch, ModseqEntryNameMustNameAFlag) {
  EXPECT_EQ(parse_error("a SEARCH MODSEQ \"/shared/x\" all 1\r\n").error.offset, 16u);
}

TEST(ImapCommandSearch, ParsesNestedParentheses) {
  const Search search = body_of<Search>("a SEARCH (OR (SEEN FLAGGED) (1:5 UNSEEN)) UID 10:*\r\n");
  const SearchKey inner = SearchKey::or_key(
      SearchKey::list_key({SearchKey::simple(Kind::seen), SearchKey::simple(Kind::flagged)}),
      SearchKey::list_key({SearchKey::with_set(Kind::sequence_set, SequenceSet{{{1, 5}}, false}),
                           SearchKey::simple(Kind::unseen)}));
  EXPECT_EQ(search.keys, (std::vector<SearchKey>{SearchKey::list_key({inner}),
                                                 SearchKey::with_set(Kind::uid, SequenceSet{{{10, kStar}}, false})}));
}

TEST(ImapCommandSearch, ParsesEveryKey) {
  const Search search = body_of<Search>(
      "a SEARCH ALL ANSWERED BCC b BEFORE 1-Jan-2020 BODY x CC c DELETED DRAFT FLAGGED FROM f "
      "HEADER Message-ID <a@b> KEYWORD $Forwarded LARGER 10 NEW NOT SEEN OLD ON 2-Feb-2021 OR SEEN DRAFT RECENT "
      "SEEN SENTBEFORE 3-Mar-2022 SENTON 4-Apr-2023 SENTSINCE 5-May-2024 SINCE 6-Jun-2025 SMALLER 20 SUBJECT s "
      "TEXT t TO u UID 1,2 UNANSWERED UNDELETED UNDRAFT UNFLAGGED UNKEYWORD $Junk UNSEEN 7 UNRECENT OLDER 60 "
      "YOUNGER 30 EMAILID M6d99ac3275bb4e THREADID T64b478a75b7ea9 SAVEDBEFORE 1-Jan-2000 SAVEDON 1-Jan-2000 "
      "SAVEDSINCE 1-Jan-2000 SAVEDATESUPPORTED MODSEQ 5\r\n");
  std::vector<Kind> kinds;
  for (const auto& key : search.keys) kinds.push_back(key.kind);
  EXPECT_EQ(kinds, (std::vector<Kind>{
                       Kind::all,        Kind::answered,   Kind::bcc,        Kind::before,     Kind::body,
                       Kind::cc,         Kind::deleted,    Kind::draft,      Kind::flagged,    Kind::from,
                       Kind::header,     Kind::keyword,    Kind::larger,     Kind::new_,       Kind::not_,
                       Kind::old,        Kind::on,         Kind::or_,        Kind::recent,     Kind::seen,
                       Kind::sent_before, Kind::sent_on,   Kind::sent_since, Kind::since,      Kind::smaller,
                       Kind::subject,    Kind::text,       Kind::to,         Kind::uid,        Kind::unanswered,
                       Kind::undeleted,  Kind::undraft,    Kind::unflagged,  Kind::unkeyword,  Kind::unseen,
                       Kind::sequence_set, Kind::unrecent, Kind::older,      Kind::younger,    Kind::email_id,
                       Kind::thread_id,  Kind::saved_before, Kind::saved_on, Kind::saved_since,
                       Kind::saved_date_supported, Kind::modseq}));
  EXPECT_EQ(search.keys[10], SearchKey::header_key("Message-ID", "<a@b>"));
  EXPECT_EQ(search.keys[11], SearchKey::with_value(Kind::keyword, "$Forwarded"));
  EXPECT_EQ(search.keys[39], SearchKey::with_value(Kind::email_id, "M6d99ac3275bb4e"));
}

TEST(ImapCommandSearch, LargerTakesANumber64) {
  EXPECT_EQ(body_of<Search>("a SEARCH LARGER 9223372036854775807\r\n").keys[0].number, 9223372036854775807u);
}

TEST(ImapCommandSearch, UnknownKeyFailsAtItsOffset) {
  const auto error = parse_error("a9 SEARCH SEEN BOGUS\r\n");
  EXPECT_EQ(error.tag, "a9");
  EXPECT_EQ(error.error, (ParseError{15, "search key"}));
}

TEST(ImapCommandSearch, UnbalancedParenthesesAreErrors) {
  EXPECT_EQ(parse_error("a SEARCH (SEEN FLAGGED\r\n").error, (ParseError{22, "')'"}));
  EXPECT_EQ(parse_error("a SEARCH SEEN)\r\n").error, (ParseError{13, "CRLF"}));
  EXPECT_EQ(parse_error("a SEARCH ()\r\n").error, (ParseError{10, "search key"}));
}

TEST(ImapCommandSearch, NestingIsLimited) {
  std::string keys;
  for (int i = 0; i < 40; ++i) keys += "NOT ";
  const auto error = parse_error("a SEARCH " + keys + "SEEN\r\n");
  // The 33rd key (depth 33 > 32) starts after 32 "NOT ".
  EXPECT_EQ(error.error, (ParseError{9 + 32 * 4, "search key nested at most 32 deep"}));

  ParseOptions deeper;
  deeper.max_search_depth = 64;
  EXPECT_TRUE(parse_command("a SEARCH " + keys + "SEEN\r\n", deeper).ok());
}

TEST(ImapCommandSearch, ParenthesisNestingIsLimitedToo) {
  const std::string deep = std::string(40, '(') + "SEEN" + std::string(40, ')');
  EXPECT_EQ(parse_error("a SEARCH " + deep + "\r\n").error.offset, 9u + 32u);
}

TEST(ImapCommandSearch, BadDateFailsAtItsOffset) {
  EXPECT_EQ(parse_error("a SEARCH SINCE 1-Foo-1994\r\n").error, (ParseError{17, "month name (Jan..Dec)"}));
}

TEST(ImapCommandSearch, BadSequenceSetIsAnError) {
  EXPECT_EQ(parse_error("a SEARCH UID 1:0\r\n").error, (ParseError{15, "non-zero number"}));
}

TEST(ImapCommandSearch, NeedsAKey) {
  EXPECT_EQ(parse_error("a SEARCH CHARSET UTF-8\r\n").error, (ParseError{22, "SP"}));
}

}  // namespace
}  // namespace conformance::codec::imap::command
