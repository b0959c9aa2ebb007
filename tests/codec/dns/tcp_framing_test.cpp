#include "harness/codec/dns/tcp_framing.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/codec/dns/wire_bytes.hpp"

namespace conformance::codec::dns {
namespace {

using testing::bytes;

const std::string query = bytes(
    "0042 0100 0001 0000 0000 0000"
    "07 'example' 03 'com' 00  000F 0001");  // 29 octets

TEST(DnsTcpFraming, PrefixesMessageWithItsLength) {
  auto framed = frame_tcp_message(query);
  ASSERT_TRUE(framed.ok());
  EXPECT_EQ(*framed, bytes("001D") + query);
}

TEST(DnsTcpFraming, EncodesMessageStraightIntoAFrame) {
  Message m = decode_message(query).value();
  EXPECT_EQ(encode_tcp_message(m).value(), bytes("001D") + query);
}

TEST(DnsTcpFraming, RefusesToFrameMoreThan65535Octets) {
  auto framed = frame_tcp_message(std::string(65536, '\0'));
  ASSERT_FALSE(framed.ok());
  EXPECT_EQ(framed.error().expected, "message of at most 65535 octets for TCP");
}

TEST(DnsTcpFraming, NeedsBothLengthOctetsFirst) {
  auto step = next_tcp_frame("");
  ASSERT_TRUE(step.needs_more());
  EXPECT_EQ(step.more_needed(), 2u);
  step = next_tcp_frame(bytes("00"));
  ASSERT_TRUE(step.needs_more());
  EXPECT_EQ(step.more_needed(), 1u);
}

TEST(DnsTcpFraming, SaysExactlyHowManyOctetsTheFrameLacks) {
  const std::string framed = frame_tcp_message(query).value();
  auto step = next_tcp_frame(std::string_view(framed).substr(0, 10));
  ASSERT_TRUE(step.needs_more());
  EXPECT_EQ(step.more_needed(), framed.size() - 10);
}

TEST(DnsTcpFraming, DecodesMessageSplitAcrossChunks) {
  const std::string framed = frame_tcp_message(query).value();
  std::string buffer;
  std::size_t fed = 0;
  for (std::size_t chunk : {1u, 1u, 5u, 7u, 100u}) {
    buffer += framed.substr(fed, chunk);
    fed = std::min(framed.size(), fed + chunk);
    auto step = decode_tcp_message(buffer);
    if (fed < framed.size()) {
      ASSERT_TRUE(step.needs_more()) << "after " << fed << " octets";
      continue;
    }
    ASSERT_TRUE(step.complete());
    EXPECT_EQ(step.consumed(), framed.size());
    EXPECT_EQ(step.value(), decode_message(query).value());
    return;
  }
  FAIL() << "never completed";
}

TEST(DnsTcpFraming, LeavesTheNextMessageInTheStream) {
  const std::string framed = frame_tcp_message(query).value();
  const std::string stream = framed + framed.substr(0, 3);
  auto first = decode_tcp_message(stream);
  ASSERT_TRUE(first.complete());
  EXPECT_EQ(first.consumed(), framed.size());
  auto second = decode_tcp_message(std::string_view(stream).substr(first.consumed()));
  ASSERT_TRUE(second.needs_more());
  EXPECT_EQ(second.more_needed(), framed.size() - 3);
}

TEST(DnsTcpFraming, ReportsMessageErrorsAtStreamOffsets) {
  // A zero-length frame: the message cannot even hold its header.
  auto step = decode_tcp_message(bytes("0000"));
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 2u);
  EXPECT_EQ(step.error().expected, "12-octet header");
}

TEST(DnsTcpFraming, RefusesOversizedLengthBeforeItsOctetsArrive) {
  Limits limits;
  limits.max_message_size = 512;
  auto step = decode_tcp_message(bytes("0201"), limits);
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 0u);
  EXPECT_EQ(step.error().expected, "message length of at most 512 octets");
}

}  // namespace
}  // namespace conformance::codec::dns
