// Untagged data about the server and the user's rights and quotas:
// CAPABILITY (RFC 9051 §7.2.2), ENABLED (§7.2.1, RFC 5161), ID (RFC 2971),
// QUOTA and QUOTAROOT (RFC 9208), METADATA (RFC 5464), ACL, LISTRIGHTS and
// MYRIGHTS (RFC 4314), and the raw form kept for any response this codec
// does not know.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/codec/imap/message_structure.hpp"
#include "harness/codec/imap/response/parse_context.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap {

struct CapabilityData {
  std::vector<std::string> capabilities;  // as sent: "IMAP4rev2", "AUTH=PLAIN", ...
  bool has(std::string_view capability) const;  // case-insensitive
  friend bool operator==(const CapabilityData&, const CapabilityData&) = default;
};

struct EnabledData {
  std::vector<std::string> capabilities;  // may be empty
  friend bool operator==(const EnabledData&, const EnabledData&) = default;
};

// id-response = "ID" SP id-params-list; NIL or "(" *(string SP nstring) ")"
struct IdData {
  std::optional<std::vector<std::pair<std::string, NString>>> fields;
  friend bool operator==(const IdData&, const IdData&) = default;
};

struct QuotaResource {
  std::string name;  // "STORAGE", "MESSAGE", "MAILBOX", "ANNOTATION-STORAGE", ...
  std::uint64_t usage = 0;
  std::uint64_t limit = 0;
  friend bool operator==(const QuotaResource&, const QuotaResource&) = default;
};

// "QUOTA" SP quota-root-name SP quota-list
struct QuotaData {
  std::string root;
  std::vector<QuotaResource> resources;
  friend bool operator==(const QuotaData&, const QuotaData&) = default;
};

// "QUOTAROOT" SP mailbox *(SP quota-root-name)
struct QuotaRootData {
  std::string mailbox;
  std::vector<std::string> roots;
  friend bool operator==(const QuotaRootData&, const QuotaRootData&) = default;
};

// "METADATA" SP mailbox SP (entry-values / entry-list): values in answer to
// GETMETADATA, bare entry names when unsolicited (RFC 5464 §4.4).
struct MetadataData {
  std::string mailbox;
  std::vector<std::pair<std::string, NString>> values;  // entry-values, when non-empty
  std::vector<std::string> entries;                     // entry-list, when values is empty
  friend bool operator==(const MetadataData&, const MetadataData&) = default;
};

// "ACL" SP mailbox *(SP identifier SP rights)
struct AclData {
  std::string mailbox;
  std::vector<std::pair<std::string, std::string>> entries;  // identifier, rights
  friend bool operator==(const AclData&, const AclData&) = default;
};

// "LISTRIGHTS" SP mailbox SP identifier SP rights *(SP rights)
struct ListRightsData {
  std::string mailbox;
  std::string identifier;
  std::string required;
  std::vector<std::string> optional;
  friend bool operator==(const ListRightsData&, const ListRightsData&) = default;
};

// "MYRIGHTS" SP mailbox SP rights
struct MyRightsData {
  std::string mailbox;
  std::string rights;
  friend bool operator==(const MyRightsData&, const MyRightsData&) = default;
};

// An untagged response this codec has no grammar for (THREAD, X-...,
// an unknown message-data keyword): everything after "* " up to the final
// CRLF, literals included, exactly as sent.
struct UnknownData {
  std::string raw;
  std::string_view keyword() const;  // the first token after any number, e.g. "THREAD"
  friend bool operator==(const UnknownData&, const UnknownData&) = default;
};

// Each read_* starts after the keyword; each write_* writes the keyword too.
CapabilityData read_capability(ParseContext& ctx);
void write_capability(Writer& writer, const CapabilityData& data);
EnabledData read_enabled(ParseContext& ctx);
void write_enabled(Writer& writer, const EnabledData& data);
IdData read_id(ParseContext& ctx);
void write_id(Writer& writer, const IdData& data);
QuotaData read_quota(ParseContext& ctx);
void write_quota(Writer& writer, const QuotaData& data);
QuotaRootData read_quotaroot(ParseContext& ctx);
void write_quotaroot(Writer& writer, const QuotaRootData& data);
MetadataData read_metadata(ParseContext& ctx);
void write_metadata(Writer& writer, const MetadataData& data);
AclData read_acl(ParseContext& ctx);
void write_acl(Writer& writer, const AclData& data);
ListRightsData read_listrights(ParseContext& ctx);
void write_listrights(Writer& writer, const ListRightsData& data);
MyRightsData read_myrights(ParseContext& ctx);
void write_myrights(Writer& writer, const MyRightsData& data);

}  // namespace conformance::codec::imap
