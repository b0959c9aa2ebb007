#include "harness/codec/imap/command/search_key.hpp"

#include <algorithm>

#include "harness/codec/imap/chars.hpp"

namespace conformance::codec::imap::command {
namespace {

using Kind = SearchKey::Kind;

enum class Argument { none, astring, keyword, header, date, number64, nz_number, sequence_set, objectid, modseq, one_key, two_keys };

struct KeySpec {
  std::string_view name;
  Kind kind;
  Argument argument;
};

constexpr KeySpec kKeys[] = {
    {"ALL", Kind::all, Argument::none},
    {"ANSWERED", Kind::answered, Argument::none},
    {"DELETED", Kind::deleted, Argument::none},
    {"DRAFT", Kind::draft, Argument::none},
    {"FLAGGED", Kind::flagged, Argument::none},
    {"SEEN", Kind::seen, Argument::none},
    {"UNANSWERED", Kind::unanswered, Argument::none},
    {"UNDELETED", Kind::undeleted, Argument::none},
    {"UNDRAFT", Kind::undraft, Argument::none},
    {"UNFLAGGED", Kind::unflagged, Argument::none},
    {"UNSEEN", Kind::unseen, Argument::none},
    {"NEW", Kind::new_, Argument::none},
    {"OLD", Kind::old, Argument::none},
    {"RECENT", Kind::recent, Argument::none},
    {"UNRECENT", Kind::unrecent, Argument::none},
    {"SAVEDATESUPPORTED", Kind::saved_date_supported, Argument::none},
    {"BCC", Kind::bcc, Argument::astring},
    {"BODY", Kind::body, Argument::astring},
    {"CC", Kind::cc, Argument::astring},
    {"FROM", Kind::from, Argument::astring},
    {"SUBJECT", Kind::subject, Argument::astring},
    {"TEXT", Kind::text, Argument::astring},
    {"TO", Kind::to, Argument::astring},
    {"KEYWORD", Kind::keyword, Argument::keyword},
    {"UNKEYWORD", Kind::unkeyword, Argument::keyword},
    {"HEADER", Kind::header, Argument::header},
    {"BEFORE", Kind::before, Argument::date},
    {"ON", Kind::on, Argument::date},
    {"SINCE", Kind::since, Argument::date},
    {"SENTBEFORE", Kind::sent_before, Argument::date},
    {"SENTON", Kind::sent_on, Argument::date},
    {"SENTSINCE", Kind::sent_since, Argument::date},
    {"SAVEDBEFORE", Kind::saved_before, Argument::date},
    {"SAVEDON", Kind::saved_on, Argument::date},
    {"SAVEDSINCE", Kind::saved_since, Argument::date},
    {"LARGER", Kind::larger, Argument::number64},
    {"SMALLER", Kind::smaller, Argument::number64},
    {"OLDER", Kind::older, Argument::nz_number},
    {"YOUNGER", Kind::younger, Argument::nz_number},
    {"UID", Kind::uid, Argument::sequence_set},
    {"EMAILID", Kind::email_id, Argument::objectid},
    {"THREADID", Kind::thread_id, Argument::objectid},
    {"MODSEQ", Kind::modseq, Argument::modseq},
    {"NOT", Kind::not_, Argument::one_key},
    {"OR", Kind::or_, Argument::two_keys},
};

const KeySpec* find_by_name(std::string_view name) {
  for (const auto& spec : kKeys)
    if (iequals(spec.name, name)) return &spec;
  return nullptr;
}

const KeySpec* find_by_kind(Kind kind) {
  for (const auto& spec : kKeys)
    if (spec.kind == kind) return &spec;
  return nullptr;
}

// objectid = 1*255(ALPHA / DIGIT / "_" / "-") (RFC 8474 §4)
constexpr bool is_objectid_char(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '_' || c == '-';
}
constexpr std::size_t kMaxObjectIdLength = 255;

std::string read_objectid(Reader& reader) {
  if (!reader.ok()) return {};
  const std::size_t at = reader.offset();
  while (!reader.at_end() && is_objectid_char(static_cast<unsigned char>(reader.peek()))) reader.try_consume(reader.peek());
  const std::size_t length = reader.offset() - at;
  if (length == 0 || length > kMaxObjectIdLength) reader.fail_at(at, "objectid of 1 to 255 letters, digits, '_' or '-'");
  return std::string(reader.input().substr(at, length));
}

bool is_objectid(std::string_view id) {
  return !id.empty() && id.size() <= kMaxObjectIdLength && all_of(id, [](unsigned char c) { return is_objectid_char(c); });
}

// A string argument: astring, but not literal8 (RFC 3516 allows that only in APPEND).
std::string read_astring_argument(Reader& reader) {
  if (reader.ok() && reader.peek() == '~' && reader.peek(1) == '{') {
    reader.fail("astring (literal8 only in APPEND data)");
    return {};
  }
  return reader.astring();
}

// search-modsequence = "MODSEQ" [search-modseq-ext] SP mod-sequence-valzer
// search-modseq-ext = SP entry-name SP entry-type-req (RFC 7162 §7)
void read_modseq(Reader& reader, SearchKey& key) {
  reader.sp();
  if (reader.peek() == '"') {
    const std::size_t at = reader.offset();
    key.field = reader.quoted();
    // entry-flag-name = DQUOTE "/flags/" attr-flag DQUOTE
    if (reader.ok() && (key.field.size() <= 7 || !iequals(key.field.substr(0, 7), "/flags/")))
      reader.fail_at(at, "entry name \"/flags/<flag>\"");
    reader.sp();
    if (reader.try_keyword("priv"))
      key.entry_type = "priv";
    else if (reader.try_keyword("shared"))
      key.entry_type = "shared";
    else if (reader.try_keyword("all"))
      key.entry_type = "all";
    else
      reader.fail("entry type priv, shared or all");
    reader.sp();
  }
  key.number = reader.number64();
}

SearchKey read_key(Reader& reader, std::size_t depth, std::size_t max_depth);

void read_argument(Reader& reader, const KeySpec& spec, SearchKey& key, std::size_t depth, std::size_t max_depth) {
  switch (spec.argument) {
    case Argument::none:
      return;
    case Argument::astring:
      reader.sp();
      key.value = read_astring_argument(reader);
      return;
    case Argument::keyword:
      reader.sp();
      key.value = std::string(reader.atom());  // flag-keyword = atom (RFC 9051 §9)
      return;
    case Argument::header:
      reader.sp();
      key.field = read_astring_argument(reader);
      reader.sp();
      key.value = read_astring_argument(reader);
      return;
    case Argument::date:
      reader.sp();
      key.date = read_date(reader);
      return;
    case Argument::number64:
      reader.sp();
      key.number = reader.number64();
      return;
    case Argument::nz_number:
      reader.sp();
      key.number = reader.nz_number();
      return;
    case Argument::sequence_set:
      reader.sp();
      key.set = read_sequence_set(reader);
      return;
    case Argument::objectid:
      reader.sp();
      key.value = read_objectid(reader);
      return;
    case Argument::modseq:
      read_modseq(reader, key);
      return;
    case Argument::one_key:
      reader.sp();
      key.keys.push_back(read_key(reader, depth + 1, max_depth));
      return;
    case Argument::two_keys:
      reader.sp();
      key.keys.push_back(read_key(reader, depth + 1, max_depth));
      reader.sp();
      key.keys.push_back(read_key(reader, depth + 1, max_depth));
      return;
  }
}

SearchKey read_key(Reader& reader, std::size_t depth, std::size_t max_depth) {
  SearchKey key;
  if (!reader.ok()) return key;
  if (depth > max_depth) {
    reader.fail("search key nested at most " + std::to_string(max_depth) + " deep");
    return key;
  }
  const char c = reader.peek();
  if (c == '(') {
    key.kind = Kind::list;
    reader.open();
    do {
      key.keys.push_back(read_key(reader, depth + 1, max_depth));
    } while (reader.ok() && reader.try_consume(' '));
    reader.close();
    return key;
  }
  if (is_digit(static_cast<unsigned char>(c)) || c == '*' || c == '$') {
    key.kind = Kind::sequence_set;
    key.set = read_sequence_set(reader);
    return key;
  }
  if (!is_atom_char(static_cast<unsigned char>(c)) || reader.at_end()) {
    reader.fail("search key");
    return key;
  }
  const std::size_t at = reader.offset();
  const KeySpec* spec = find_by_name(reader.atom());
  if (spec == nullptr) {
    reader.fail_at(at, "search key");
    return key;
  }
  key.kind = spec->kind;
  read_argument(reader, *spec, key, depth, max_depth);
  return key;
}

void write_keys(Writer& writer, const std::vector<SearchKey>& keys) {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) writer.sp();
    write_search_key(writer, keys[i]);
  }
}

