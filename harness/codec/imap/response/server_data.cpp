#include "harness/codec/imap/response/server_data.hpp"

#include "harness/codec/imap/chars.hpp"

namespace conformance::codec::imap {
namespace {

// *(SP atom), tolerating a trailing SP before CRLF.
std::vector<std::string> read_atom_list(ParseContext& ctx, std::string_view response) {
  Reader& r = ctx.r;
  std::vector<std::string> atoms;
  while (r.ok() && r.peek() == ' ') {
    const char next = r.peek(1);
    if (next == '\r' || next == '\n' || r.offset() + 1 >= r.input().size()) {
      if (ctx.tolerate(r.offset(), "SP at the end of " + std::string(response), "atom")) r.try_consume(' ');
      break;
    }
    ctx.sp();
    std::string atom(r.atom());
    if (!ctx.count_element()) break;
    atoms.push_back(std::move(atom));
  }
  if (!r.ok()) atoms.clear();
  return atoms;
}

void write_atom_list(Writer& writer, const std::vector<std::string>& atoms) {
  for (const auto& atom : atoms) writer.sp().atom(atom);
}

}  // namespace

bool CapabilityData::has(std::string_view capability) const {
  for (const auto& c : capabilities)
    if (iequals(c, capability)) return true;
  return false;
}

std::string_view UnknownData::keyword() const {
  std::string_view rest = raw;
  std::size_t at = 0;
  while (at < rest.size() && is_digit(static_cast<unsigned char>(rest[at]))) ++at;
  if (at > 0 && at < rest.size() && rest[at] == ' ') rest.remove_prefix(at + 1);
  std::size_t end = 0;
  while (end < rest.size() && is_atom_char(static_cast<unsigned char>(rest[end]))) ++end;
  return rest.substr(0, end);
}

// capability-data = "CAPABILITY" *(SP capability) SP "IMAP4rev2" *(SP capability)
CapabilityData read_capability(ParseContext& ctx) {
  CapabilityData data;
  data.capabilities = read_atom_list(ctx, "CAPABILITY");
  return data;
}

void write_capability(Writer& writer, const CapabilityData& data) {
  writer.raw("CAPABILITY");
  write_atom_list(writer, data.capabilities);
}

// enable-data = "ENABLED" *(SP capability)
EnabledData read_enabled(ParseContext& ctx) {
  EnabledData data;
  data.capabilities = read_atom_list(ctx, "ENABLED");
  return data;
}

void write_enabled(Writer& writer, const EnabledData& data) {
  writer.raw("ENABLED");
  write_atom_list(writer, data.capabilities);
}

IdData read_id(ParseContext& ctx) {
  Reader& r = ctx.r;
  IdData data;
  ctx.sp();
  if (ctx.try_nil()) return data;
  std::vector<std::pair<std::string, NString>> fields;
  r.open();
  if (r.ok() && r.peek() != ')' && r.peek() != ' ') {
    do {
      std::string name = ctx.string();
      ctx.sp();
      NString value = ctx.nstring();
      if (!ctx.count_element()) break;
      fields.emplace_back(std::move(name), std::move(value));
    } while (ctx.more());
  }
  ctx.close();
  if (!r.ok()) return {};
  data.fields = std::move(fields);
  return data;
}

void write_id(Writer& writer, const IdData& data) {
  writer.raw("ID ");
  if (!data.fields) {
    writer.raw("NIL");
    return;
  }
  writer.open();
  for (std::size_t i = 0; i < data.fields->size(); ++i) {
    if (i > 0) writer.sp();
    writer.string((*data.fields)[i].first).sp().nstring((*data.fields)[i].second);
  }
  writer.close();
}

// quota-list = "(" quota-resource *(SP quota-resource) ")"; RFC 2087
// allowed an empty list, which is accepted.
QuotaData read_quota(ParseContext& ctx) {
  Reader& r = ctx.r;
  QuotaData data;
  ctx.sp();
  data.root = ctx.astring();
  ctx.sp();
  r.open();
  if (r.ok() && r.peek() != ')' && r.peek() != ' ') {
    do {
      QuotaResource resource;
      resource.name = std::string(r.atom());
      ctx.sp();
      resource.usage = r.number64();
      ctx.sp();
      resource.limit = r.number64();
      if (!ctx.count_element()) break;
      data.resources.push_back(std::move(resource));
    } while (ctx.more());
  }
  ctx.close();
  if (!r.ok()) return {};
  return data;
}

void write_quota(Writer& writer, const QuotaData& data) {
  writer.raw("QUOTA ").astring(data.root).sp().open();
  for (std::size_t i = 0; i < data.resources.size(); ++i) {
    const QuotaResource& resource = data.resources[i];
    if (i > 0) writer.sp();
    writer.atom(resource.name).sp().number(resource.usage).sp().number(resource.limit);
  }
  writer.close();
}

QuotaRootData read_quotaroot(ParseContext& ctx) {
  Reader& r = ctx.r;
  QuotaRootData data;
  ctx.sp();
  data.mailbox = ctx.astring();
  while (r.ok() && r.peek() == ' ') {
    ctx.sp();
    std::string root = ctx.astring();
    if (!ctx.count_element()) break;
    data.roots.push_back(std::move(root));
  }
  if (!r.ok()) return {};
  return data;
}

void write_quotaroot(Writer& writer, const QuotaRootData& data) {
  writer.raw("QUOTAROOT ").astring(data.mailbox);
  for (const auto& root : data.roots) writer.sp().astring(root);
}

// "METADATA" SP mailbox SP (entry-values / entry-list)
MetadataData read_metadata(ParseContext& ctx) {
  Reader& r = ctx.r;
  MetadataData data;
  ctx.sp();
  data.mailbox = ctx.astring();
  ctx.sp();
  if (r.peek() == '(') {
    // entry-values = "(" entry-value *(SP entry-value) ")"; value = nstring / literal8
    r.open();
    do {
      std::string entry = ctx.astring();
      ctx.sp();
      NString value = ctx.nstring(nullptr, /*allow_literal8=*/true);
      if (!ctx.count_element()) break;
      data.values.emplace_back(std::move(entry), std::move(value));
    } while (ctx.more());
    ctx.close();
  } else {
    // entry-list = entry *(SP entry)
    do {
      std::string entry = ctx.astring();
      if (!ctx.count_element()) break;
      data.entries.push_back(std::move(entry));
    } while (r.ok() && r.peek() == ' ' && (ctx.sp(), r.ok()));
  }
  if (!r.ok()) return {};
  return data;
}

void write_metadata(Writer& writer, const MetadataData& data) {
  writer.raw("METADATA ").astring(data.mailbox).sp();
  if (!data.values.empty()) {
    writer.open();
    for (std::size_t i = 0; i < data.values.size(); ++i) {
      if (i > 0) writer.sp();
      writer.astring(data.values[i].first).sp().nstring(data.values[i].second);
    }
    writer.close();
    return;
  }
  for (std::size_t i = 0; i < data.entries.size(); ++i) {
    if (i > 0) writer.sp();
    writer.astring(data.entries[i]);
  }
}

AclData read_acl(ParseContext& ctx) {
  Reader& r = ctx.r;
  AclData data;
  ctx.sp();
  data.mailbox = ctx.astring();
  while (r.ok() && r.peek() == ' ') {
    ctx.sp();
    std::string identifier = ctx.astring();
    ctx.sp();
    std::string rights = ctx.astring();
    if (!ctx.count_element()) break;
    data.entries.emplace_back(std::move(identifier), std::move(rights));
  }
  if (!r.ok()) return {};
  return data;
}

void write_acl(Writer& writer, const AclData& data) {
  writer.raw("ACL ").astring(data.mailbox);
  for (const auto& [identifier, rights] : data.entries) writer.sp().astring(identifier).sp().astring(rights);
}

ListRightsData read_listrights(ParseContext& ctx) {
  Reader& r = ctx.r;
  ListRightsData data;
  ctx.sp();
  data.mailbox = ctx.astring();
  ctx.sp();
  data.identifier = ctx.astring();
  ctx.sp();
  data.required = ctx.astring();
  while (r.ok() && r.peek() == ' ') {
    ctx.sp();
    std::string rights = ctx.astring();
    if (!ctx.count_element()) break;
    data.optional.push_back(std::move(rights));
  }
  if (!r.ok()) return {};
  return data;
}

void write_listrights(Writer& writer, const ListRightsData& data) {
  writer.raw("LISTRIGHTS ").astring(data.mailbox).sp().astring(data.identifier).sp().astring(data.required);
  for (const auto& rights : data.optional) writer.sp().astring(rights);
}

MyRightsData read_myrights(ParseContext& ctx) {
  MyRightsData data;
  ctx.sp();
  data.mailbox = ctx.astring();
  ctx.sp();
  data.rights = ctx.astring();
  if (!ctx.ok()) return {};
  return data;
}

void write_myrights(Writer& writer, const MyRightsData& data) {
  writer.raw("MYRIGHTS ").astring(data.mailbox).sp().astring(data.rights);
}

}  // namespace conformance::codec::imap
