#include "harness/codec/imap/response/mailbox_status.hpp"

#include "harness/codec/imap/chars.hpp"
#include "harness/codec/imap/section.hpp"

namespace conformance::codec::imap {
namespace {

struct NamedAttribute {
  StatusAttribute attribute;
  std::string_view name;
};

constexpr NamedAttribute kStatusNames[] = {
    {StatusAttribute::messages, "MESSAGES"},
    {StatusAttribute::uidnext, "UIDNEXT"},
    {StatusAttribute::uidvalidity, "UIDVALIDITY"},
    {StatusAttribute::unseen, "UNSEEN"},
    {StatusAttribute::deleted, "DELETED"},
    {StatusAttribute::size, "SIZE"},
    {StatusAttribute::recent, "RECENT"},
    {StatusAttribute::highestmodseq, "HIGHESTMODSEQ"},
    {StatusAttribute::appendlimit, "APPENDLIMIT"},
    {StatusAttribute::deleted_storage, "DELETED-STORAGE"},
};

std::optional<StatusAttribute> status_attribute_named(std::string_view name) {
  for (const auto& entry : kStatusNames)
    if (iequals(entry.name, name)) return entry.attribute;
  return std::nullopt;
}

// status-att-val (RFC 9051 §9 and the extensions that extend it).
StatusItem read_status_item(ParseContext& ctx) {
  Reader& r = ctx.r;
  StatusItem item;
  const std::string_view name = r.atom();
  const auto attribute = status_attribute_named(name);
  ctx.sp();
  if (!attribute) {
    item.attribute = StatusAttribute::other;
    item.name = std::string(name);
    item.other_value = read_extension_value(ctx);
    return item;
  }
  item.attribute = *attribute;
  switch (*attribute) {
    case StatusAttribute::uidnext:
    case StatusAttribute::uidvalidity:
      item.value = r.nz_number();
      break;
    case StatusAttribute::messages:
    case StatusAttribute::unseen:
    case StatusAttribute::deleted:
    case StatusAttribute::recent:
      item.value = r.number();
      break;
    case StatusAttribute::appendlimit:
      if (ctx.try_nil())
        item.nil = true;
      else
        item.value = r.number64();
      break;
    default:  // SIZE, DELETED-STORAGE: number64; HIGHESTMODSEQ: mod-sequence-valzer
      item.value = r.number64();
      break;
  }
  return item;
}

}  // namespace

std::string_view status_attribute_name(StatusAttribute attribute) {
  for (const auto& entry : kStatusNames)
    if (entry.attribute == attribute) return entry.name;
  return {};
}

std::optional<std::uint64_t> StatusData::get(StatusAttribute attribute) const {
  for (const auto& item : items)
    if (item.attribute == attribute && attribute != StatusAttribute::other && !item.nil) return item.value;
  return std::nullopt;
}

// "STATUS" SP mailbox SP "(" [status-att-list] ")"
StatusData read_status(ParseContext& ctx) {
  Reader& r = ctx.r;
  StatusData status;
  ctx.sp();
  status.mailbox = ctx.astring();
  ctx.sp();
  r.open();
  if (r.ok() && r.peek() != ')' && r.peek() != ' ') {
    do {
      StatusItem item = read_status_item(ctx);
      if (!ctx.count_element()) break;
      status.items.push_back(std::move(item));
    } while (ctx.more());
  }
  ctx.close();
  if (!r.ok()) return {};
  return status;
}

void write_status(Writer& writer, const StatusData& status) {
  writer.raw("STATUS ").astring(status.mailbox).sp().open();
  for (std::size_t i = 0; i < status.items.size(); ++i) {
    const StatusItem& item = status.items[i];
    if (i > 0) writer.sp();
    if (item.attribute == StatusAttribute::other) {
      writer.atom(item.name).sp();
      write_extension_value(writer, item.other_value);
      continue;
    }
    writer.atom(status_attribute_name(item.attribute)).sp();
    if (item.attribute == StatusAttribute::appendlimit && item.nil)
      writer.raw("NIL");
    else
      writer.number(item.value);
  }
  writer.close();
}

FlagsData read_flags(ParseContext& ctx) {
  FlagsData flags;
  ctx.sp();
  flags.flags = ctx.flag_list(/*allow_star=*/false);
  return flags;
}

void write_flags(Writer& writer, const FlagsData& flags) {
  writer.raw("FLAGS ");
  write_flag_list(writer, flags.flags);
}

VanishedData read_vanished(ParseContext& ctx) {
  Reader& r = ctx.r;
  VanishedData vanished;
  ctx.sp();
  if (r.peek() == '(') {
    r.open();
    r.keyword("EARLIER");
    ctx.close();
    ctx.sp();
    vanished.earlier = true;
  }
  vanished.uids = read_sequence_set(r, SequenceSyntax::uid_set);
  if (!r.ok()) return {};
  return vanished;
}

void write_vanished(Writer& writer, const VanishedData& vanished) {
  writer.raw(vanished.earlier ? "VANISHED (EARLIER) " : "VANISHED ");
  write_sequence_set(writer, vanished.uids);
}

}  // namespace conformance::codec::imap
