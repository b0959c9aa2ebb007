#include "harness/codec/smtp/enhanced_status.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::smtp {
namespace {

TEST(SmtpEnhancedStatus, ParsesClassSubjectDetail) {
  auto code = parse_enhanced_status_code("5.1.1");
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(*code, (EnhancedStatusCode{5, 1, 1}));
  EXPECT_EQ(*parse_enhanced_status_code("4.7.12"), (EnhancedStatusCode{4, 7, 12}));
  EXPECT_EQ(*parse_enhanced_status_code("2.999.999"), (EnhancedStatusCode{2, 999, 999}));
}

TEST(SmtpEnhancedStatus, FormatsAsDottedNumbers) {
  EXPECT_EQ((EnhancedStatusCode{2, 1, 0}).to_string(), "2.1.0");
  EXPECT_EQ((EnhancedStatusCode{5, 7, 30}).to_string(), "5.7.30");
}

TEST(SmtpEnhancedStatus, RoundTripsThroughText) {
  for (EnhancedStatusCode code : {EnhancedStatusCode{2, 0, 0}, EnhancedStatusCode{4, 4, 7},
                                  EnhancedStatusCode{5, 6, 9}, EnhancedStatusCode{5, 123, 456}}) {
    auto parsed = parse_enhanced_status_code(code.to_string());
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, code);
  }
}

TEST(SmtpEnhancedStatus, RejectsClassOtherThan245) {
  auto code = parse_enhanced_status_code("3.1.1");
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.error().offset, 0u);
  EXPECT_EQ(code.error().expected, "status code class \"2\", \"4\" or \"5\"");
}

TEST(SmtpEnhancedStatus, RejectsMissingParts) {
  EXPECT_EQ(parse_enhanced_status_code("5").error().offset, 1u);
  EXPECT_EQ(parse_enhanced_status_code("5.").error().expected, "subject (1 to 3 digits)");
  EXPECT_EQ(parse_enhanced_status_code("5.1").error().expected, "'.' after the subject");
  EXPECT_EQ(parse_enhanced_status_code("5.1.").error().offset, 4u);
}

TEST(SmtpEnhancedStatus, RejectsMoreThanThreeDigits) {
  auto code = parse_enhanced_status_code("2.1234.0");
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.error().offset, 5u);
  EXPECT_EQ(parse_enhanced_status_code("2.1.1234").error().offset, 7u);
}

TEST(SmtpEnhancedStatus, FindsLeadingCodeFollowedBySpaceOrEnd) {
  auto found = find_leading_status_code("2.1.0 Sender ok");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->code, (EnhancedStatusCode{2, 1, 0}));
  EXPECT_EQ(found->length, 5u);
  EXPECT_TRUE(find_leading_status_code("5.7.1").has_value());
}

TEST(SmtpEnhancedStatus, IgnoresTextThatOnlyLooksLikeACode) {
  EXPECT_FALSE(find_leading_status_code("2.5.1.3 is a version").has_value());
  EXPECT_FALSE(find_leading_status_code("2.0.0x").has_value());
  EXPECT_FALSE(find_leading_status_code("OK 2.0.0").has_value());
  EXPECT_FALSE(find_leading_status_code("").has_value());
}

TEST(SmtpEnhancedStatus, DescribesRfc3463Details) {
  EXPECT_EQ(describe_status_detail({5, 1, 1}), "Bad destination mailbox address");
  EXPECT_EQ(describe_status_detail({4, 2, 2}), "Mailbox full");
  EXPECT_EQ(describe_status_detail({5, 3, 4}), "Message too big for system");
  EXPECT_EQ(describe_status_detail({4, 4, 7}), "Delivery time expired");
  EXPECT_EQ(describe_status_detail({5, 7, 1}), "Delivery not authorized, message refused");
}

TEST(SmtpEnhancedStatus, DescribesDetailsOfExtensionRfcs) {
  EXPECT_EQ(describe_status_detail({5, 7, 8}), "Authentication credentials invalid");
  EXPECT_EQ(describe_status_detail({5, 6, 7}), "Non-ASCII addresses not permitted for that sender/recipient");
  EXPECT_EQ(describe_status_detail({5, 7, 30}), "REQUIRETLS support required");
}

TEST(SmtpEnhancedStatus, DescribesClassAndSubject) {
  EXPECT_EQ(describe_status_class(4), "Persistent Transient Failure");
  EXPECT_EQ(describe_status_class(3), std::nullopt);
  EXPECT_EQ(describe_status_subject(1), "Addressing Status");
  EXPECT_EQ(describe_status_subject(7), "Security or Policy Status");
  EXPECT_EQ(describe_status_subject(8), std::nullopt);
}

TEST(SmtpEnhancedStatus, HasNoMeaningForUnregisteredCodes) {
  EXPECT_EQ(describe_status_detail({5, 1, 99}), std::nullopt);
  EXPECT_EQ(describe_status_detail({3, 1, 1}), std::nullopt);
}

}  // namespace
}  // namespace conformance::codec::smtp
