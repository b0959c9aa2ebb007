// What an IMAP `expect:` step checks, compiled from YAML (expect_compiler.hpp)
// and checked against decoded responses (matcher.hpp). Plain data with
// descriptions for reports; docs/protocols/imap.md is the user's view of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/codec/imap/response/response.hpp"
#include "harness/codec/imap/section.hpp"
#include "harness/scenario/scenario.hpp"
#include "harness/scenario/source.hpp"
#include "harness/scenario/text_match.hpp"

namespace conformance::protocols::imap {

using codec::imap::Status;

// A number from a response (a message count, a UID, a size): compared with
// a literal or a ${variable}, bounded, or stored in a variable.
struct NumberCheck {
  std::optional<std::string> equals;  // "3" or "${uid}": expanded at match time
  std::optional<std::uint64_t> min;
  std::optional<std::uint64_t> max;
  std::string capture;  // variable that receives the value; empty: none

  std::string describe() const;  // "= 3", ">= 1", "-> uid"
};

// Items a list must hold and must not hold (capabilities, flags, mailbox
// attributes). Compared case-insensitively; items may use ${variables}.
struct ItemsCheck {
  std::vector<std::string> has;
  std::vector<std::string> lacks;

  bool empty() const { return has.empty() && lacks.empty(); }
  std::string describe() const;  // "has \Seen, lacks \Deleted"
};

// A response code: `[NAME value]` (RFC 9051 §7.1).
struct CodeCheck {
  std::string name;                          // upper case: "READ-WRITE", "APPENDUID"
  std::optional<scenario::TextMatch> value;  // over the text after "NAME " ("38505 3955")
  ItemsCheck items;                          // list codes: CAPABILITY, PERMANENTFLAGS, BADCHARSET
  std::string capture;                       // variable that receives the value text

  std::string describe() const;
};

// The tagged completion of one command (RFC 9051 §2.2.2, §7.1).
struct TaggedCheck {
  std::string tag = "${tag}";    // expanded at match time
  std::vector<Status> statuses;  // any of these; empty: any status
  std::optional<CodeCheck> code;
  std::optional<scenario::TextMatch> text;  // the human-readable text

  std::string describe() const;
};

// BODYSTRUCTURE / BODY (RFC 9051 §7.5.2): the top-level part.
struct BodyStructureCheck {
  std::optional<std::string> type;      // case-insensitive: "text", "multipart"
  std::optional<std::string> subtype;   // "plain", "mixed"
  std::optional<std::string> encoding;  // "7BIT"
  std::optional<NumberCheck> size;      // body-fld-octets of a single part
  std::optional<NumberCheck> parts;     // how many parts a multipart has

  std::string describe() const;
};

// One BODY[section]<origin> item of a FETCH response.
struct BodySectionCheck {
  std::string section_text;                 // as written: "HEADER", "1.MIME", ""
  codec::imap::Section section;             // parsed at load time
  std::optional<std::uint32_t> origin;      // <origin> the server must echo
  std::optional<scenario::TextMatch> text;  // over the data
  std::optional<NumberCheck> size;          // octets of the data
  bool nil = false;                         // the data must be NIL

  std::string describe() const;
};

// One condition on one untagged response. `type` says which kind; the
// other fields apply to the kinds documented at each.
struct UntaggedCondition {
  std::string type;                         // upper case: "EXISTS", "FETCH", "OK", ... or an unknown keyword
  std::optional<NumberCheck> number;        // EXISTS, RECENT, EXPUNGE, FETCH (sequence number)
  std::optional<CodeCheck> code;            // OK, NO, BAD, BYE, PREAUTH
  std::optional<scenario::TextMatch> text;  // OK ... BYE: the human-readable text
  std::optional<scenario::TextMatch> line;  // any: the response after "* ", as received
  ItemsCheck items;                         // has/lacks: CAPABILITY, ENABLED, FLAGS, LIST/LSUB attributes,
                                            // SEARCH numbers; status responses: the code's list
  std::optional<std::int64_t> count;        // how many responses of this kind match (none: at least one)

  // FETCH
  std::optional<NumberCheck> uid;
  std::optional<NumberCheck> rfc822_size;
  std::optional<ItemsCheck> flags;
  std::vector<std::pair<std::string, scenario::TextMatch>> envelope;  // field -> match
  std::optional<BodyStructureCheck> body_structure;
  std::vector<BodySectionCheck> body;

  // LIST, LSUB, STATUS
  std::optional<scenario::TextMatch> mailbox;
  std::optional<scenario::TextMatch> delimiter;  // LIST/LSUB: the hierarchy delimiter ("" for NIL)
  // STATUS: MESSAGES, UIDNEXT, ...; ESEARCH: MIN, MAX, COUNT, ALL (as text)
  std::vector<std::pair<std::string, NumberCheck>> status_items;
  std::vector<std::pair<std::string, scenario::TextMatch>> esearch_items;

  scenario::SourceLocation where;

  std::string describe() const;  // "FETCH number = 1, flags has \Seen"
};

// "+ ..." (RFC 9051 §7.6) where a tagged reply would otherwise end the step.
struct ContinuationCheck {
  std::optional<scenario::TextMatch> text;
  std::string describe() const;
};

// The server greeting (RFC 9051 §7.1: OK, PREAUTH or BYE, untagged).
struct GreetingCheck {
  std::vector<Status> statuses;  // empty: OK or PREAUTH
  std::optional<CodeCheck> code;
  std::optional<scenario::TextMatch> text;
  std::string describe() const;
};

class ImapExpect final : public scenario::ExpectSpec {
 public:
  // What ends the step: the tagged replies, a continuation request, the
  // greeting, an untagged BYE, or (none of those) the untagged conditions
  // being met.
  enum class Until { tagged, continuation, greeting, bye, untagged };

  std::vector<TaggedCheck> tagged;  // several: pipelined commands, in any order
  std::optional<ContinuationCheck> continuation;
  std::optional<GreetingCheck> greeting;
  bool bye = false;                         // an untagged BYE must come (with `tagged`: before the last tagged reply)
  std::vector<UntaggedCondition> untagged;  // each met by a distinct response
  std::vector<UntaggedCondition> absent;    // no response may meet any of these

  Until until() const;
  std::string describe() const override;
};

}  // namespace conformance::protocols::imap
