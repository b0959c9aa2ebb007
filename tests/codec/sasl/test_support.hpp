// Helpers shared by the SASL tests.
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include "harness/codec/sasl/crypto.hpp"

namespace conformance::codec::sasl::testing {

// A random source that repeats `pattern`, so generated nonces and salts
// are predictable.
inline RandomSource repeating_random(std::string pattern) {
  return [pattern = std::move(pattern), at = std::size_t{0}](std::span<unsigned char> out) mutable {
    for (auto& b : out) b = static_cast<unsigned char>(pattern[at++ % pattern.size()]);
    return true;
  };
}

inline RandomSource failing_random() {
  return [](std::span<unsigned char>) { return false; };
}

}  // namespace conformance::codec::sasl::testing
