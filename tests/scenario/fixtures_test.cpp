// `fixtures:`: mailboxes, messages from text or files, flags.
#include "harness/scenario/fixtures.hpp"

#include "fake_rules.hpp"
#include "temp_folder.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace conformance::scenario {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::load;
using testing::messages;

// The fixtures mapping is on line 4, so its first entry is on line 5.
std::string with_fixtures(const std::string& fixtures) {
  return "id: imap.t\ntitle: T\nprotocol: imap\nfixtures:\n" + fixtures + "steps: [connect: {}]\n";
}

Fixtures fixtures_of(const LoadResult& result) {
  EXPECT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  return result.ok() ? result.scenarios.at(0).fixtures : Fixtures{};
}

TEST(Fixtures, ReadsMailboxesMessagesAndEmptyInbox) {
  auto fixtures = fixtures_of(load(with_fixtures(
      "  mailboxes: [\"${mailbox}\"]\n"
      "  empty_inbox: true\n"
      "  messages:\n"
      "    - {mailbox: \"${mailbox}\", text: \"Subject: a\\r\\n\\r\\nhi\\r\\n\", flags: [\"\\\\Seen\", $Label1]}\n")));
  EXPECT_EQ(fixtures.mailboxes, std::vector<std::string>{"${mailbox}"});
  EXPECT_TRUE(fixtures.empty_inbox);
  ASSERT_EQ(fixtures.messages.size(), 1u);
  EXPECT_EQ(fixtures.messages[0].mailbox, "${mailbox}");
  EXPECT_EQ(fixtures.messages[0].content, "Subject: a\r\n\r\nhi\r\n");
  EXPECT_EQ(fixtures.messages[0].flags, (std::vector<std::string>{"\\Seen", "$Label1"}));
  EXPECT_EQ(fixtures.messages[0].where, (SourceLocation{"t.yaml", 8, 7}));
}

TEST(Fixtures, MessagesGoToInboxByDefault) {
  auto fixtures = fixtures_of(load(with_fixtures("  messages: [{text: x}]\n")));
  ASSERT_EQ(fixtures.messages.size(), 1u);
  EXPECT_EQ(fixtures.messages[0].mailbox, "INBOX");
  EXPECT_TRUE(fixtures.touches_inbox());
}

TEST(Fixtures, AnySpellingOfInboxIsInbox) {
  auto fixtures = fixtures_of(load(with_fixtures("  messages: [{mailbox: inBox, text: x}]\n")));
  ASSERT_EQ(fixtures.messages.size(), 1u);
  EXPECT_EQ(fixtures.messages[0].mailbox, "INBOX");
}

TEST(Fixtures, TextLineEndsBecomeCrlf) {
  auto fixtures = fixtures_of(load(with_fixtures("  messages:\n    - text: |\n        Subject: x\n\n        body\n")));
  ASSERT_EQ(fixtures.messages.size(), 1u);
  EXPECT_EQ(fixtures.messages[0].content, "Subject: x\r\n\r\nbody\r\n");
}

TEST(Fixtures, CrlfLineEndsLeavesCrlfAndBareCrAlone) {
  EXPECT_EQ(crlf_line_ends("a\nb\r\nc\rd\n\n"), "a\r\nb\r\nc\rd\r\n\r\n");
}

TEST(Fixtures, FilesAreReadRelativeToTheScenario) {
  testing::TempFolder folder;
  folder.write("fixtures/simple.eml", "Subject: simple\n\nbody\n");
  const std::string file = folder.write("imap/t.yaml", with_fixtures("  messages: [{file: ../fixtures/simple.eml}]\n"));
  auto fixtures = fixtures_of(load_scenario_file(file, testing::fake_rules));
  ASSERT_EQ(fixtures.messages.size(), 1u);
  EXPECT_EQ(fixtures.messages[0].content, "Subject: simple\r\n\r\nbody\r\n");
}

