// The fuzz seed corpus doubles as a set of realistic messages: every seed
// named bad_* must be refused and every other one must decode and re-encode
// to a message that decodes the same.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "harness/codec/dns/message.hpp"

namespace conformance::codec::dns {
namespace {

TEST(DnsSeedCorpus, GoodSeedsRoundTripAndBadSeedsAreRefused) {
  const std::filesystem::path folder = std::filesystem::path(CONFORMANCE_SOURCE_DIR) / "fuzz/dns_message/corpus";
  std::size_t good = 0;
  std::size_t bad = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string wire((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string seed = entry.path().filename().string();
    auto message = decode_message(wire);
    if (seed.rfind("bad_", 0) == 0) {
      EXPECT_FALSE(message.ok()) << seed;
      ++bad;
      continue;
    }
    ASSERT_TRUE(message.ok()) << seed << ": " << message.error().message();
    auto reencoded = encode_message(*message);
    ASSERT_TRUE(reencoded.ok()) << seed;
    EXPECT_EQ(decode_message(*reencoded).value(), *message) << seed;
    ++good;
  }
  EXPECT_GE(good, 20u);
  EXPECT_GE(bad, 5u);
}

}  // namespace
}  // namespace conformance::codec::dns
