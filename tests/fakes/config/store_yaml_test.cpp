// The `store:` section seeding a MailStore from .eml files, mbox files and
// inline text, with each fixture file written beside the config that names it.
#include "fakes/config/fake_file_config.hpp"
#include "fakes/config/store_yaml.hpp"

#include "tests/fakes/config/yaml_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace conformance::fakes::config {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace std::chrono;

class StoreYaml : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "store-yaml-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    folder_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  void write(const std::string& name, const std::string& content) {
    std::ofstream(folder_ / name, std::ios::binary) << content;
  }
  Expected<FakeFileConfig, scenario::Diagnostics> load(const std::string& yaml) {
    return load_fake_config_text(yaml, (folder_ / "f.yaml").string());
  }
  // The store the loaded seed fills, for looking at what it holds.
  std::unique_ptr<store::MailStore> seeded(const StoreSeed& seed) {
    auto filled = std::make_unique<store::MailStore>(store_options(seed));
    auto result = seed_store(seed, *filled);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error());
    return filled;
  }

  std::filesystem::path folder_;
};

constexpr const char* kArchive =
    "From alice@example.test Sat Nov 21 09:15:00 2026\n"
    "Subject: read and answered\nStatus: RO\nX-Status: A\n\n"
    ">From the archive, quoted by the writer\n\n"
    "From bob@example.test Sun Nov 22 10:30:00 2026 +0100\n"
    "Subject: unread\n\nFrom here on a plain body line\n\n";

TEST_F(StoreYaml, AnMboxFileSeedsEachOfItsMessagesWithTheFromLineDateAndStatusFlags) {
  write("archive.mbox", kArchive);
  auto config = load(
      "store: {users: [{name: carol, password: c-pw, messages: [{mbox: archive.mbox, mailbox: Archive, "
      "flags: [$Imported]}]}]}\n");
  ASSERT_TRUE(config.ok()) << ::testing::PrintToString(messages_of(config.error()));
  auto filled = seeded(config->store);
  auto archive = filled->find_mailbox("carol", "Archive");
  ASSERT_TRUE(archive);
  ASSERT_EQ(archive->messages().size(), 2u);

  const auto& first = archive->messages()[0];
  EXPECT_EQ(*first.bytes,
            "Subject: read and answered\r\nStatus: RO\r\nX-Status: A\r\n\r\nFrom the archive, quoted by the writer\r\n");
  EXPECT_THAT(first.flags, ElementsAre("$Imported", "\\Answered", "\\Seen"));
  EXPECT_EQ(first.internal_date, sys_days{2026y / November / 21} + 9h + 15min);

  const auto& second = archive->messages()[1];
  EXPECT_EQ(*second.bytes, "Subject: unread\r\n\r\nFrom here on a plain body line\r\n");
  EXPECT_THAT(second.flags, ElementsAre("$Imported"));
  EXPECT_EQ(second.internal_date, sys_days{2026y / November / 22} + 9h + 30min);
  EXPECT_EQ(second.internal_date_offset_minutes, 60);
}

TEST_F(StoreYaml, AnInternalDateOnTheEntryWinsOverTheFromLines) {
  write("archive.mbox", kArchive);
  auto config = load(
      "store: {users: [{name: carol, password: c-pw, messages: [{mbox: archive.mbox, "
      "internal_date: \"2026-01-02T03:04:05Z\"}]}]}\n");
  ASSERT_TRUE(config.ok()) << ::testing::PrintToString(messages_of(config.error()));
  auto filled = seeded(config->store);
  for (const auto& message : filled->find_mailbox("carol", "INBOX")->messages()) {
    EXPECT_EQ(message.internal_date, sys_days{2026y / January / 2} + 3h + 4min + 5s);
  }
}

TEST_F(StoreYaml, AFileThatIsNotAnMboxIsReportedAtItsEntry) {
  write("letter.eml", "Subject: hi\n\nhello\n");
  auto config = load("store:\n  users:\n    - name: carol\n      password: c-pw\n      messages:\n"
                     "        - {mbox: letter.eml}\n");
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(messages_of(config.error()),
              ElementsAre(::testing::AllOf(HasSubstr("f.yaml:6:"), HasSubstr("letter.eml: not an mbox file"),
                                           HasSubstr("From_ line"))));
}

TEST_F(StoreYaml, AnEmptyMboxOrAnEmptyMessageInItIsAMistake) {
  write("empty.mbox", "");
  write("hollow.mbox", "From a@x.test Sat Nov 21 09:15:00 2026\nFrom a@x.test Sat Nov 21 09:16:00 2026\nS: x\n");
  auto config = load("store: {users: [{name: carol, password: c-pw, messages: [{mbox: empty.mbox}, "
                     "{mbox: hollow.mbox}]}]}\n");
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(messages_of(config.error()),
              ElementsAre(HasSubstr("empty.mbox: the mbox file holds no messages"),
                          HasSubstr("hollow.mbox: line 1: the message that starts here is empty")));
}

TEST_F(StoreYaml, EmlFilesAndInlineTextGetCrlfLineEnds) {
  write("letter.eml", "Subject: hi\n\nhello\n");
  auto config = load("store: {users: [{name: carol, password: c-pw, messages: [{file: letter.eml, flags: "
                     "[\"\\\\Seen\"]}, {text: \"Subject: inline\\n\\nbody\\n\", mailbox: Notes}]}]}\n");
  ASSERT_TRUE(config.ok()) << ::testing::PrintToString(messages_of(config.error()));
  auto filled = seeded(config->store);
  ASSERT_EQ(filled->find_mailbox("carol", "INBOX")->messages().size(), 1u);
  EXPECT_EQ(*filled->find_mailbox("carol", "INBOX")->messages()[0].bytes, "Subject: hi\r\n\r\nhello\r\n");
  EXPECT_THAT(filled->find_mailbox("carol", "INBOX")->messages()[0].flags, ElementsAre("\\Seen"));
  EXPECT_EQ(*filled->find_mailbox("carol", "Notes")->messages()[0].bytes, "Subject: inline\r\n\r\nbody\r\n");
}

TEST_F(StoreYaml, AMessageNeedsExactlyOneSource) {
  write("letter.eml", "Subject: hi\n\nhello\n");
  auto config = load("store: {users: [{name: carol, password: c-pw, messages: [{file: letter.eml, text: x}]}]}\n");
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(messages_of(config.error())[0], HasSubstr("exactly one of 'file'"));
}

}  // namespace
}  // namespace conformance::fakes::config
