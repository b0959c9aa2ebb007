#include "fakes/store/default_dataset.hpp"
#include "fakes/store/mail_store.hpp"

#include <gtest/gtest.h>

namespace conformance::fakes::store {
namespace {

class MailStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(store.add_user({"alice", "alice-pw", {}})); }
  Uid append(std::string_view mailbox, std::vector<std::string> flags = {}) {
    auto uid = store.append("alice", mailbox, "Subject: x\r\n\r\nbody\r\n", std::move(flags));
    EXPECT_TRUE(uid.ok());
    return uid.ok() ? *uid : 0;
  }
  MailStore store;
};

TEST_F(MailStoreTest, AddingAUserCreatesTheInboxWhoseNameIsCaseInsensitive) {
  EXPECT_NE(store.find_mailbox("alice", "inbox"), nullptr);
  EXPECT_EQ(store.find_mailbox("alice", "Inbox"), store.find_mailbox("alice", "INBOX"));
}

TEST_F(MailStoreTest, UidsRiseAndAreNeverReusedAfterExpunge) {
  const Uid first = append("INBOX");
  const Uid second = append("INBOX");
  EXPECT_LT(first, second);
  ASSERT_TRUE(store.expunge("alice", "INBOX", {second}).ok());
  EXPECT_GT(append("INBOX"), second);
}

TEST_F(MailStoreTest, EveryChangeRaisesTheModseq) {
  const Uid uid = append("INBOX");
  auto inbox = store.find_mailbox("alice", "INBOX");
  const ModSeq before = inbox->highest_modseq();
  auto stored = store.store_flags("alice", "INBOX", {uid}, FlagChange::add, {"\\seen"});
  ASSERT_TRUE(stored.ok());
  EXPECT_GT(inbox->highest_modseq(), before);
  EXPECT_TRUE(inbox->find(uid)->has_flag("\\Seen"));
  EXPECT_EQ(inbox->find(uid)->flags, std::vector<std::string>{"\\Seen"});  // canonical spelling
}

TEST_F(MailStoreTest, UnchangedSinceRefusesMessagesChangedLater) {
  const Uid uid = append("INBOX");
  auto inbox = store.find_mailbox("alice", "INBOX");
  const ModSeq old = inbox->highest_modseq();
  ASSERT_TRUE(store.store_flags("alice", "INBOX", {uid}, FlagChange::add, {"\\Flagged"}).ok());
  auto result = store.store_flags("alice", "INBOX", {uid}, FlagChange::add, {"\\Seen"}, old);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->failed_unchanged_since, std::vector<Uid>{uid});
}

TEST_F(MailStoreTest, CopyMapsSourceUidsToNewDestinationUids) {
  ASSERT_TRUE(store.create_mailbox("alice", "Archive").ok());
  const Uid uid = append("INBOX", {"\\Flagged"});
  auto copied = store.copy("alice", "INBOX", {uid}, "Archive");
  ASSERT_TRUE(copied.ok());
  ASSERT_EQ(copied->uids.size(), 1u);
  auto archive = store.find_mailbox("alice", "Archive");
  EXPECT_EQ(copied->destination_uid_validity, archive->uid_validity());
  EXPECT_TRUE(archive->find(copied->uids[0].second)->has_flag("\\Flagged"));
}

TEST_F(MailStoreTest, RenameInboxMovesItsMessagesAndLeavesItEmpty) {  // RFC 9051 §6.3.6
  append("INBOX");
  ASSERT_TRUE(store.rename_mailbox("alice", "INBOX", "old-mail").ok());
  EXPECT_TRUE(store.find_mailbox("alice", "INBOX")->messages().empty());
  EXPECT_EQ(store.find_mailbox("alice", "old-mail")->messages().size(), 1u);
}

TEST_F(MailStoreTest, RenameTakesChildrenAlong) {
  ASSERT_TRUE(store.create_mailbox("alice", "a/b").ok());  // creates "a" too
  ASSERT_TRUE(store.rename_mailbox("alice", "a", "z").ok());
  EXPECT_NE(store.find_mailbox("alice", "z/b"), nullptr);
  EXPECT_EQ(store.find_mailbox("alice", "a/b"), nullptr);
}

