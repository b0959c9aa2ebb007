// Message identifiers (RFC 5322 §3.6.4, obsolete forms of §4.5.4): the
// Message-ID, In-Reply-To and References fields, and MIME's Content-ID
// (RFC 2045 §7), which uses the same syntax.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/mime/limits.hpp"

namespace conformance::codec::mime {

struct MessageId {
  std::string left;   // id-left, quoting and obsolete CFWS removed
  std::string right;  // id-right; a literal keeps its brackets
  friend bool operator==(const MessageId&, const MessageId&) = default;
};

// msg-id = [CFWS] "<" id-left "@" id-right ">" [CFWS]
Result<MessageId> parse_message_id(std::string_view value, const FieldLimits& limits = {});
// 1*msg-id, also skipping the words the obsolete In-Reply-To and
// References syntax allows between identifiers (§4.5.4). May be empty.
Result<std::vector<MessageId>> parse_message_id_list(std::string_view value, const FieldLimits& limits = {});

// "<left@right>"; a left part that is not a dot-atom is quoted.
std::string serialize_message_id(const MessageId& id);
// Identifiers separated by single spaces.
std::string serialize_message_id_list(const std::vector<MessageId>& ids);

}  // namespace conformance::codec::mime
