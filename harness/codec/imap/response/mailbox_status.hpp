// Responses about a mailbox's state: STATUS (RFC 9051 §7.3.3 with the
// items of RFC 3501, RFC 7162 HIGHESTMODSEQ, RFC 7889 APPENDLIMIT, RFC 9208
// DELETED-STORAGE), FLAGS (§7.3.5), EXISTS (§7.4.1), RECENT (RFC 3501
// §7.3.2), EXPUNGE (§7.5.1) and VANISHED (RFC 7162 §3.2.10).
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

enum class StatusAttribute {
  messages,
  uidnext,
  uidvalidity,
  unseen,
  deleted,
  size,
  recent,           // RFC 3501
  highestmodseq,    // RFC 7162
  appendlimit,      // RFC 7889: a number or NIL
  deleted_storage,  // RFC 9208
  other,            // any other item: name and a generic value
};

struct StatusItem {
  StatusAttribute attribute = StatusAttribute::messages;
  std::uint64_t value = 0;         // number attributes
  bool nil = false;                // APPENDLIMIT NIL: no limit for this mailbox
  std::string name;                // other: the item's name as sent
  ExtensionValue other_value;      // other: its value, e.g. MAILBOXID's "(F2212ea87...)"
  friend bool operator==(const StatusItem&, const StatusItem&) = default;
};

struct StatusData {
  std::string mailbox;
  std::vector<StatusItem> items;
  // The value of a number attribute, if the response has it.
  std::optional<std::uint64_t> get(StatusAttribute attribute) const;
  friend bool operator==(const StatusData&, const StatusData&) = default;
};

struct FlagsData {
  std::vector<std::string> flags;
  friend bool operator==(const FlagsData&, const FlagsData&) = default;
};

struct ExistsData {
  std::uint32_t count = 0;
  friend bool operator==(const ExistsData&, const ExistsData&) = default;
};

struct RecentData {
  std::uint32_t count = 0;
  friend bool operator==(const RecentData&, const RecentData&) = default;
};

struct ExpungeData {
  std::uint32_t sequence = 0;  // nz-number
  friend bool operator==(const ExpungeData&, const ExpungeData&) = default;
};

// "VANISHED" [SP "(EARLIER)"] SP known-uids
struct VanishedData {
  bool earlier = false;
  SequenceSet uids;
  friend bool operator==(const VanishedData&, const VanishedData&) = default;
};

std::string_view status_attribute_name(StatusAttribute attribute);  // "" for other

// Each read_* starts after the response's keyword; each write_* writes the keyword too.
StatusData read_status(ParseContext& ctx);
void write_status(Writer& writer, const StatusData& status);
FlagsData read_flags(ParseContext& ctx);
void write_flags(Writer& writer, const FlagsData& flags);
VanishedData read_vanished(ParseContext& ctx);
void write_vanished(Writer& writer, const VanishedData& vanished);

}  // namespace conformance::codec::imap
