#include "harness/codec/mime/message_id.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::mime {
namespace {

TEST(MimeMessageId, ParsesMessageId) {
  auto id = parse_message_id("<1234@local.machine.example>");
  ASSERT_TRUE(id);
  EXPECT_EQ(*id, (MessageId{"1234", "local.machine.example"}));
  EXPECT_EQ(*parse_message_id("<5678.21-Nov-1997@example.com>"), (MessageId{"5678.21-Nov-1997", "example.com"}));
}

TEST(MimeMessageId, AcceptsWhiteSpaceAroundOfAppendixA5) {
  auto id = parse_message_id("              <testabcd.1234@silly.test>");
  ASSERT_TRUE(id);
  EXPECT_EQ(*id, (MessageId{"testabcd.1234", "silly.test"}));
}

TEST(MimeMessageId, AcceptsObsoleteCfwsInsideOfAppendixA63) {
  auto id = parse_message_id(" <1234   @   local(blah)  .machine .example>");
  ASSERT_TRUE(id) << id.error().message();
  EXPECT_EQ(*id, (MessageId{"1234", "local.machine.example"}));
}

TEST(MimeMessageId, AcceptsLiteralRightPart) {
  EXPECT_EQ(*parse_message_id("<abc@[192.0.2.1]>"), (MessageId{"abc", "[192.0.2.1]"}));
}

TEST(MimeMessageId, ParsesReferencesListOfAppendixA2) {
  auto ids = parse_message_id_list("<1234@local.machine.example> <3456@example.net>");
  ASSERT_TRUE(ids);
  EXPECT_EQ(*ids, (std::vector<MessageId>{{"1234", "local.machine.example"}, {"3456", "example.net"}}));
}

TEST(MimeMessageId, SkipsObsoletePhrasesInInReplyTo) {
  auto ids = parse_message_id_list("Your message of \"Mon, 1 Jan\" <a@b.example>");
  ASSERT_TRUE(ids) << ids.error().message();
  EXPECT_EQ(*ids, (std::vector<MessageId>{{"a", "b.example"}}));
}

TEST(MimeMessageId, RejectsMalformedIdentifiers) {
  EXPECT_EQ(parse_message_id("1234@example").error(), (ParseError{0, "'<'"}));
  EXPECT_EQ(parse_message_id("<1234example>").error(), (ParseError{12, "'@'"}));
  EXPECT_EQ(parse_message_id("<1234@example").error(), (ParseError{13, "'>'"}));
  EXPECT_EQ(parse_message_id("<@example>").error(), (ParseError{1, "id-left"}));
  EXPECT_EQ(parse_message_id("<a@b> <c@d>").error(), (ParseError{6, "end of msg-id"}));
}

TEST(MimeMessageId, Serializes) {
  EXPECT_EQ(serialize_message_id({"1234", "local.machine.example"}), "<1234@local.machine.example>");
  EXPECT_EQ(serialize_message_id({"a b", "c"}), "<\"a b\"@c>");
  EXPECT_EQ(serialize_message_id_list({{"a", "b"}, {"c", "d"}}), "<a@b> <c@d>");
}

TEST(MimeMessageId, RoundTripsThroughTheSerializer) {
  for (const char* input : {"<1234   @   local(blah)  .machine .example>", "<\"odd id\"@x>", "<a.b@[1.2.3.4]>"}) {
    auto first = parse_message_id(input);
    ASSERT_TRUE(first) << input;
    auto second = parse_message_id(serialize_message_id(*first));
    ASSERT_TRUE(second);
    EXPECT_EQ(*second, *first);
  }
}

}  // namespace
}  // namespace conformance::codec::mime
