// Selected-state commands: RFC 9051 §6.4 examples, RFC 6851 MOVE, RFC 4315
// UID EXPUNGE, RFC 7162 CHANGEDSINCE / VANISHED / UNCHANGEDSINCE, RFC 3516
// BINARY fetch attributes.
#include <gtest/gtest.h>

#include "command_test_support.hpp"

namespace conformance::codec::imap::command {
namespace {

using testing::body_of;
using testing::parse_error;
using testing::parse_ok;

SequenceSet range(std::uint32_t first, std::uint32_t last) { return SequenceSet{{{first, last}}, false}; }

using Kind = FetchAttribute::Kind;

TEST(ImapCommandSelected, NoArgumentCommands) {
  EXPECT_EQ(parse_ok("A341 CLOSE\r\n"), (Command{"A341", Close{}}));
  EXPECT_EQ(parse_ok("A342 UNSELECT\r\n"), (Command{"A342", Unselect{}}));
  EXPECT_EQ(parse_ok("A202 EXPUNGE\r\n"), (Command{"A202", Expunge{}}));
  EXPECT_EQ(parse_ok("FXXZ CHECK\r\n"), (Command{"FXXZ", Check{}}));
}

// RFC 4315 §2.1 example.
TEST(ImapCommandUidExpunge, ParsesRfc4315Example) {
  EXPECT_EQ(parse_ok("A003 UID EXPUNGE 3000:3002\r\n"), (Command{"A003", UidExpunge{range(3000, 3002)}}));
}

// RFC 9051 §6.4.5 example.
TEST(ImapCommandFetch, ParsesRfc9051Example) {
  const Fetch fetch = body_of<Fetch>("A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])\r\n");
  EXPECT_FALSE(fetch.uid);
  EXPECT_EQ(fetch.set, range(2, 4));
  Section fields;
  fields.text = Section::Text::header_fields;
  fields.header_fields = {"DATE", "FROM"};
  EXPECT_EQ(fetch.attributes,
            (std::vector<FetchAttribute>{FetchAttribute::simple(Kind::flags), FetchAttribute::body_part(fields)}));
}

TEST(ImapCommandFetch, ParsesMacros) {
  EXPECT_EQ(body_of<Fetch>("a FETCH 1 ALL\r\n").macro, FetchMacro::all);
  EXPECT_EQ(body_of<Fetch>("a FETCH 1 fast\r\n").macro, FetchMacro::fast);
  EXPECT_EQ(body_of<Fetch>("a FETCH 1 FULL\r\n").macro, FetchMacro::full);
}

TEST(ImapCommandFetch, MacroIsNotAnAttributeInsideAList) {
  EXPECT_EQ(parse_error("a FETCH 1 (ALL)\r\n").error, (ParseError{11, "fetch attribute"}));
}

TEST(ImapCommandFetch, ParsesEverySimpleAttribute) {
  const Fetch fetch = body_of<Fetch>(
      "a FETCH 1:* (ENVELOPE FLAGS INTERNALDATE RFC822 RFC822.HEADER RFC822.SIZE RFC822.TEXT BODY BODYSTRUCTURE UID "
      "MODSEQ EMAILID THREADID SAVEDATE)\r\n");
  EXPECT_EQ(fetch.set, range(1, kStar));
  std::vector<Kind> kinds;
  for (const auto& attribute : fetch.attributes) kinds.push_back(attribute.kind);
  EXPECT_EQ(kinds, (std::vector<Kind>{Kind::envelope, Kind::flags, Kind::internal_date, Kind::rfc822,
                                      Kind::rfc822_header, Kind::rfc822_size, Kind::rfc822_text, Kind::body,
                                      Kind::body_structure, Kind::uid, Kind::modseq, Kind::email_id, Kind::thread_id,
                                      Kind::save_date}));
}

TEST(ImapCommandFetch, ParsesPeekSectionAndPartial) {
  const Fetch fetch = body_of<Fetch>("a FETCH 1 BODY.PEEK[1.2.MIME]<0.2048>\r\n");
  Section section;
  section.part = {1, 2};
  section.text = Section::Text::mime;
  ASSERT_EQ(fetch.attributes.size(), 1u);
  EXPECT_EQ(fetch.attributes[0], FetchAttribute::body_part(section, true, Partial{0, 2048}));
}

TEST(ImapCommandFetch, ParsesBinaryAttributes) {
  const Fetch fetch = body_of<Fetch>("a FETCH 1 (BINARY[1] BINARY.PEEK[2.1]<10.20> BINARY.SIZE[3])\r\n");
  Section one, two_one, three;
  one.part = {1};
  two_one.part = {2, 1};
  three.part = {3};
  FetchAttribute size = FetchAttribute::simple(Kind::binary_size);
  size.section = three;
  EXPECT_EQ(fetch.attributes, (std::vector<FetchAttribute>{FetchAttribute::binary_part(one),
                                                           FetchAttribute::binary_part(two_one, true, Partial{10, 20}),
                                                           size}));
}

TEST(ImapCommandFetch, UnknownAttributeFailsAtItsOffset) {
  const auto error = parse_error("a7 FETCH 1 (FLAGS BOGUS UID)\r\n");
  EXPECT_EQ(error.tag, "a7");
  EXPECT_EQ(error.error, (ParseError{18, "fetch attribute"}));
}

TEST(ImapCommandFetch, PeekNeedsASection) {
  EXPECT_EQ(parse_error("a FETCH 1 BODY.PEEK\r\n").error, (ParseError{19, "'['"}));
}

TEST(ImapCommandFetch, PartialLengthMustNotBeZero) {
  EXPECT_EQ(parse_error("a FETCH 1 BODY[]<0.0>\r\n").error, (ParseError{19, "non-zero number"}));
}

// RFC 7162 §3.1.4.1 example.
TEST(ImapCommandFetch, ParsesChangedSince) {
  const Fetch fetch = body_of<Fetch>("s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)\r\n");
  EXPECT_TRUE(fetch.uid);
  EXPECT_EQ(fetch.changed_since, 12345u);
  EXPECT_FALSE(fetch.vanished);
}

// RFC 7162 §3.2.6 example.
TEST(ImapCommandFetch, ParsesVanished) {
  const Fetch fetch = body_of<Fetch>("A01 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n");
  EXPECT_EQ(fetch.set, range(300, 500));
  EXPECT_EQ(fetch.changed_since, 12345u);
  EXPECT_TRUE(fetch.vanished);
}

// RFC 9051 §6.4.6 example.
TEST(ImapCommandStore, ParsesRfc9051Example) {
  const Store store = body_of<Store>("A003 STORE 2:4 +FLAGS (\\Deleted)\r\n");
  EXPECT_EQ(store.set, range(2, 4));
  EXPECT_EQ(store.mode, StoreMode::add);
  EXPECT_FALSE(store.silent);
  EXPECT_EQ(store.flags, (std::vector<std::string>{"\\Deleted"}));
}

TEST(ImapCommandStore, ParsesSilentRemoveAndReplace) {
  EXPECT_EQ(body_of<Store>("a STORE 1 -FLAGS.SILENT (\\Seen $Junk)\r\n").mode, StoreMode::remove);
  EXPECT_TRUE(body_of<Store>("a STORE 1 -FLAGS.SILENT (\\Seen $Junk)\r\n").silent);
  const Store replace = body_of<Store>("a STORE 1 FLAGS ()\r\n");
  EXPECT_EQ(replace.mode, StoreMode::replace);
  EXPECT_TRUE(replace.flags.empty());
}

// RFC 7162 §3.1.3 example.
TEST(ImapCommandStore, ParsesUnchangedSince) {
  const Store store = body_of<Store>("d105 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)\r\n");
  EXPECT_EQ(store.unchanged_since, 320162338u);
  EXPECT_TRUE(store.silent);
  EXPECT_EQ(store.set.ranges.size(), 3u);
}

TEST(ImapCommandStore, UnchangedSinceMayBeZero) {
  EXPECT_EQ(body_of<Store>("a UID STORE 1 (UNCHANGEDSINCE 0) FLAGS (x)\r\n").unchanged_since, 0u);
}

TEST(ImapCommandStore, NeedsAFlagsItem) {
  EXPECT_EQ(parse_error("a STORE 1 +LABELS (x)\r\n").error, (ParseError{11, "FLAGS, +FLAGS or -FLAGS"}));
}

// RFC 9051 §6.4.7 example.
TEST(ImapCommandCopy, ParsesRfc9051Example) {
  EXPECT_EQ(parse_ok("A003 COPY 2:4 MEETING\r\n"), (Command{"A003", Copy{false, range(2, 4), "MEETING"}}));
}

// RFC 6851 §4.4 example.
TEST(ImapCommandMove, ParsesRfc6851Example) {
  EXPECT_EQ(parse_ok("a UID MOVE 42:69 foo\r\n"), (Command{"a", Move{true, range(42, 69), "foo"}}));
}

TEST(ImapCommandUid, ParsesRfc9051Example) {
  const Command command = parse_ok("A999 UID FETCH 4827313:4828442 FLAGS\r\n");
  EXPECT_EQ(command_name(command), "UID FETCH");
  EXPECT_EQ(std::get<Fetch>(command.body).set, range(4827313, 4828442));
}

TEST(ImapCommandUid, SavedSearchResultAsSet) {
  // RFC 5182 §2.1 example.
  EXPECT_TRUE(body_of<Copy>("A284 UID COPY $ \"Other Messages\"\r\n").set.saved_result);
}

TEST(ImapCommandUid, RefusesCommandsWithoutUidForm) {
  const Command command = parse_ok("a UID NOOP\r\n");
  EXPECT_EQ(command.body, CommandBody(UnknownCommand{true, "NOOP", std::nullopt}));
}

}  // namespace
}  // namespace conformance::codec::imap::command
