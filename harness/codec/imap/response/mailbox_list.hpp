// Responses naming mailboxes: LIST and LSUB (RFC 9051 §7.3.1, RFC 3501
// §7.2.2-3, RFC 5258 extended data such as CHILDINFO and OLDNAME) and
// NAMESPACE (RFC 9051 §7.3.2, RFC 2342).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/imap/response/extension_value.hpp"
#include "harness/codec/imap/response/parse_context.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap {

// mbox-list-extended-item = mbox-list-extended-item-tag SP tagged-ext-val
struct ListExtendedItem {
  std::string tag;  // "CHILDINFO", "OLDNAME", ... (an astring, case as sent)
  StringForm tag_form = StringForm::atom;  // RFC 9051 sends the tag quoted or not
  ExtensionValue value;
  friend bool operator==(const ListExtendedItem&, const ListExtendedItem&) = default;
};

struct ListData {
  bool lsub = false;                    // LSUB rather than LIST (RFC 3501)
  std::vector<std::string> attributes;  // "\HasNoChildren", "\Noselect", "\Sent", ...
  std::optional<char> delimiter;        // nullopt: NIL, a flat name
  std::string mailbox;                  // as sent: modified UTF-7 unless UTF8=ACCEPT
  StringForm mailbox_form = StringForm::atom;
  std::vector<ListExtendedItem> extended;  // empty: no mbox-list-extended

  // The mailbox name decoded from modified UTF-7 (RFC 3501 §5.1.3).
  Result<std::string> decoded_mailbox() const;
  // CHILDINFO (RFC 5258 §3.5): the selection options, e.g. {"SUBSCRIBED"}.
  std::optional<std::vector<std::string>> childinfo() const;
  // OLDNAME (RFC 9051 §6.3.9.7): the mailbox's previous name.
  std::optional<std::string> oldname() const;
  friend bool operator==(const ListData&, const ListData&) = default;
};

// Namespace-Response-Extension = SP string SP "(" string *(SP string) ")"
struct NamespaceExtension {
  std::string name;
  std::vector<std::string> values;
  friend bool operator==(const NamespaceExtension&, const NamespaceExtension&) = default;
};

struct NamespaceDescriptor {
  std::string prefix;
  std::optional<char> delimiter;  // nullopt: NIL
  std::vector<NamespaceExtension> extensions;
  friend bool operator==(const NamespaceDescriptor&, const NamespaceDescriptor&) = default;
};

struct NamespaceData {
  // Each class is NIL (empty) or a list of one or more descriptors.
  std::vector<NamespaceDescriptor> personal;
  std::vector<NamespaceDescriptor> other_users;
  std::vector<NamespaceDescriptor> shared;
  friend bool operator==(const NamespaceData&, const NamespaceData&) = default;
};

// After "LIST" / "LSUB": SP mailbox-list.
ListData read_list(ParseContext& ctx, bool lsub);
void write_list(Writer& writer, const ListData& list);  // from the keyword on

// After "NAMESPACE": SP namespace SP namespace SP namespace.
NamespaceData read_namespace(ParseContext& ctx);
void write_namespace(Writer& writer, const NamespaceData& data);

}  // namespace conformance::codec::imap
