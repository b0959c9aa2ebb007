// SEARCH criteria (RFC 9051 §6.4.4 and §9 search-key; RFC 3501 §6.4.4 for
// NEW, OLD, RECENT, UNRECENT; RFC 7162 §3.1.5 MODSEQ; RFC 5032 OLDER and
// YOUNGER; RFC 8474 EMAILID and THREADID; RFC 8514 SAVEDBEFORE, SAVEDON,
// SAVEDSINCE, SAVEDATESUPPORTED; RFC 5182 "$").
//
// One structure for every key: `kind` says which, and only the fields that
// kind uses are set (the others keep their defaults, which is what the
// parser produces and what equality compares). NOT, OR and parenthesized
// lists nest, so reading is bounded by a depth limit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/imap/date_time.hpp"
#include "harness/codec/imap/reader.hpp"
#include "harness/codec/imap/sequence_set.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap::command {

struct SearchKey {
  enum class Kind {
    // No argument.
    all, answered, deleted, draft, flagged, seen, unanswered, undeleted, undraft, unflagged, unseen,
    new_, old, recent, unrecent,  // RFC 3501 only
    saved_date_supported,         // RFC 8514
    // `value`: an astring.
    bcc, body, cc, from, subject, text, to,
    // `value`: a flag keyword.
    keyword, unkeyword,
    // `field` SP `value`.
    header,
    // `date`.
    before, on, since, sent_before, sent_on, sent_since,
    saved_before, saved_on, saved_since,  // RFC 8514
    // `number`.
    larger, smaller,  // number64 in RFC 9051
    older, younger,   // RFC 5032, seconds
    // `set`.
    uid,
    sequence_set,  // a bare sequence set ("1:5", "*", "$")
    // `value`: an objectid (RFC 8474).
    email_id, thread_id,
    // `number`, and when `field` is not empty the entry name and `entry_type` (RFC 7162).
    modseq,
    // `keys`.
    not_,  // one key
    or_,   // two keys
    list,  // "(" one or more keys ")"
  };

  Kind kind = Kind::all;
  std::string value;       // astring, keyword, header value or objectid
  std::string field;       // HEADER field name; MODSEQ entry name ("/flags/\\Seen")
  std::string entry_type;  // MODSEQ with an entry name: "priv", "shared" or "all" (lower case)
  Date date;
  std::uint64_t number = 0;
  SequenceSet set;
  std::vector<SearchKey> keys;

  // Convenience constructors, for tests and the harness client.
  static SearchKey simple(Kind kind);
  static SearchKey with_value(Kind kind, std::string value);
  static SearchKey header_key(std::string field, std::string value);
  static SearchKey with_date(Kind kind, Date date);
  static SearchKey with_number(Kind kind, std::uint64_t number);
  static SearchKey with_set(Kind kind, SequenceSet set);
  static SearchKey not_key(SearchKey key);
  static SearchKey or_key(SearchKey left, SearchKey right);
  static SearchKey list_key(std::vector<SearchKey> keys);

  friend bool operator==(const SearchKey&, const SearchKey&) = default;
};

// The keyword of a kind ("SENTBEFORE"), or "" for sequence_set and list.
std::string_view search_key_name(SearchKey::Kind kind);

// search-key. `max_depth` bounds how deep NOT, OR and "(...)" may nest; a
// deeper key fails at the offset of the key that went over.
SearchKey read_search_key(Reader& reader, std::size_t max_depth);
void write_search_key(Writer& writer, const SearchKey& key);

}  // namespace conformance::codec::imap::command
