#include "harness/codec/imap/response/mailbox_list.hpp"

#include "harness/codec/imap/chars.hpp"
#include "harness/codec/imap/mutf7.hpp"
#include "harness/codec/imap/section.hpp"

namespace conformance::codec::imap {
namespace {

// DQUOTE QUOTED-CHAR DQUOTE / nil: the hierarchy delimiter.
std::optional<char> read_delimiter(ParseContext& ctx) {
  Reader& r = ctx.r;
  if (ctx.try_nil()) return std::nullopt;
  const std::size_t at = r.offset();
  const std::string quoted = r.quoted();
  if (!r.ok()) return std::nullopt;
  if (quoted.empty()) {
    ctx.tolerate(at, "\"\" as hierarchy delimiter (NIL is due)", "one quoted character or NIL");
    return std::nullopt;
  }
  if (quoted.size() != 1 || static_cast<unsigned char>(quoted[0]) >= 0x80) {
    r.fail_at(at, "one quoted ASCII character or NIL (hierarchy delimiter)");
    return std::nullopt;
  }
  return quoted[0];
}

void write_delimiter(Writer& writer, const std::optional<char>& delimiter) {
  if (delimiter)
    writer.quoted(std::string_view(&*delimiter, 1));
  else
    writer.raw("NIL");
}

// mbx-list-flags: every attribute is "\" atom (RFC 9051 §9 mbx-list-oflag / sflag).
std::vector<std::string> read_attributes(ParseContext& ctx) {
  Reader& r = ctx.r;
  std::vector<std::string> attributes;
  if (ctx.at_nil() && ctx.tolerate(r.offset(), "NIL where a list of mailbox attributes is due", "'('")) {
    ctx.try_nil();
    return attributes;
  }
  r.open();
  if (r.ok() && r.peek() != ')' && r.peek() != ' ') {
    do {
      const std::size_t at = r.offset();
      std::string attribute = r.flag();
      if (r.ok() && (attribute.empty() || attribute[0] != '\\' || attribute == "\\*"))
        r.fail_at(at, "mailbox attribute (\"\\\" atom)");
      if (!ctx.count_element()) break;
      attributes.push_back(std::move(attribute));
    } while (ctx.more());
  }
  ctx.close();
  if (!r.ok()) attributes.clear();
  return attributes;
}

// Astrings written back in the form they came in; "NIL" is a valid astring atom.
void write_astring_as(Writer& writer, const std::string& value, StringForm form) {
  if (form == StringForm::atom && is_astring_atom(value))
    writer.atom(value);
  else if (form == StringForm::atom)
    writer.string(value);
  else
    writer.string_as(value, form);
}

NamespaceDescriptor read_namespace_descriptor(ParseContext& ctx) {
  Reader& r = ctx.r;
  NamespaceDescriptor descriptor;
  r.open();
  descriptor.prefix = ctx.string();
  ctx.sp();
  descriptor.delimiter = read_delimiter(ctx);
  while (ctx.more()) {
    NamespaceExtension extension;
    extension.name = ctx.string();
    ctx.sp();
    r.open();
    do {
      std::string value = ctx.string();
      if (!ctx.count_element()) break;
      extension.values.push_back(std::move(value));
    } while (ctx.more());
    ctx.close();
    if (!ctx.count_element()) break;
    descriptor.extensions.push_back(std::move(extension));
  }
  ctx.close();
  return descriptor;
}

// namespace = nil / "(" 1*namespace-descr ")": descriptors follow each
// other with no SP between them.
std::vector<NamespaceDescriptor> read_namespace_class(ParseContext& ctx) {
  Reader& r = ctx.r;
  std::vector<NamespaceDescriptor> descriptors;
  if (!r.ok() || ctx.try_nil()) return descriptors;
  r.open();
  while (r.ok()) {
    NamespaceDescriptor descriptor = read_namespace_descriptor(ctx);
    if (!ctx.count_element()) break;
    descriptors.push_back(std::move(descriptor));
    if (r.peek() == '(') continue;
    if (r.peek() == ' ' && r.peek(1) == '(' &&
        ctx.tolerate(r.offset(), "SP between namespace descriptors", "'(' or ')'")) {
      r.try_consume(' ');
      continue;
    }
    break;
  }
  ctx.close();
  if (!r.ok()) descriptors.clear();
  return descriptors;
}

void write_namespace_class(Writer& writer, const std::vector<NamespaceDescriptor>& descriptors) {
  if (descriptors.empty()) {
    writer.raw("NIL");
    return;
  }
  writer.open();
  for (const auto& descriptor : descriptors) {
    writer.open().string(descriptor.prefix).sp();
    write_delimiter(writer, descriptor.delimiter);
    for (const auto& extension : descriptor.extensions) {
      writer.sp().string(extension.name).sp().open();
      for (std::size_t i = 0; i < extension.values.size(); ++i) {
        if (i > 0) writer.sp();
        writer.string(extension.values[i]);
      }
      writer.close();
    }
    writer.close();
  }
  writer.close();
}

const ListExtendedItem* find_item(const std::vector<ListExtendedItem>& items, std::string_view tag) {
  for (const auto& item : items)
    if (iequals(item.tag, tag)) return &item;
  return nullptr;
}

}  // namespace

Result<std::string> ListData::decoded_mailbox() const { return decode_mutf7(mailbox); }

std::optional<std::vector<std::string>> ListData::childinfo() const {
  const ListExtendedItem* item = find_item(extended, "CHILDINFO");
  if (!item || item->value.kind != ExtensionValue::Kind::list) return std::nullopt;
  std::vector<std::string> options;
  for (const auto& option : item->value.items)
    if (option.kind != ExtensionValue::Kind::list) options.push_back(option.text);
  return options;
}

std::optional<std::string> ListData::oldname() const {
  const ListExtendedItem* item = find_item(extended, "OLDNAME");
  if (!item || item->value.kind != ExtensionValue::Kind::list || item->value.items.size() != 1 ||
      item->value.items[0].kind == ExtensionValue::Kind::list)
    return std::nullopt;
  return item->value.items[0].text;
}

ListData read_list(ParseContext& ctx, bool lsub) {
  Reader& r = ctx.r;
  ListData list;
  list.lsub = lsub;
  ctx.sp();
  list.attributes = read_attributes(ctx);
  ctx.sp();
  list.delimiter = read_delimiter(ctx);
  ctx.sp();
  list.mailbox = ctx.astring(&list.mailbox_form);
  // [SP mbox-list-extended] (RFC 5258 §6, RFC 9051 §9)
  if (r.ok() && r.peek() == ' ' && r.peek(1) == '(') {
    ctx.sp();
    r.open();
    if (r.ok() && r.peek() != ')' && r.peek() != ' ') {
      do {
        ListExtendedItem item;
        item.tag = ctx.astring(&item.tag_form);
        ctx.sp();
        item.value = read_extension_value(ctx);
        if (!ctx.count_element()) break;
        list.extended.push_back(std::move(item));
      } while (ctx.more());
    }
    ctx.close();
  }
  if (!r.ok()) return {};
  return list;
}

void write_list(Writer& writer, const ListData& list) {
  writer.raw(list.lsub ? "LSUB " : "LIST ");
  write_flag_list(writer, list.attributes);
  writer.sp();
  write_delimiter(writer, list.delimiter);
  writer.sp();
  write_astring_as(writer, list.mailbox, list.mailbox_form);
  if (!list.extended.empty()) {
    writer.sp().open();
    for (std::size_t i = 0; i < list.extended.size(); ++i) {
      if (i > 0) writer.sp();
      write_astring_as(writer, list.extended[i].tag, list.extended[i].tag_form);
      writer.sp();
      write_extension_value(writer, list.extended[i].value);
    }
    writer.close();
  }
}

NamespaceData read_namespace(ParseContext& ctx) {
  NamespaceData data;
  ctx.sp();
  data.personal = read_namespace_class(ctx);
  ctx.sp();
  data.other_users = read_namespace_class(ctx);
  ctx.sp();
  data.shared = read_namespace_class(ctx);
  if (!ctx.ok()) return {};
  return data;
}

void write_namespace(Writer& writer, const NamespaceData& data) {
  writer.raw("NAMESPACE ");
  write_namespace_class(writer, data.personal);
  writer.sp();
  write_namespace_class(writer, data.other_users);
  writer.sp();
  write_namespace_class(writer, data.shared);
}

}  // namespace conformance::codec::imap
