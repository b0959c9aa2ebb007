#include "harness/codec/imap/response/search.hpp"

#include "harness/codec/imap/chars.hpp"

namespace conformance::codec::imap {
namespace {

// partial-range = partial-range-first / partial-range-last (RFC 9394 §5)
void read_partial_range(Reader& r, EsearchItem& item) {
  const std::size_t at = r.offset();
  const bool first_negative = r.try_consume('-');
  item.partial_first = r.nz_number();
  r.expect(':');
  const bool last_negative = r.try_consume('-');
  item.partial_last = r.nz_number();
  if (r.ok() && first_negative != last_negative) r.fail_at(at, "partial range with both ends negative or neither");
  item.partial_from_end = first_negative;
}

EsearchItem read_esearch_item(ParseContext& ctx) {
  Reader& r = ctx.r;
  EsearchItem item;
  const std::string_view name = r.atom();
  ctx.sp();
  if (!r.ok()) return item;
  if (iequals(name, "MIN") || iequals(name, "MAX")) {
    item.kind = iequals(name, "MIN") ? EsearchItem::Kind::min : EsearchItem::Kind::max;
    item.number = r.nz_number();
  } else if (iequals(name, "COUNT")) {
    item.kind = EsearchItem::Kind::count;
    item.number = r.number();
  } else if (iequals(name, "MODSEQ")) {
    item.kind = EsearchItem::Kind::modseq;
    item.number = r.nz_number64();
  } else if (iequals(name, "ALL")) {
    item.kind = EsearchItem::Kind::all;
    const std::size_t at = r.offset();
    item.set = read_sequence_set(r, SequenceSyntax::sequence_set);
    // RFC 9051 §9: "$" is not allowed after the ALL return data item.
    if (r.ok() && item.set.saved_result) r.fail_at(at, "sequence set (no \"$\" after ALL)");
  } else if (iequals(name, "PARTIAL")) {
    item.kind = EsearchItem::Kind::partial;
    r.open();
    read_partial_range(r, item);
    ctx.sp();
    if (ctx.try_nil())
      item.partial_nil = true;
    else
      item.set = read_sequence_set(r, SequenceSyntax::sequence_set);
    ctx.close();
  } else {
    item.kind = EsearchItem::Kind::other;
    item.name = std::string(name);
    item.value = read_extension_value(ctx);
  }
  return item;
}

void write_partial_end(Writer& writer, bool negative, std::uint32_t value) {
  if (negative) writer.raw("-");
  writer.number(value);
}

}  // namespace

const EsearchItem* EsearchData::find(EsearchItem::Kind kind) const {
  for (const auto& item : items)
    if (item.kind == kind) return &item;
  return nullptr;
}

EsearchItem esearch_number(EsearchItem::Kind kind, std::uint64_t number) {
  EsearchItem item;
  item.kind = kind;
  item.number = number;
  return item;
}

EsearchItem esearch_all(SequenceSet set) {
  EsearchItem item;
  item.kind = EsearchItem::Kind::all;
  item.set = std::move(set);
  return item;
}

// "SEARCH" *(SP nz-number) [SP "(" "MODSEQ" SP mod-sequence-value ")"]
SearchData read_search(ParseContext& ctx, bool sort) {
  Reader& r = ctx.r;
  SearchData search;
  search.sort = sort;
  while (r.ok() && r.peek() == ' ') {
    if (r.at_end() || r.peek(1) == '\r' || r.peek(1) == '\n' || r.offset() + 1 == r.input().size()) {
      // "* SEARCH \r\n": a trailing SP, common after an empty result.
      if (ctx.tolerate(r.offset(), "SP at the end of a SEARCH response", "nz-number")) r.try_consume(' ');
      break;
    }
    ctx.sp();
    if (r.peek() == '(') {
      r.open();
      r.keyword("MODSEQ");
      ctx.sp();
      search.modseq = r.nz_number64();
      ctx.close();
      break;
    }
    const std::uint32_t number = r.nz_number();
    if (!ctx.count_element()) break;
    search.numbers.push_back(number);
  }
  if (!r.ok()) return {};
  return search;
}

void write_search(Writer& writer, const SearchData& search) {
  writer.raw(search.sort ? "SORT" : "SEARCH");
  for (const auto number : search.numbers) writer.sp().number(number);
  if (search.modseq) writer.raw(" (MODSEQ ").number(*search.modseq).raw(")");
}

// "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)
EsearchData read_esearch(ParseContext& ctx) {
  Reader& r = ctx.r;
  EsearchData esearch;
  if (r.peek() == ' ' && r.peek(1) == '(') {
    // search-correlator = SP "(" "TAG" SP tag-string ")"
    ctx.sp();
    r.open();
    r.keyword("TAG");
    ctx.sp();
    esearch.tag = ctx.astring();
    ctx.close();
  }
  bool more = r.ok() && r.peek() == ' ';
  if (more) {
    ctx.sp();
    if (r.try_keyword("UID")) {
      esearch.uid = true;
      more = r.peek() == ' ';
      if (more) ctx.sp();
    }
  }
  while (more && r.ok()) {
    EsearchItem item = read_esearch_item(ctx);
    if (!ctx.count_element()) break;
    esearch.items.push_back(std::move(item));
    more = r.ok() && r.peek() == ' ';
    if (more) ctx.sp();
  }
  if (!r.ok()) return {};
  return esearch;
}

void write_esearch(Writer& writer, const EsearchData& esearch) {
  writer.raw("ESEARCH");
  if (esearch.tag) {
    writer.raw(" (TAG ");
    writer.string(*esearch.tag);
    writer.raw(")");
  }
  if (esearch.uid) writer.raw(" UID");
  for (const auto& item : esearch.items) {
    writer.sp();
    switch (item.kind) {
      case EsearchItem::Kind::min: writer.raw("MIN ").number(item.number); break;
      case EsearchItem::Kind::max: writer.raw("MAX ").number(item.number); break;
      case EsearchItem::Kind::count: writer.raw("COUNT ").number(item.number); break;
      case EsearchItem::Kind::modseq: writer.raw("MODSEQ ").number(item.number); break;
      case EsearchItem::Kind::all:
        writer.raw("ALL ");
        write_sequence_set(writer, item.set);
        break;
      case EsearchItem::Kind::partial:
        writer.raw("PARTIAL (");
        write_partial_end(writer, item.partial_from_end, item.partial_first);
        writer.raw(":");
        write_partial_end(writer, item.partial_from_end, item.partial_last);
        writer.sp();
        if (item.partial_nil)
          writer.raw("NIL");
        else
          write_sequence_set(writer, item.set);
        writer.raw(")");
        break;
      case EsearchItem::Kind::other:
        writer.atom(item.name).sp();
        write_extension_value(writer, item.value);
        break;
    }
  }
}

}  // namespace conformance::codec::imap
