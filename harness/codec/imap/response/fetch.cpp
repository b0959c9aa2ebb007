#include "harness/codec/imap/response/fetch.hpp"

#include "harness/codec/imap/chars.hpp"
#include "harness/codec/imap/response/message_structure_codec.hpp"

namespace conformance::codec::imap {
namespace {

constexpr const char* kFetchItems =
    "FETCH data item (FLAGS, UID, INTERNALDATE, RFC822.SIZE, RFC822[.HEADER/.TEXT], ENVELOPE, BODY, BODYSTRUCTURE, "
    "BODY[...], BINARY[...], BINARY.SIZE[...], MODSEQ, EMAILID, THREADID, SAVEDATE or PREVIEW)";

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

// objectid = 1*255(ALPHA / DIGIT / "_" / "-") (RFC 8474 §7)
std::string read_objectid(Reader& r) {
  const std::size_t at = r.offset();
  const std::string_view id = r.atom();
  if (!r.ok()) return {};
  bool valid = id.size() <= 255;
  for (char c : id) {
    const auto u = static_cast<unsigned char>(c);
    valid = valid && ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || is_digit(u) || c == '_' || c == '-');
  }
  if (!valid) r.fail_at(at, "objectid (1 to 255 letters, digits, \"_\" or \"-\")");
  return std::string(id);
}

std::optional<std::uint32_t> read_origin(Reader& r) {
  if (!r.try_consume('<')) return std::nullopt;
  const std::uint32_t origin = r.number();
  r.expect('>');
  return origin;
}

FetchItem read_fetch_item(ParseContext& ctx) {
  Reader& r = ctx.r;
  const std::size_t at = r.offset();
  if (r.try_keyword("FLAGS")) {
    ctx.sp();
    return FetchFlags{ctx.flag_list(/*allow_star=*/false)};
  }
  if (r.try_keyword("UID")) {
    ctx.sp();
    return FetchUid{r.nz_number()};
  }
  if (r.try_keyword("INTERNALDATE")) {
    ctx.sp();
    return FetchInternalDate{read_date_time(r)};
  }
  if (r.try_keyword("RFC822.SIZE")) {
    ctx.sp();
    return FetchRfc822Size{r.number64()};
  }
  for (const auto& [keyword, part] : {std::pair{"RFC822.HEADER", FetchRfc822::Part::header},
                                      std::pair{"RFC822.TEXT", FetchRfc822::Part::text},
                                      std::pair{"RFC822", FetchRfc822::Part::message}}) {
    if (r.try_keyword(keyword)) {
      FetchRfc822 item;
      item.part = part;
      ctx.sp();
      item.data = ctx.nstring(&item.form);
      return item;
    }
  }
  if (r.try_keyword("ENVELOPE")) {
    ctx.sp();
    return FetchEnvelope{read_envelope(ctx)};
  }
  if (r.try_keyword("BODYSTRUCTURE")) {
    ctx.sp();
    return FetchBody{read_body_structure(ctx), true};
  }
  if (r.try_keyword("BODY")) {
    ctx.sp();
    return FetchBody{read_body_structure(ctx), false};
  }
  if (starts_with_ci(r.rest(), "BODY[")) {
    r.try_prefix("BODY");
    FetchBodySection item;
    item.section = read_section(r);
    item.origin = read_origin(r);
    ctx.sp();
    item.data = ctx.nstring(&item.form);
    return item;
  }
  if (starts_with_ci(r.rest(), "BINARY.SIZE[")) {
    r.try_prefix("BINARY.SIZE");
    FetchBinarySize item;
    item.part = read_section_binary(r).part;
    ctx.sp();
    item.size = r.number();
    return item;
  }
  if (starts_with_ci(r.rest(), "BINARY[")) {
    r.try_prefix("BINARY");
    FetchBinary item;
    item.part = read_section_binary(r).part;
    item.origin = read_origin(r);
    ctx.sp();
    item.data = ctx.nstring(&item.form, /*allow_literal8=*/true);
    return item;
  }
  if (r.try_keyword("MODSEQ")) {
    // "MODSEQ" SP "(" permsg-modsequence ")" (RFC 7162 §7)
    ctx.sp();
    r.open();
    FetchModSeq item{r.nz_number64()};
    ctx.close();
    return item;
  }
  if (r.try_keyword("EMAILID")) {
    ctx.sp();
    r.open();
    FetchEmailId item{read_objectid(r)};
    ctx.close();
    return item;
  }
  if (r.try_keyword("THREADID")) {
    ctx.sp();
    FetchThreadId item;
    if (!ctx.try_nil()) {
      r.open();
      item.id = read_objectid(r);
      ctx.close();
    }
    return item;
  }
  if (r.try_keyword("SAVEDATE")) {
    ctx.sp();
    FetchSaveDate item;
    if (!ctx.try_nil()) item.date = read_date_time(r);
    return item;
  }
  if (r.try_keyword("PREVIEW")) {
    ctx.sp();
    FetchPreview item;
    item.text = ctx.nstring(&item.form);
    return item;
  }
  r.fail_at(at, kFetchItems);
  return FetchFlags{};
}

// NIL, or the string in the form it came in (the writer's choice for atom).
void write_data(Writer& writer, const NString& data, StringForm form) {
  if (!data)
    writer.raw("NIL");
  else if (form == StringForm::atom)
    writer.string(*data);
  else
    writer.string_as(*data, form);
}

void write_part(Writer& writer, const std::vector<std::uint32_t>& part) {
  Section section;
  section.part = part;
  write_section(writer, section);
}

void write_origin(Writer& writer, const std::optional<std::uint32_t>& origin) {
  if (origin) writer.raw("<").number(*origin).raw(">");
}

struct ItemWriter {
  Writer& w;
  void operator()(const FetchFlags& item) {
    w.raw("FLAGS ");
    write_flag_list(w, item.flags);
  }
  void operator()(const FetchUid& item) { w.raw("UID ").number(item.uid); }
  void operator()(const FetchInternalDate& item) {
    w.raw("INTERNALDATE ");
    write_date_time(w, item.date);
  }
  void operator()(const FetchRfc822Size& item) { w.raw("RFC822.SIZE ").number(item.size); }
  void operator()(const FetchRfc822& item) {
    w.raw(item.part == FetchRfc822::Part::header ? "RFC822.HEADER "
          : item.part == FetchRfc822::Part::text ? "RFC822.TEXT "
                                                 : "RFC822 ");
    write_data(w, item.data, item.form);
  }
  void operator()(const FetchEnvelope& item) {
    w.raw("ENVELOPE ");
    write_envelope(w, item.envelope);
  }
  void operator()(const FetchBody& item) {
    w.raw(item.extensible ? "BODYSTRUCTURE " : "BODY ");
    write_body_structure(w, item.structure);
  }
  void operator()(const FetchBodySection& item) {
    w.raw("BODY");
    write_section(w, item.section);
    write_origin(w, item.origin);
    w.sp();
    write_data(w, item.data, item.form);
  }
  void operator()(const FetchBinary& item) {
    w.raw("BINARY");
    write_part(w, item.part);
    write_origin(w, item.origin);
    w.sp();
    write_data(w, item.data, item.form);
  }
  void operator()(const FetchBinarySize& item) {
    w.raw("BINARY.SIZE");
    write_part(w, item.part);
    w.sp().number(item.size);
  }
  void operator()(const FetchModSeq& item) { w.raw("MODSEQ (").number(item.modseq).raw(")"); }
  void operator()(const FetchEmailId& item) { w.raw("EMAILID (").raw(item.id).raw(")"); }
  void operator()(const FetchThreadId& item) {
    if (item.id)
      w.raw("THREADID (").raw(*item.id).raw(")");
    else
      w.raw("THREADID NIL");
  }
  void operator()(const FetchSaveDate& item) {
    w.raw("SAVEDATE ");
    if (item.date)
      write_date_time(w, *item.date);
    else
      w.raw("NIL");
  }
  void operator()(const FetchPreview& item) {
    w.raw("PREVIEW ");
    write_data(w, item.text, item.form);
  }
};

}  // namespace

// msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic / msg-att-static)) ")"
FetchData read_fetch(ParseContext& ctx, std::uint32_t sequence) {
  Reader& r = ctx.r;
  FetchData fetch;
  fetch.sequence = sequence;
  ctx.sp();
  r.open();
  do {
    FetchItem item = read_fetch_item(ctx);
    if (!ctx.count_element()) break;
    fetch.items.push_back(std::move(item));
  } while (ctx.more());
  ctx.close();
  if (!r.ok()) return {};
  return fetch;
}

void write_fetch(Writer& writer, const FetchData& fetch) {
  writer.number(fetch.sequence).raw(" FETCH (");
  ItemWriter item_writer{writer};
  for (std::size_t i = 0; i < fetch.items.size(); ++i) {
    if (i > 0) writer.sp();
    std::visit(item_writer, fetch.items[i]);
  }
  writer.close();
}

}  // namespace conformance::codec::imap
