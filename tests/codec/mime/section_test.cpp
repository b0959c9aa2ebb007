#include "harness/codec/mime/section.hpp"

#include <gtest/gtest.h>

#include "tests/codec/mime/crlf.hpp"
#include "tests/codec/mime/report_message.hpp"

namespace conformance::codec::mime {
namespace {

using testing::crlf;
using testing::report_message;
using Text = SectionSpec::Text;

class MimeSection : public ::testing::Test {
 protected:
  void SetUp() override {
    auto result = parse_message(report_message());
    ASSERT_TRUE(result) << result.error().message();
    parsed_ = std::move(*result);
  }
  std::string fetch(std::vector<std::uint32_t> part, Text text = Text::none, std::vector<std::string> fields = {}) {
    auto bytes = fetch_section(parsed_, report_message(), SectionSpec{std::move(part), text, std::move(fields)});
    EXPECT_TRUE(bytes) << bytes.error().message();
    return bytes ? *bytes : std::string("<error>");
  }
  ParseError fetch_error(std::vector<std::uint32_t> part, Text text = Text::none) {
    auto bytes = fetch_section(parsed_, report_message(), SectionSpec{std::move(part), text, {}});
    EXPECT_FALSE(bytes);
    return bytes ? ParseError{} : bytes.error();
  }
  ParsedMessage parsed_;
};

TEST_F(MimeSection, WholeMessageHeaderAndText) {
  EXPECT_EQ(fetch({}), report_message());
  const std::string header = fetch({}, Text::header);
  EXPECT_EQ(header.substr(0, 31), "From: Alice <alice@example.org>");
  EXPECT_EQ(header.substr(header.size() - 5), "\"\r\n\r\n");
  EXPECT_EQ(header + fetch({}, Text::text), report_message());
  EXPECT_EQ(fetch({}, Text::text).substr(0, 19), "preamble\r\n--outer\r\n");
}

TEST_F(MimeSection, NumberedPartsAreBodiesWithoutTheirHeader) {
  EXPECT_EQ(fetch({1}), "Hello Bob,\r\nsee attached.");
  EXPECT_EQ(fetch({2}), "JVBERi0xLjQK");
}

TEST_F(MimeSection, MimeIsThePartHeader) {
  EXPECT_EQ(fetch({1}, Text::mime), "Content-Type: text/plain; charset=utf-8\r\n\r\n");
  EXPECT_EQ(fetch({3}, Text::mime), "Content-Type: message/rfc822\r\n\r\n");
}

TEST_F(MimeSection, MessagePartGivesTheWholeEncapsulatedMessage) {
  EXPECT_EQ(fetch({3}), crlf("From: Carol <carol@example.com>\nSubject: Earlier\nDate: Sun, 6 Feb 1994 10:00:00 +0000\n\n"
                             "Old text."));
  EXPECT_EQ(fetch({3}, Text::header),
            crlf("From: Carol <carol@example.com>\nSubject: Earlier\nDate: Sun, 6 Feb 1994 10:00:00 +0000\n\n"));
  EXPECT_EQ(fetch({3}, Text::text), "Old text.");
  // The encapsulated message is not multipart: its only part, 3.1, is its body.
  EXPECT_EQ(fetch({3, 1}), "Old text.");
  EXPECT_EQ(fetch({3, 1}, Text::mime), fetch({3}, Text::header));
}

TEST_F(MimeSection, HeaderFieldsSelectByNameWithoutCase) {
  EXPECT_EQ(fetch({}, Text::header_fields, {"subject", "FROM", "X-Absent"}),
            "From: Alice <alice@example.org>\r\nSubject: Report\r\n\r\n");
  EXPECT_EQ(fetch({3}, Text::header_fields, {"Date"}), "Date: Sun, 6 Feb 1994 10:00:00 +0000\r\n\r\n");
  EXPECT_EQ(fetch({3}, Text::header_fields_not, {"Date", "From"}), "Subject: Earlier\r\n\r\n");
  EXPECT_EQ(fetch({}, Text::header_fields, {"X-Absent"}), "\r\n");
}

TEST_F(MimeSection, RejectsMissingPartsAndMisplacedSpecifiers) {
  EXPECT_EQ(fetch_error({4}).expected, "existing part 4");
  EXPECT_EQ(fetch_error({1, 1}).expected, "existing part 1.1");
  EXPECT_EQ(fetch_error({0}).expected, "existing part 0");
  EXPECT_EQ(fetch_error({}, Text::mime).expected, "part number before MIME");
  EXPECT_EQ(fetch_error({1}, Text::header).expected, "part 1 of type message/rfc822");
  EXPECT_EQ(fetch_error({2}, Text::text).expected, "part 2 of type message/rfc822");
}

TEST(MimeSectionSinglePart, PartOneOfASinglePartMessageIsItsBody) {
  const std::string message = "Subject: one\r\nContent-Type: text/plain\r\n\r\nonly body\r\n";
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*fetch_section(*parsed, message, SectionSpec{{1}, Text::none, {}}), "only body\r\n");
  EXPECT_EQ(*fetch_section(*parsed, message, SectionSpec{{1}, Text::mime, {}}),
            "Subject: one\r\nContent-Type: text/plain\r\n\r\n");
  EXPECT_FALSE(fetch_section(*parsed, message, SectionSpec{{2}, Text::none, {}}));
}

TEST(MimeSectionSinglePart, HeaderWithoutBodyHasNoBlankLine) {
  const std::string message = "Subject: headers only\r\n";
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*fetch_section(*parsed, message, SectionSpec{{}, Text::header, {}}), message);
  EXPECT_EQ(*fetch_section(*parsed, message, SectionSpec{{}, Text::header_fields, {"Subject"}}), message);
  EXPECT_EQ(*fetch_section(*parsed, message, SectionSpec{{}, Text::text, {}}), "");
}

TEST(MimeSectionNested, FollowsMultipartInsideMessageInsideMultipart) {
  const std::string message = crlf(
      "Content-Type: multipart/mixed; boundary=a\n\n"
      "--a\n\nfirst\n"
      "--a\nContent-Type: message/rfc822\n\n"
      "Subject: inner\nContent-Type: multipart/alternative; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\nplain\n"
      "--b\nContent-Type: text/html\n\nhtml\n"
      "--b--\n"
      "--a--\n");
  auto parsed = parse_message(message);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*fetch_section(*parsed, message, SectionSpec{{2, 1}, Text::none, {}}), "plain");
  EXPECT_EQ(*fetch_section(*parsed, message, SectionSpec{{2, 2}, Text::mime, {}}), "Content-Type: text/html\r\n\r\n");
  EXPECT_EQ(*fetch_section(*parsed, message, SectionSpec{{2}, Text::header_fields, {"subject"}}),
            "Subject: inner\r\n\r\n");
  EXPECT_FALSE(fetch_section(*parsed, message, SectionSpec{{2, 3}, Text::none, {}}));
  ASSERT_NE(find_part(parsed->root, {2, 2}), nullptr);
  EXPECT_TRUE(find_part(parsed->root, {2, 2})->content_type.is("text", "html"));
}

TEST(MimePartial, SlicesFromOriginForCount) {
  EXPECT_EQ(partial("0123456789", 2, 3), "234");
  EXPECT_EQ(partial("0123456789", 8, 10), "89");
  EXPECT_EQ(partial("0123456789", 10, 1), "");
  EXPECT_EQ(partial("0123456789", 4, std::nullopt), "456789");
}

}  // namespace
}  // namespace conformance::codec::mime
