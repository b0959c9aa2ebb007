#include "harness/codec/imap/sequence_set.hpp"

#include <algorithm>

namespace conformance::codec::imap {
namespace {

std::uint32_t read_seq_number(Reader& reader, SequenceSyntax syntax) {
  if (syntax == SequenceSyntax::sequence_set && reader.try_consume('*')) return kStar;
  return reader.nz_number();
}

void write_seq_number(Writer& writer, std::uint32_t n) {
  if (n == kStar)
    writer.raw("*");
  else
    writer.number(n);
}

}  // namespace

bool SequenceSet::contains(std::uint32_t n, std::uint32_t largest) const {
  for (const auto& range : ranges) {
    const std::uint32_t a = range.first == kStar ? largest : range.first;
    const std::uint32_t b = range.last == kStar ? largest : range.last;
    if (n >= std::min(a, b) && n <= std::max(a, b)) return true;
  }
  return false;
}

SequenceSet read_sequence_set(Reader& reader, SequenceSyntax syntax) {
  SequenceSet set;
  if (syntax == SequenceSyntax::sequence_set && reader.try_consume('$')) {
    set.saved_result = true;
    return set;
  }
  do {
    SequenceRange range;
    range.first = read_seq_number(reader, syntax);
    range.last = reader.try_consume(':') ? read_seq_number(reader, syntax) : range.first;
    if (!reader.ok()) return {};
    set.ranges.push_back(range);
  } while (reader.try_consume(','));
  return set;
}

void write_sequence_set(Writer& writer, const SequenceSet& set) {
  if (set.saved_result) {
    writer.raw("$");
    return;
  }
  bool first = true;
  for (const auto& range : set.ranges) {
    if (!first) writer.raw(",");
    first = false;
    write_seq_number(writer, range.first);
    if (range.last != range.first) {
      writer.raw(":");
      write_seq_number(writer, range.last);
    }
  }
}

std::string to_string(const SequenceSet& set) {
  Writer writer;
  write_sequence_set(writer, set);
  return std::move(writer).bytes();
}

}  // namespace conformance::codec::imap
