// Response codes and resp-text (RFC 9051 §7.1 and §9 resp-text-code; RFC
// 3501 §7.1; RFC 5530; RFC 4315 UIDPLUS; RFC 7162 CONDSTORE/QRESYNC;
// RFC 5182 NOTSAVED; RFC 3516 UNKNOWN-CTE; RFC 4978 COMPRESSIONACTIVE).
// Codes with arguments are typed; any other "[atom SP text]" is kept as it
// came, because RFC 9051 §7.1 tells clients to ignore codes they do not
// know, and a conformance tool must still be able to show them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/imap/response/parse_context.hpp"
#include "harness/codec/imap/sequence_set.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap {

enum class CodeKind {
  other,  // any other atom, with its text: ResponseCode::name / ::text
  alert,
  alreadyexists,
  appenduid,             // number = UIDVALIDITY, uids = appended UID(s)
  authenticationfailed,
  authorizationfailed,
  badcharset,            // list = supported charsets (may be empty)
  cannot,
  capability,            // list = capabilities
  clientbug,
  closed,
  compressionactive,
  contactadmin,
  copyuid,               // number = UIDVALIDITY, uids = source, destination_uids
  corruption,
  expired,
  expungeissued,
  haschildren,
  highestmodseq,         // number
  inuse,
  limit,
  modified,              // uids = the messages that failed the STORE
  nomodseq,
  nonexistent,
  noperm,
  notsaved,
  overquota,
  parse,
  permanentflags,        // list = flags, possibly "\*"
  privacyrequired,
  read_only,
  read_write,
  serverbug,
  trycreate,
  uidnext,               // number
  uidnotsticky,
  uidvalidity,           // number
  unavailable,
  unknown_cte,
  unseen,                // number (RFC 3501)
};

struct ResponseCode {
  CodeKind kind = CodeKind::other;
  std::uint64_t number = 0;
  SequenceSet uids;
  SequenceSet destination_uids;
  std::vector<std::string> list;
  std::string name;                 // other: the atom as sent
  std::optional<std::string> text;  // other: what followed "atom SP", up to "]"
  friend bool operator==(const ResponseCode&, const ResponseCode&) = default;
};

// "READ-ONLY", "UIDNEXT", ...; "" for CodeKind::other.
std::string_view code_name(CodeKind kind);
// Case-insensitive; nullopt for a name this codec does not type.
std::optional<CodeKind> code_kind_named(std::string_view name);

// A code without arguments, or with a number (UIDNEXT, UIDVALIDITY, UNSEEN, HIGHESTMODSEQ).
ResponseCode make_code(CodeKind kind, std::uint64_t number = 0);

// resp-text = ["[" resp-text-code "]" SP] [text]
struct ResponseText {
  std::optional<ResponseCode> code;
  std::string text;  // human-readable; may be empty (RFC 9051), never CR or LF
  friend bool operator==(const ResponseText&, const ResponseText&) = default;
};

// Reads resp-text up to (not including) the CRLF.
ResponseText read_response_text(ParseContext& ctx);
void write_response_text(Writer& writer, const ResponseText& text);
void write_response_code(Writer& writer, const ResponseCode& code);  // with its brackets

}  // namespace conformance::codec::imap
