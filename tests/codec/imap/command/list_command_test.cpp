// LIST: RFC 9051 §6.3.9 examples, RFC 5258 LIST-EXTENDED, RFC 5819
// LIST-STATUS and RFC 6154 SPECIAL-USE options.
#include <gtest/gtest.h>

#include "command_test_support.hpp"

namespace conformance::codec::imap::command {
namespace {

using testing::body_of;
using testing::parse_error;

TEST(ImapCommandList, ParsesBasicForms) {
  EXPECT_EQ(body_of<List>("A101 LIST \"\" \"\"\r\n"), (List{std::nullopt, "", {""}, std::nullopt}));
  EXPECT_EQ(body_of<List>("A102 LIST #news.comp.mail.misc \"\"\r\n"),
            (List{std::nullopt, "#news.comp.mail.misc", {""}, std::nullopt}));
  EXPECT_EQ(body_of<List>("A202 LIST ~/Mail/ %\r\n"), (List{std::nullopt, "~/Mail/", {"%"}, std::nullopt}));
  EXPECT_EQ(body_of<List>("A682 LIST \"\" *\r\n"), (List{std::nullopt, "", {"*"}, std::nullopt}));
}

// RFC 5258 §5 example 2.
TEST(ImapCommandList, ParsesSelectionOption) {
  const List list = body_of<List>("A02 LIST (SUBSCRIBED) \"\" \"*\"\r\n");
  ASSERT_TRUE(list.selection.has_value());
  EXPECT_EQ(*list.selection, (ListSelection{true, false, false, false, {}}));
  EXPECT_EQ(list.patterns, (std::vector<std::string>{"*"}));
  EXPECT_FALSE(list.return_options.has_value());
}

// RFC 5258 §5 example 3: an empty selection and CHILDREN.
TEST(ImapCommandList, ParsesEmptySelectionAndReturnChildren) {
  const List list = body_of<List>("A03 LIST () \"\" \"%\" RETURN (CHILDREN)\r\n");
  EXPECT_EQ(list.selection, ListSelection{});
  ASSERT_TRUE(list.return_options.has_value());
  EXPECT_TRUE(list.return_options->children);
  EXPECT_FALSE(list.return_options->subscribed);
}

// RFC 5258 §5 example 5.
TEST(ImapCommandList, ParsesRemoteAndSubscribed) {
  const List list = body_of<List>("A05 LIST (REMOTE SUBSCRIBED) \"/\" \"*\"\r\n");
  EXPECT_EQ(list.selection, (ListSelection{true, true, false, false, {}}));
  EXPECT_EQ(list.reference, "/");
}

// RFC 5258 §5 example 8.
TEST(ImapCommandList, ParsesRecursiveMatch) {
  const List list = body_of<List>("A06 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\" RETURN (CHILDREN)\r\n");
  EXPECT_EQ(list.selection, (ListSelection{true, false, true, false, {}}));
}

// RFC 5258 §3: RECURSIVEMATCH alone is a syntax error (the server answers BAD).
TEST(ImapCommandList, RecursiveMatchAloneIsAnError) {
  const auto error = parse_error("A07 LIST (RECURSIVEMATCH) \"\" \"%\"\r\n");
  EXPECT_EQ(error.tag, "A07");
  EXPECT_EQ(error.error.offset, 10u);
}

// RFC 5258 §5 example 9: several patterns.
TEST(ImapCommandList, ParsesSeveralPatterns) {
  const List list = body_of<List>("BBB LIST \"\" (\"INBOX\" \"Drafts\" \"Sent/%\")\r\n");
  EXPECT_EQ(list.patterns, (std::vector<std::string>{"INBOX", "Drafts", "Sent/%"}));
}

// RFC 5819 §4 example (also RFC 9051 §6.3.9).
TEST(ImapCommandList, ParsesReturnStatus) {
  const List list = body_of<List>("A02 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))\r\n");
  ASSERT_TRUE(list.return_options.has_value());
  EXPECT_EQ(list.return_options->status, (std::vector<StatusItem>{StatusItem::messages, StatusItem::unseen}));
}

// RFC 6154 §5.1 examples.
TEST(ImapCommandList, ParsesSpecialUseOptions) {
  EXPECT_TRUE(body_of<List>("t1 LIST \"\" \"%\" RETURN (SPECIAL-USE)\r\n").return_options->special_use);
  EXPECT_TRUE(body_of<List>("t3 LIST (SPECIAL-USE) \"\" \"*\"\r\n").selection->special_use);
}

TEST(ImapCommandList, KeepsUnknownOptionsWithValues) {
  const List list = body_of<List>("a LIST (VENDOR-X (a (b)) SUBSCRIBED) \"\" * RETURN (MYRIGHTS X-Y (1))\r\n");
  ASSERT_EQ(list.selection->extensions.size(), 1u);
  EXPECT_EQ(list.selection->extensions[0].name, "VENDOR-X");
  EXPECT_EQ(list.selection->extensions[0].value,
            ExtensionValue::list({ExtensionValue::atom("a"), ExtensionValue::list({ExtensionValue::atom("b")})}));
  ASSERT_EQ(list.return_options->extensions.size(), 2u);
  EXPECT_EQ(list.return_options->extensions[0], (Parameter{"MYRIGHTS", std::nullopt}));
  EXPECT_EQ(list.return_options->extensions[1].name, "X-Y");
}

TEST(ImapCommandList, SomethingOtherThanReturnAfterThePattern) {
  EXPECT_EQ(parse_error("a LIST \"\" * (CHILDREN)\r\n").error, (ParseError{12, "RETURN"}));
}

}  // namespace
}  // namespace conformance::codec::imap::command
