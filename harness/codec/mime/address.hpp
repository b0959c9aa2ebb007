// Addresses (RFC 5322 §3.4, obsolete forms of §4.4, UTF-8 of RFC 6532):
// mailboxes with display names, angle addresses with obsolete routes,
// quoted local parts, domain literals and groups ("name: a@b, c@d;").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/mime/limits.hpp"

namespace conformance::codec::mime {

struct Mailbox {
  // The phrase before the angle address, quoting removed, its words joined
  // by single spaces; encoded-words (RFC 2047) are left encoded, as IMAP's
  // ENVELOPE wants them. nullopt when there is none ("a@b" or "<a@b>").
  std::optional<std::string> display_name;
  // Domains of an obsolete source route "<@a,@b:x@y>" (RFC 5322 §4.4).
  std::vector<std::string> route;
  // Local part with quoting removed: "\"john doe\""@x gives `john doe`;
  // obsolete CFWS around dots is dropped.
  std::string local_part;
  // Domain with CFWS removed; a domain literal keeps its brackets: "[192.0.2.1]".
  std::string domain;
  friend bool operator==(const Mailbox&, const Mailbox&) = default;
};

struct Group {
  std::string display_name;
  std::vector<Mailbox> members;  // may be empty: "Undisclosed recipients:;"
  friend bool operator==(const Group&, const Group&) = default;
};

using Address = std::variant<Mailbox, Group>;
using AddressList = std::vector<Address>;

// address-list, also accepting the obsolete empty members ("a@b, , c@d")
// and an empty or CFWS-only value (an empty Bcc, §3.6.3), which gives an
// empty list. A group missing its ';' at the very end is accepted.
Result<AddressList> parse_address_list(std::string_view value, const FieldLimits& limits = {});
// A single mailbox, as Sender holds (§3.6.2).
Result<Mailbox> parse_mailbox(std::string_view value, const FieldLimits& limits = {});

// Writers produce the current syntax: display names and local parts are
// quoted only when they need it; routes are written as obsolete routes.
std::string serialize_mailbox(const Mailbox& mailbox);
std::string serialize_address(const Address& address);
std::string serialize_address_list(const AddressList& list);  // ", " between addresses
// local-part "@" domain, the local part quoted when it is not a dot-atom.
std::string serialize_addr_spec(std::string_view local_part, std::string_view domain);
// A display name: bare when it is atoms separated by single spaces, else quoted.
std::string serialize_phrase(std::string_view phrase);

}  // namespace conformance::codec::mime
