// Search results: SEARCH (RFC 3501 §7.2.5, kept by RFC 9051 as
// obsolete-search-response; RFC 7162 §3.1.5 "(MODSEQ n)"), SORT (RFC 5256
// §4, same shape) and ESEARCH (RFC 9051 §7.3.4, RFC 4731; RFC 7162 MODSEQ;
// RFC 9394 PARTIAL).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/codec/imap/response/extension_value.hpp"
#include "harness/codec/imap/response/parse_context.hpp"
#include "harness/codec/imap/sequence_set.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap {

struct SearchData {
  bool sort = false;                   // a SORT response rather than SEARCH
  std::vector<std::uint32_t> numbers;  // message numbers or UIDs, in the order sent
  std::optional<std::uint64_t> modseq;  // "(MODSEQ n)" (CONDSTORE)
  friend bool operator==(const SearchData&, const SearchData&) = default;
};

struct EsearchItem {
  enum class Kind {
    min,      // number
    max,      // number
    all,      // set
    count,    // number
    modseq,   // number (RFC 7162 §3.1.5)
    partial,  // partial_* and, unless NIL, set (RFC 9394)
    other,    // name and a generic value (search-ret-data-ext)
  };
  Kind kind = Kind::count;
  std::uint64_t number = 0;
  SequenceSet set;
  // PARTIAL: the requested range; negative (from_end) for "-1:-100".
  bool partial_from_end = false;
  std::uint32_t partial_first = 0;
  std::uint32_t partial_last = 0;
  bool partial_nil = false;  // PARTIAL (range NIL): nothing in that range
  std::string name;          // other
  ExtensionValue value;      // other
  friend bool operator==(const EsearchItem&, const EsearchItem&) = default;
};

struct EsearchData {
  std::optional<std::string> tag;  // search-correlator: the command's tag
  bool uid = false;
  std::vector<EsearchItem> items;
  const EsearchItem* find(EsearchItem::Kind kind) const;
  friend bool operator==(const EsearchData&, const EsearchData&) = default;
};

EsearchItem esearch_number(EsearchItem::Kind kind, std::uint64_t number);  // MIN, MAX, COUNT, MODSEQ
EsearchItem esearch_all(SequenceSet set);

// After "SEARCH" / "SORT".
SearchData read_search(ParseContext& ctx, bool sort);
void write_search(Writer& writer, const SearchData& search);
// After "ESEARCH".
EsearchData read_esearch(ParseContext& ctx);
void write_esearch(Writer& writer, const EsearchData& esearch);

}  // namespace conformance::codec::imap