TEST_F(MailStoreTest, InboxCannotBeDeletedNorAMailboxWithChildren) {
  EXPECT_EQ(store.delete_mailbox("alice", "INBOX").error(), StoreError::cannot_delete);
  ASSERT_TRUE(store.create_mailbox("alice", "p/c").ok());
  EXPECT_EQ(store.delete_mailbox("alice", "p").error(), StoreError::has_children);
}

TEST_F(MailStoreTest, InvalidNamesAreRefused) {
  EXPECT_EQ(store.create_mailbox("alice", "a//b").error(), StoreError::invalid_name);
  EXPECT_EQ(store.create_mailbox("alice", "/a").error(), StoreError::invalid_name);
  EXPECT_EQ(store.create_mailbox("alice", std::string("bad\xff", 4)).error(), StoreError::invalid_name);
}

TEST_F(MailStoreTest, ASubscriptionOutlivesDeleteAndStaysBehindOnRename) {  // RFC 9051 §6.3.7
  ASSERT_TRUE(store.create_mailbox("alice", "gone").ok());
  ASSERT_TRUE(store.create_mailbox("alice", "moved").ok());
  ASSERT_TRUE(store.set_subscribed("alice", "gone", true).ok());
  ASSERT_TRUE(store.set_subscribed("alice", "moved", true).ok());
  ASSERT_TRUE(store.delete_mailbox("alice", "gone").ok());
  ASSERT_TRUE(store.rename_mailbox("alice", "moved", "elsewhere").ok());
  EXPECT_EQ(store.subscriptions("alice"), (std::vector<std::string>{"gone", "moved"}));
  EXPECT_FALSE(store.is_subscribed("alice", "elsewhere"));
}

TEST_F(MailStoreTest, SubscribingNeedsAMailboxAndUnsubscribingASubscription) {
  EXPECT_FALSE(store.set_subscribed("alice", "nosuch", true).ok());
  EXPECT_FALSE(store.set_subscribed("alice", "INBOX", false).ok());
  ASSERT_TRUE(store.set_subscribed("alice", "inbox", true).ok());
  EXPECT_TRUE(store.is_subscribed("alice", "INBOX"));
  EXPECT_TRUE(store.set_subscribed("alice", "Inbox", false).ok());
  EXPECT_TRUE(store.subscriptions("alice").empty());
}

TEST_F(MailStoreTest, DeliveryGoesToTheInboxOfTheAddressOwnerIgnoringCase) {
  EXPECT_TRUE(store.deliver("Alice@EXAMPLE.test", std::make_shared<const std::string>("Subject: hi\r\n\r\n")));
  EXPECT_FALSE(store.deliver("nobody@example.test", std::make_shared<const std::string>("x")));
  EXPECT_EQ(store.find_mailbox("alice", "INBOX")->messages().size(), 1u);
}

TEST_F(MailStoreTest, AWatcherMayDropItselfWhileBeingCalled) {
  auto inbox = store.find_mailbox("alice", "INBOX");
  int calls = 0;
  MailStore::Watch watch;
  watch = store.watch(inbox, [&] {
    ++calls;
    watch = MailStore::Watch();
  });
  append("INBOX");
  append("INBOX");
  EXPECT_EQ(calls, 1);
}

TEST_F(MailStoreTest, TheMaildropLockIsExclusive) {
  EXPECT_TRUE(store.lock_maildrop("alice"));
  EXPECT_FALSE(store.lock_maildrop("alice"));
  store.unlock_maildrop("alice");
  EXPECT_TRUE(store.lock_maildrop("alice"));
}

TEST(DefaultDataset, HasAliceAndBobWithThreeMessagesAndSpecialUseMailboxes) {
  MailStore store;
  load_default_dataset(store);
  EXPECT_EQ(store.user_names(), (std::vector<std::string>{"alice", "bob"}));
  EXPECT_EQ(store.find_mailbox("alice", "INBOX")->messages().size(), 3u);
  EXPECT_EQ(store.find_mailbox("bob", "Sent")->special_use(), "\\Sent");
  ASSERT_TRUE(store.accounts().password("alice").has_value());
  EXPECT_EQ(store.accounts().password("alice")->view(), "alice-pw");
}

}  // namespace
}  // namespace conformance::fakes::store