// A keyword that is not an atom (built by hand) cannot be sent as one;
// write something that fails to parse rather than something that parses
// as a different key.
void write_atom_or_string(Writer& writer, std::string_view value) {
  if (is_atom(value))
    writer.raw(value);
  else
    writer.string(value);
}

}  // namespace

SearchKey SearchKey::simple(Kind kind) {
  SearchKey key;
  key.kind = kind;
  return key;
}

SearchKey SearchKey::with_value(Kind kind, std::string value) {
  SearchKey key = simple(kind);
  key.value = std::move(value);
  return key;
}

SearchKey SearchKey::header_key(std::string field, std::string value) {
  SearchKey key = with_value(Kind::header, std::move(value));
  key.field = std::move(field);
  return key;
}

SearchKey SearchKey::with_date(Kind kind, Date date) {
  SearchKey key = simple(kind);
  key.date = date;
  return key;
}

SearchKey SearchKey::with_number(Kind kind, std::uint64_t number) {
  SearchKey key = simple(kind);
  key.number = number;
  return key;
}

SearchKey SearchKey::with_set(Kind kind, SequenceSet set) {
  SearchKey key = simple(kind);
  key.set = std::move(set);
  return key;
}

SearchKey SearchKey::not_key(SearchKey inner) {
  SearchKey key = simple(Kind::not_);
  key.keys.push_back(std::move(inner));
  return key;
}

