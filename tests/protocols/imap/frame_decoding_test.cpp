// From a framed response to a decoded one: strict first, leniency reported.
#include "harness/protocols/imap/frame_decoding.hpp"

#include <gtest/gtest.h>

namespace conformance::protocols::imap {
namespace {

TEST(ImapFrameDecoding, WellFormedResponseDecodesWithoutViolations) {
  std::vector<Violation> tolerated;
  auto decoded = decode_frame("* 3 EXISTS\r\n", tolerated);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(response_type(decoded->response), "EXISTS");
  EXPECT_EQ(decoded->raw, "* 3 EXISTS\r\n");
  EXPECT_TRUE(tolerated.empty());
}

TEST(ImapFrameDecoding, ToleratedDepartureIsReportedAsAViolation) {
  std::vector<Violation> tolerated;
  auto decoded = decode_frame("a1 OK\r\n", tolerated);  // RFC 9051 wants SP after the status
  ASSERT_TRUE(decoded);
  ASSERT_EQ(tolerated.size(), 1u);
  EXPECT_EQ(tolerated[0].rfc, "RFC 9051 §9");
}

TEST(ImapFrameDecoding, GarbageIsAnErrorNamingTheOffset) {
  std::vector<Violation> tolerated;
  auto decoded = decode_frame("HTTP/1.1 400 Bad Request\r\n", tolerated);
  ASSERT_FALSE(decoded);
  EXPECT_NE(decoded.error().find("malformed response (at byte"), std::string::npos) << decoded.error();
  EXPECT_NE(decoded.error().find("HTTP/1.1 400"), std::string::npos);
}

}  // namespace
}  // namespace conformance::protocols::imap
