// The example messages of RFC 5322 Appendix A, parsed whole: header
// section, structured fields, and the IMAP ENVELOPE computed from them.
#include <gtest/gtest.h>

#include "harness/codec/mime/date.hpp"
#include "harness/codec/mime/imap_view.hpp"
#include "harness/codec/mime/message_id.hpp"
#include "harness/codec/mime/structure.hpp"
#include "tests/codec/mime/crlf.hpp"

namespace conformance::codec::mime {
namespace {

using testing::crlf;

imap::Address addr(imap::NString name, std::string mailbox, std::string host) {
  return imap::Address{std::move(name), std::nullopt, std::move(mailbox), std::move(host)};
}
imap::Address group_start(std::string name) { return imap::Address{std::nullopt, std::nullopt, std::move(name), std::nullopt}; }
imap::Address group_end() { return imap::Address{}; }

ParsedMessage parse_ok(const std::string& message) {
  auto parsed = parse_message(message);
  EXPECT_TRUE(parsed) << parsed.error().message();
  return parsed ? std::move(*parsed) : ParsedMessage{};
}

TEST(Rfc5322AppendixA, A11SimpleAddressing) {
  const std::string message = crlf(
      "From: John Doe <jdoe@machine.example>\n"
      "To: Mary Smith <mary@example.net>\n"
      "Subject: Saying Hello\n"
      "Date: Fri, 21 Nov 1997 09:55:06 -0600\n"
      "Message-ID: <1234@local.machine.example>\n"
      "\n"
      "This is a message just to say hello.\n"
      "So, \"Hello\".\n");
  ParsedMessage parsed = parse_ok(message);
  EXPECT_TRUE(parsed.anomalies.empty());
  EXPECT_EQ(parsed.root.body.in(message), "This is a message just to say hello.\r\nSo, \"Hello\".\r\n");
  imap::Envelope expected;
  expected.date = "Fri, 21 Nov 1997 09:55:06 -0600";
  expected.subject = "Saying Hello";
  expected.from = {addr("John Doe", "jdoe", "machine.example")};
  expected.sender = expected.from;
  expected.reply_to = expected.from;
  expected.to = {addr("Mary Smith", "mary", "example.net")};
  expected.message_id = "<1234@local.machine.example>";
  EXPECT_EQ(compute_envelope(parsed.root.fields), expected);
}

TEST(Rfc5322AppendixA, A11SenderDiffersFromAuthor) {
  ParsedMessage parsed = parse_ok(crlf(
      "From: John Doe <jdoe@machine.example>\n"
      "Sender: Michael Jones <mjones@machine.example>\n"
      "To: Mary Smith <mary@example.net>\n\nbody\n"));
  const imap::Envelope envelope = compute_envelope(parsed.root.fields);
  EXPECT_EQ(envelope.sender, (imap::AddressList{addr("Michael Jones", "mjones", "machine.example")}));
  EXPECT_EQ(envelope.reply_to, (imap::AddressList{addr("John Doe", "jdoe", "machine.example")}));
}

TEST(Rfc5322AppendixA, A12DifferentTypesOfMailboxes) {
  ParsedMessage parsed = parse_ok(crlf(
      "From: \"Joe Q. Public\" <john.q.public@example.com>\n"
      "To: Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>\n"
      "Cc: <boss@nil.test>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>\n"
      "Date: Tue, 1 Jul 2003 10:52:37 +0200\n"
      "Message-ID: <5678.21-Nov-1997@example.com>\n"
      "\n"
      "Hi everyone.\n"));
  const imap::Envelope envelope = compute_envelope(parsed.root.fields);
  EXPECT_EQ(envelope.from, (imap::AddressList{addr("Joe Q. Public", "john.q.public", "example.com")}));
  EXPECT_EQ(envelope.to, (imap::AddressList{addr("Mary Smith", "mary", "x.test"), addr(std::nullopt, "jdoe", "example.org"),
                                            addr("Who?", "one", "y.test")}));
  EXPECT_EQ(envelope.cc, (imap::AddressList{addr(std::nullopt, "boss", "nil.test"),
                                            addr("Giant; \"Big\" Box", "sysservices", "example.net")}));
  EXPECT_EQ(envelope.message_id, "<5678.21-Nov-1997@example.com>");
}

TEST(Rfc5322AppendixA, A13GroupAddresses) {
  ParsedMessage parsed = parse_ok(crlf(
      "From: Pete <pete@silly.example>\n"
      "To: A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;\n"
      "Cc: Undisclosed recipients:;\n"
      "Date: Thu, 13 Feb 1969 23:32:54 -0330\n"
      "Message-ID: <testabcd.1234@silly.example>\n"
      "\n"
      "Testing.\n"));
  const imap::Envelope envelope = compute_envelope(parsed.root.fields);
  EXPECT_EQ(envelope.to, (imap::AddressList{group_start("A Group"), addr("Ed Jones", "c", "a.test"),
                                            addr(std::nullopt, "joe", "where.test"), addr("John", "jdoe", "one.test"),
                                            group_end()}));
  EXPECT_EQ(envelope.cc, (imap::AddressList{group_start("Undisclosed recipients"), group_end()}));
  EXPECT_TRUE(envelope.to.front().is_group_start());
  EXPECT_TRUE(envelope.to.back().is_group_end());
  auto date = parse_date_time(parsed.root.fields.find("Date")->value);
  ASSERT_TRUE(date);
  EXPECT_EQ(date->zone_minutes, -210);
}

TEST(Rfc5322AppendixA, A2ReplyMessages) {
  ParsedMessage reply = parse_ok(crlf(
      "From: Mary Smith <mary@example.net>\n"
      "To: John Doe <jdoe@machine.example>\n"
      "Reply-To: \"Mary Smith: Personal Account\" <smith@home.example>\n"
      "Subject: Re: Saying Hello\n"
      "Date: Fri, 21 Nov 1997 10:01:10 -0600\n"
      "Message-ID: <3456@example.net>\n"
      "In-Reply-To: <1234@local.machine.example>\n"
      "References: <1234@local.machine.example>\n"
      "\n"
      "This is a reply to your hello.\n"));
  const imap::Envelope envelope = compute_envelope(reply.root.fields);
  EXPECT_EQ(envelope.reply_to, (imap::AddressList{addr("Mary Smith: Personal Account", "smith", "home.example")}));
  EXPECT_EQ(envelope.sender, (imap::AddressList{addr("Mary Smith", "mary", "example.net")}));
  EXPECT_EQ(envelope.in_reply_to, "<1234@local.machine.example>");

  ParsedMessage second = parse_ok(crlf(
      "To: \"Mary Smith: Personal Account\" <smith@home.example>\n"
      "From: John Doe <jdoe@machine.example>\n"
      "Subject: Re: Saying Hello\n"
      "Date: Fri, 21 Nov 1997 11:00:00 -0600\n"
      "Message-ID: <abcd.1234@local.machine.test>\n"
      "In-Reply-To: <3456@example.net>\n"
      "References: <1234@local.machine.example> <3456@example.net>\n"
      "\n"
      "This is a reply to your reply.\n"));
  auto references = parse_message_id_list(second.root.fields.find("References")->value);
  ASSERT_TRUE(references);
  EXPECT_EQ(*references, (std::vector<MessageId>{{"1234", "local.machine.example"}, {"3456", "example.net"}}));
}

TEST(Rfc5322AppendixA, A3ResentFieldsDoNotChangeTheEnvelope) {
  ParsedMessage parsed = parse_ok(crlf(
      "Resent-From: Mary Smith <mary@example.net>\n"
      "Resent-To: Jane Brown <j-brown@other.example>\n"
      "Resent-Date: Mon, 24 Nov 1997 14:22:01 -0800\n"
      "Resent-Message-ID: <78910@example.net>\n"
      "From: John Doe <jdoe@machine.example>\n"
      "To: Mary Smith <mary@example.net>\n"
      "Subject: Saying Hello\n"
      "Date: Fri, 21 Nov 1997 09:55:06 -0600\n"
      "Message-ID: <1234@local.machine.example>\n"
      "\n"
      "This is a message just to say hello.\n"
      "So, \"Hello\".\n"));
  ASSERT_EQ(parsed.root.fields.fields.size(), 9u);
  const imap::Envelope envelope = compute_envelope(parsed.root.fields);
  EXPECT_EQ(envelope.from, (imap::AddressList{addr("John Doe", "jdoe", "machine.example")}));
  EXPECT_EQ(envelope.date, "Fri, 21 Nov 1997 09:55:06 -0600");
  auto resent_date = parse_date_time(parsed.root.fields.find("Resent-Date")->value);
  ASSERT_TRUE(resent_date);
  EXPECT_EQ(resent_date->day_of_week, 0);
  EXPECT_EQ(resent_date->implied_day_of_week(), 0);
  EXPECT_EQ(*parse_message_id(parsed.root.fields.find("Resent-Message-ID")->value), (MessageId{"78910", "example.net"}));
}

TEST(Rfc5322AppendixA, A4TraceFields) {
  const std::string message = crlf(
      "Received: from x.y.test\n"
      "   by example.net\n"
      "   via TCP\n"
      "   with ESMTP\n"
      "   id ABC12345\n"
      "   for <mary@example.net>;  21 Nov 1997 10:05:43 -0600\n"
      "Received: from node.example by x.y.test; 21 Nov 1997 10:01:22 -0600\n"
      "From: John Doe <jdoe@node.example>\n"
      "To: Mary Smith <mary@example.net>\n"
      "Subject: Saying Hello\n"
      "Date: Fri, 21 Nov 1997 09:55:06 -0600\n"
      "Message-ID: <1234@local.node.example>\n"
      "\n"
      "This is a message just to say hello.\n"
      "So, \"Hello\".\n");
  ParsedMessage parsed = parse_ok(message);
  const auto received = parsed.root.fields.find_all("Received");
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[1]->unfolded(), "from node.example by x.y.test; 21 Nov 1997 10:01:22 -0600");
  // The trailing date of a Received field (RFC 5322 §3.6.7) parses as a date-time.
  const std::string first = received[0]->unfolded();
  auto date = parse_date_time(first.substr(first.rfind(';') + 1));
  ASSERT_TRUE(date);
  EXPECT_EQ(date->hour, 10);
  EXPECT_EQ(parsed.root.fields.serialize(), parsed.root.header.in(message));
}

TEST(Rfc5322AppendixA, A5WhiteSpaceCommentsAndOtherOddities) {
  const std::string message = crlf(
      "From: Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>\n"
      "To:A Group(Some people)\n"
      "     :Chris Jones <c@(Chris's host.)public.example>,\n"
      "         joe@example.org,\n"
      "  John <jdoe@one.test> (my dear friend); (the end of the group)\n"
      "Cc:(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;\n"
      "Date: Thu,\n"
      "      13\n"
      "        Feb\n"
      "          1969\n"
      "      23:32\n"
      "               -0330 (Newfoundland Time)\n"
      "Message-ID:              <testabcd.1234@silly.test>\n"
      "\n"
      "Testing.\n");
  ParsedMessage parsed = parse_ok(message);
  const imap::Envelope envelope = compute_envelope(parsed.root.fields);
  EXPECT_EQ(envelope.from, (imap::AddressList{addr("Pete", "pete", "silly.test")}));
  EXPECT_EQ(envelope.to, (imap::AddressList{group_start("A Group"), addr("Chris Jones", "c", "public.example"),
                                            addr(std::nullopt, "joe", "example.org"), addr("John", "jdoe", "one.test"),
                                            group_end()}));
  EXPECT_EQ(envelope.cc, (imap::AddressList{group_start("Hidden recipients"), group_end()}));
  EXPECT_EQ(envelope.message_id, "<testabcd.1234@silly.test>");
  EXPECT_EQ(envelope.date, "Thu,      13        Feb          1969      23:32               -0330 (Newfoundland Time)");
  auto date = parse_date_time(parsed.root.fields.find("Date")->value);
  ASSERT_TRUE(date);
  EXPECT_EQ(date->second, std::nullopt);
  EXPECT_EQ(parsed.root.fields.serialize(), parsed.root.header.in(message));
}

TEST(Rfc5322AppendixA, A61ObsoleteAddressing) {
  ParsedMessage parsed = parse_ok(crlf(
      "From: Joe Q. Public <john.q.public@example.com>\n"
      "To: Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example\n"
      "Date: Tue, 1 Jul 2003 10:52:37 +0200\n"
      "Message-ID: <5678.21-Nov-1997@example.com>\n"
      "\n"
      "Hi everyone.\n"));
  const imap::Envelope envelope = compute_envelope(parsed.root.fields);
  EXPECT_EQ(envelope.from, (imap::AddressList{addr("Joe Q. Public", "john.q.public", "example.com")}));
  EXPECT_EQ(envelope.to, (imap::AddressList{imap::Address{"Mary Smith", "@node.test", "mary", "example.net"},
                                            addr(std::nullopt, "jdoe", "test.example")}));
}

TEST(Rfc5322AppendixA, A62ObsoleteDates) {
  ParsedMessage parsed = parse_ok(crlf(
      "From: John Doe <jdoe@machine.example>\n"
      "To: Mary Smith <mary@example.net>\n"
      "Subject: Saying Hello\n"
      "Date: 21 Nov 97 09:55:06 GMT\n"
      "Message-ID: <1234@local.machine.example>\n"
      "\n"
      "This is a message just to say hello.\n"
      "So, \"Hello\".\n"));
  EXPECT_EQ(compute_envelope(parsed.root.fields).date, "21 Nov 97 09:55:06 GMT");
  auto date = parse_date_time(parsed.root.fields.find("Date")->value);
  ASSERT_TRUE(date);
  EXPECT_EQ(serialize_date_time(*date), "21 Nov 1997 09:55:06 +0000");
}

TEST(Rfc5322AppendixA, A63ObsoleteWhiteSpaceAndComments) {
  const std::string message = crlf(
      "From  : John Doe <jdoe@machine(comment).  example>\n"
      "To    : Mary Smith\n"
      "  \n"
      "          <mary@example.net>\n"
      "Subject     : Saying Hello\n"
      "Date  : Fri, 21 Nov 1997 09(comment):   55  :  06 -0600\n"
      "Message-ID  : <1234   @   local(blah)  .machine .example>\n"
      "\n"
      "This is a message just to say hello.\n"
      "So, \"Hello\".\n");
  ParsedMessage parsed = parse_ok(message);
  ASSERT_EQ(parsed.root.fields.fields.size(), 5u);
  EXPECT_EQ(parsed.root.fields.fields[1].name, "To");
  EXPECT_EQ(parsed.root.fields.fields[1].gap, "    ");
  ASSERT_FALSE(parsed.anomalies.empty());
  EXPECT_EQ(parsed.anomalies[0], (Anomaly{AnomalyKind::whitespace_before_colon, 4}));
  const imap::Envelope envelope = compute_envelope(parsed.root.fields);
  EXPECT_EQ(envelope.from, (imap::AddressList{addr("John Doe", "jdoe", "machine.example")}));
  EXPECT_EQ(envelope.to, (imap::AddressList{addr("Mary Smith", "mary", "example.net")}));
  EXPECT_EQ(envelope.subject, "Saying Hello");
  EXPECT_EQ(envelope.message_id, "<1234   @   local(blah)  .machine .example>");
  EXPECT_EQ(*parse_message_id(parsed.root.fields.find("Message-ID")->value), (MessageId{"1234", "local.machine.example"}));
  auto date = parse_date_time(parsed.root.fields.find("Date")->value);
  ASSERT_TRUE(date);
  EXPECT_EQ(date->minute, 55);
  EXPECT_EQ(parsed.root.fields.serialize(), parsed.root.header.in(message));
}

}  // namespace
}  // namespace conformance::codec::mime