SearchKey SearchKey::or_key(SearchKey left, SearchKey right) {
  SearchKey key = simple(Kind::or_);
  key.keys.push_back(std::move(left));
  key.keys.push_back(std::move(right));
  return key;
}

SearchKey SearchKey::list_key(std::vector<SearchKey> inner) {
  SearchKey key = simple(Kind::list);
  key.keys = std::move(inner);
  return key;
}

std::string_view search_key_name(SearchKey::Kind kind) {
  const KeySpec* spec = find_by_kind(kind);
  return spec ? spec->name : std::string_view();
}

SearchKey read_search_key(Reader& reader, std::size_t max_depth) { return read_key(reader, 1, max_depth); }

void write_search_key(Writer& writer, const SearchKey& key) {
  if (key.kind == Kind::list) {
    writer.open();
    write_keys(writer, key.keys);
    writer.close();
    return;
  }
  if (key.kind == Kind::sequence_set) {
    write_sequence_set(writer, key.set);
    return;
  }
  const KeySpec* spec = find_by_kind(key.kind);
  if (spec == nullptr) return;
  writer.raw(spec->name);
  switch (spec->argument) {
    case Argument::none:
      return;
    case Argument::astring:
      writer.sp().astring(key.value);
      return;
    case Argument::keyword:
      writer.sp();
      write_atom_or_string(writer, key.value);
      return;
    case Argument::header:
      writer.sp().astring(key.field).sp().astring(key.value);
      return;
    case Argument::date:
      writer.sp();
      write_date(writer, key.date);
      return;
    case Argument::number64:
    case Argument::nz_number:
      writer.sp().number(key.number);
      return;
    case Argument::sequence_set:
      writer.sp();
      write_sequence_set(writer, key.set);
      return;
    case Argument::objectid:
      writer.sp();
      if (is_objectid(key.value))
        writer.raw(key.value);
      else
        writer.string(key.value);
      return;
    case Argument::modseq:
      if (!key.field.empty()) writer.sp().quoted(key.field).sp().raw(key.entry_type);
      writer.sp().number(key.number);
      return;
    case Argument::one_key:
    case Argument::two_keys:
      for (const auto& inner : key.keys) {
        writer.sp();
        write_search_key(writer, inner);
      }
      return;
  }
}

}  // namespace conformance::codec::imap::command
