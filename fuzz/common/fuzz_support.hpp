// Helpers shared by the fuzz targets: property checks that abort (so libFuzzer
// records the input) and deterministic chunking of an input, to compare an
// incremental parser fed piece by piece with the same parser fed all at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

// Fails the run with a message when a property does not hold. Not assert():
// it must stay active in release builds.
#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (0)

namespace conformance::fuzz {

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits `input` into pieces whose sizes depend only on the input itself,
// so a crash reproduces from the saved file alone. Sizes run from 1 byte to
// about 64, so byte-at-a-time delivery and larger reads both get exercised.
inline std::vector<std::string_view> chunks_of(std::string_view input) {
  std::uint64_t state = 0x9e3779b97f4a7c15ULL ^ input.size();
  for (char c : input.substr(0, 16)) state = (state ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  std::vector<std::string_view> pieces;
  std::size_t at = 0;
  while (at < input.size()) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    std::size_t size = (state & 3) == 0 ? 1 : 1 + static_cast<std::size_t>(state % 64);
    if (size > input.size() - at) size = input.size() - at;
    pieces.push_back(input.substr(at, size));
    at += size;
  }
  return pieces;
}

}  // namespace conformance::fuzz