TEST(Fixtures, AMissingFileSaysWhereItLooked) {
  EXPECT_THAT(messages(load(with_fixtures("  messages: [{file: missing.eml}]\n"), "scenarios/imap/t.yaml")),
              ElementsAre("scenarios/imap/t.yaml:5:21: fixture file 'missing.eml' not found (looked for "
                          "scenarios/imap/missing.eml)"));
}

TEST(Fixtures, AFolderIsNotAMessageFile) {
  testing::TempFolder folder;
  folder.write("sub/x", "");
  const std::string file = folder.write("t.yaml", with_fixtures("  messages: [{file: sub}]\n"));
  EXPECT_THAT(messages(load_scenario_file(file, testing::fake_rules)),
              ElementsAre(HasSubstr("t.yaml:5:21: fixture file 'sub' is not a regular file")));
}

TEST(Fixtures, AMessageNeedsEitherFileOrText) {
  EXPECT_THAT(messages(load(with_fixtures("  messages: [{flags: []}, {file: a, text: b}]\n"))),
              ElementsAre("t.yaml:5:14: a fixture message needs either 'file' or 'text'",
                          "t.yaml:5:27: a fixture message needs either 'file' or 'text'",
                          "t.yaml:5:34: fixture file 'a' not found (looked for a)"));
}

TEST(Fixtures, AMessageCannotBeEmpty) {
  EXPECT_THAT(messages(load(with_fixtures("  messages: [{text: \"\"}]\n"))),
              ElementsAre("t.yaml:5:14: the fixture message is empty"));
}

TEST(Fixtures, RejectsFlagsAClientCannotSet) {
  EXPECT_THAT(
      messages(load(with_fixtures("  messages: [{text: x, flags: [\"\\\\Recent\", \"\\\\Important\", \"a b\"]}]\n"))),
      ElementsAre("t.yaml:5:32: \\Recent cannot be set by a client (RFC 3501 §2.3.2)",
                  "t.yaml:5:44: unknown system flag '\\Important' (known: \\Seen, \\Answered, \\Flagged, "
                  "\\Deleted, \\Draft)",
                  "t.yaml:5:59: flag 'a b' is not an IMAP atom (no spaces, controls or any of ( ) { % * \" \\ ])"));
}

TEST(Fixtures, SystemFlagsAreCaseInsensitive) {
  auto fixtures = fixtures_of(load(with_fixtures("  messages: [{text: x, flags: [\"\\\\seen\"]}]\n")));
  ASSERT_EQ(fixtures.messages.size(), 1u);
  EXPECT_EQ(fixtures.messages[0].flags, std::vector<std::string>{"\\seen"});
}

TEST(Fixtures, InboxIsNotAFixtureMailbox) {
  EXPECT_THAT(messages(load(with_fixtures("  mailboxes: [Inbox]\n"))),
              ElementsAre("t.yaml:5:15: INBOX always exists, so it cannot be a fixture mailbox (which is deleted "
                          "after); use `empty_inbox` and `messages`"));
}

TEST(Fixtures, AMailboxIsListedOnce) {
  EXPECT_THAT(messages(load(with_fixtures("  mailboxes: [\"${mailbox}\", \"${mailbox}\"]\n"))),
              ElementsAre("t.yaml:5:29: mailbox '${mailbox}' is listed twice"));
}

TEST(Fixtures, RejectsUnknownKeys) {
  EXPECT_THAT(messages(load(with_fixtures("  folders: [x]\n"))),
              ElementsAre("t.yaml:5:3: unknown key 'folders' in fixtures (known: mailboxes, empty_inbox, messages)"));
}

TEST(Fixtures, SharedMailboxNamesTheFirstNameOthersCanSee) {
  Fixtures fixtures;
  fixtures.mailboxes = {"${mailbox}", "Archive-${unique}", "Drafts"};
  EXPECT_EQ(shared_mailbox(fixtures), "Drafts");
  fixtures.mailboxes.pop_back();
  EXPECT_EQ(shared_mailbox(fixtures), std::nullopt);
}

}  // namespace
}  // namespace conformance::scenario
