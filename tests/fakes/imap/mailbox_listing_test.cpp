#include "fakes/imap/mailbox_listing.hpp"

#include "harness/codec/imap/mutf7.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace conformance::fakes::imap {
namespace {

namespace cmd = codec::imap::command;

class MailboxListingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(mail.add_user({"alice", "alice-pw", {}}));
    for (const char* name : {"Fruit", "Fruit/Apple", "Fruit/Banana", "Tofu", "Vegetable/Broccoli"})
      ASSERT_TRUE(mail.create_mailbox("alice", name).ok());
    ASSERT_TRUE(mail.create_mailbox("alice", "Sent", "\\Sent").ok());
  }

  ListInput input(bool modified_utf7 = false) const {
    ListInput in;
    in.mailboxes = mail.mailboxes("alice");
    in.subscriptions = mail.subscriptions("alice");
    in.as_sent = [modified_utf7](const std::string& name) {
      return modified_utf7 ? *codec::imap::encode_mutf7(name) : name;
    };
    return in;
  }

  static cmd::List list(std::vector<std::string> patterns) {
    cmd::List command;
    command.patterns = std::move(patterns);
    return command;
  }

  static std::vector<std::string> names(const std::vector<ListedName>& listed) {
    std::vector<std::string> out;
    for (const auto& entry : listed) out.push_back(entry.name);
    return out;
  }

  static const ListedName& entry(const std::vector<ListedName>& listed, std::string_view name) {
    for (const auto& e : listed)
      if (e.name == name) return e;
    throw std::runtime_error("not listed: " + std::string(name));
  }

  store::MailStore mail;
};

using Names = std::vector<std::string>;
using Attributes = std::vector<std::string>;

TEST(WildcardMatch, PercentStopsAtTheDelimiterAndStarDoesNot) {  // RFC 9051 §6.3.9
  EXPECT_TRUE(wildcard_match("Fruit/%", "Fruit/Apple"));
  EXPECT_FALSE(wildcard_match("%", "Fruit/Apple"));
  EXPECT_TRUE(wildcard_match("*", "Fruit/Apple"));
  EXPECT_TRUE(wildcard_match("F*e", "Fruit/Apple"));
  EXPECT_FALSE(wildcard_match("F%e", "Fruit/Apple"));
  EXPECT_FALSE(wildcard_match("Fruit", "Fruit/Apple"));
}

TEST(WildcardMatch, InboxMatchesInAnyCaseAlsoAsTheFirstLevel) {  // RFC 9051 §5.1
  EXPECT_TRUE(wildcard_match("inbox", "INBOX"));
  EXPECT_TRUE(wildcard_match("Inbox/%", "INBOX/Sub"));
  EXPECT_FALSE(wildcard_match("inboxes", "INBOXES"));
  EXPECT_FALSE(wildcard_match("fruit", "Fruit"));
}

TEST(WildcardMatch, AHostilePatternOfManyWildcardsIsCheap) {
  const std::string pattern = std::string(4000, '*') + std::string(4000, '%') + "x";
  const std::string name(200, 'a');
  // No timing assertion: an exponential matcher would simply not finish.
  EXPECT_FALSE(wildcard_match(pattern, name));
  EXPECT_TRUE(wildcard_match(std::string(4000, '*'), name));
}

TEST_F(MailboxListingTest, SeveralPatternsListEachMailboxOnceInNameOrder) {  // RFC 5258 §3
  const auto listed = list_mailboxes(list({"Fruit*", "Fruit/Apple", "Tofu"}), input());
  EXPECT_EQ(names(listed), (Names{"Fruit", "Fruit/Apple", "Fruit/Banana", "Tofu"}));
}

TEST_F(MailboxListingTest, ChildrenAndSpecialUseAreAttributes) {  // RFC 9051 §7.3.1, RFC 6154 §2
  const auto listed = list_mailboxes(list({"*"}), input());
  EXPECT_EQ(entry(listed, "Fruit").attributes, (Attributes{"\\HasChildren"}));
  EXPECT_EQ(entry(listed, "Tofu").attributes, (Attributes{"\\HasNoChildren"}));
  EXPECT_EQ(entry(listed, "Sent").attributes, (Attributes{"\\HasNoChildren", "\\Sent"}));
}

