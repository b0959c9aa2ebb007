// Sequence sets (RFC 9051 §9 sequence-set, uid-set of RFC 4315, "$" of
// RFC 5182): used by commands (FETCH 1:*), response codes (COPYUID,
// APPENDUID) and responses (VANISHED, ESEARCH ALL).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/codec/imap/reader.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap {

// "*" is kept as 0, a value no message number or UID can take.
inline constexpr std::uint32_t kStar = 0;

struct SequenceRange {
  std::uint32_t first = 1;
  std::uint32_t last = 1;  // equal to first for a single number
  friend bool operator==(const SequenceRange&, const SequenceRange&) = default;
};

struct SequenceSet {
  std::vector<SequenceRange> ranges;  // in the order sent; "3:1" stays "3:1"
  bool saved_result = false;          // "$": the result of the last SEARCH ... SAVE (RFC 5182)

  // Is `n` in the set, with "*" meaning `largest` (the highest number in use)?
  bool contains(std::uint32_t n, std::uint32_t largest) const;
  friend bool operator==(const SequenceSet&, const SequenceSet&) = default;
};

enum class SequenceSyntax {
  sequence_set,  // numbers, ranges, "*", "$" (commands)
  uid_set,       // numbers and ranges only (RFC 4315 uid-set, RFC 7162 known-uids)
};

SequenceSet read_sequence_set(Reader& reader, SequenceSyntax syntax = SequenceSyntax::sequence_set);
void write_sequence_set(Writer& writer, const SequenceSet& set);
std::string to_string(const SequenceSet& set);

}  // namespace conformance::codec::imap