TEST_F(MailboxListingTest, SubscribedSelectionListsDeletedNamesAsNonExistent) {  // RFC 5258 §3.1
  ASSERT_TRUE(mail.set_subscribed("alice", "Tofu", true).ok());
  ASSERT_TRUE(mail.set_subscribed("alice", "Fruit/Apple", true).ok());
  ASSERT_TRUE(mail.delete_mailbox("alice", "Tofu").ok());
  cmd::List command = list({"*"});
  command.selection = cmd::ListSelection{};
  command.selection->subscribed = true;
  const auto listed = list_mailboxes(command, input());
  EXPECT_EQ(names(listed), (Names{"Fruit/Apple", "Tofu"}));
  EXPECT_EQ(entry(listed, "Tofu").attributes, (Attributes{"\\NonExistent", "\\Subscribed"}));
  EXPECT_EQ(entry(listed, "Tofu").mailbox, nullptr);
  EXPECT_EQ(entry(listed, "Fruit/Apple").attributes, (Attributes{"\\HasNoChildren", "\\Subscribed"}));
}

TEST_F(MailboxListingTest, AnUnselectedListIgnoresSubscriptionsOfDeletedMailboxes) {
  ASSERT_TRUE(mail.set_subscribed("alice", "Tofu", true).ok());
  ASSERT_TRUE(mail.delete_mailbox("alice", "Tofu").ok());
  cmd::List command = list({"T*"});
  command.return_options = cmd::ListReturn{};
  command.return_options->subscribed = true;
  EXPECT_TRUE(list_mailboxes(command, input()).empty());
}

TEST_F(MailboxListingTest, SubscribedReturnOptionMarksOnlySubscribedNames) {  // RFC 5258 §3.2
  ASSERT_TRUE(mail.set_subscribed("alice", "Tofu", true).ok());
  cmd::List command = list({"%"});
  command.return_options = cmd::ListReturn{};
  command.return_options->subscribed = true;
  const auto listed = list_mailboxes(command, input());
  EXPECT_EQ(entry(listed, "Tofu").attributes, (Attributes{"\\HasNoChildren", "\\Subscribed"}));
  EXPECT_EQ(entry(listed, "Fruit").attributes, (Attributes{"\\HasChildren"}));
}

TEST_F(MailboxListingTest, RecursiveMatchReturnsAParentOfASubscribedChildWithChildInfo) {  // RFC 5258 §3.5
  ASSERT_TRUE(mail.set_subscribed("alice", "Fruit/Banana", true).ok());
  cmd::List command = list({"%"});
  command.selection = cmd::ListSelection{};
  command.selection->subscribed = true;
  command.selection->recursive_match = true;
  const auto listed = list_mailboxes(command, input());
  ASSERT_EQ(names(listed), (Names{"Fruit"}));
  EXPECT_TRUE(listed[0].subscribed_children);
  EXPECT_EQ(listed[0].attributes, (Attributes{"\\HasChildren"}));
}

TEST_F(MailboxListingTest, RecursiveMatchLeavesOutChildInfoWhenThePatternReachesTheChild) {
  ASSERT_TRUE(mail.set_subscribed("alice", "Fruit/Banana", true).ok());
  cmd::List command = list({"*"});
  command.selection = cmd::ListSelection{};
  command.selection->subscribed = true;
  command.selection->recursive_match = true;
  const auto listed = list_mailboxes(command, input());
  EXPECT_EQ(names(listed), (Names{"Fruit/Banana"}));
  EXPECT_FALSE(listed[0].subscribed_children);
}

TEST_F(MailboxListingTest, SpecialUseSelectionListsOnlySpecialUseMailboxes) {  // RFC 6154 §3
  cmd::List command = list({"*"});
  command.selection = cmd::ListSelection{};
  command.selection->special_use = true;
  EXPECT_EQ(names(list_mailboxes(command, input())), (Names{"Sent"}));
}

TEST_F(MailboxListingTest, PatternsAreMatchedInTheClientsEncoding) {  // RFC 3501 §5.1.3
  ASSERT_TRUE(mail.create_mailbox("alice", "Ωmega").ok());
  EXPECT_EQ(names(list_mailboxes(list({"&A6k-*"}), input(true))), (Names{"Ωmega"}));
  EXPECT_TRUE(list_mailboxes(list({"&A6k-*"}), input(false)).empty());
  EXPECT_EQ(names(list_mailboxes(list({"Ω*"}), input(false))), (Names{"Ωmega"}));
}

TEST_F(MailboxListingTest, TheReferenceIsPrefixedToEachPattern) {
  cmd::List command = list({"%", "Banana"});
  command.reference = "Fruit/";
  EXPECT_EQ(names(list_mailboxes(command, input())), (Names{"Fruit/Apple", "Fruit/Banana"}));
}

TEST_F(MailboxListingTest, AnEmptyPatternListsNothingHere) {  // the session answers it with the delimiter
  EXPECT_TRUE(list_mailboxes(list({""}), input()).empty());
}

}  // namespace
}  // namespace conformance::fakes::imap
