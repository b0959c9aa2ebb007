// What a POP3 `expect:` step checks, compiled from YAML (expect_compiler.hpp)
// and checked against decoded responses (reply_matcher.hpp). Plain data with
// descriptions for reports; docs/protocols/pop3.md is the user's view of it.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/scenario/scenario.hpp"
#include "harness/scenario/text_match.hpp"

namespace conformance::protocols::pop3 {

enum class ExpectedStatus { ok, err, continuation };
std::string_view to_string(ExpectedStatus status);  // "+OK", "-ERR", "+"

// A number taken from a reply (a message count, a size): compared with
// literals or ${variables}, or stored in a variable.
struct NumberCheck {
  std::optional<std::string> equals;  // "3" or "${count}": expanded at match time
  std::optional<std::string> min;
  std::optional<std::string> max;
  std::string capture;  // variable to store the value in; empty: none

  std::string describe() const;  // "= 3", ">= 1 and <= ${n}", "-> count"
};

// A piece of text from a reply: matched, captured whole, or both.
struct TextCheck {
  std::optional<scenario::TextMatch> match;
  std::string capture;

  std::string describe() const;
};

// Conditions on the lines of a multi-line body.
struct LinesCheck {
  std::optional<NumberCheck> count;
  std::optional<scenario::TextMatch> any;   // at least one line matches
  std::optional<scenario::TextMatch> each;  // every line matches
  std::optional<scenario::TextMatch> none;  // no line matches

  std::string describe() const;
};

// STAT's drop listing "+OK nn mm" (RFC 1939 §5).
struct StatCheck {
  std::optional<NumberCheck> count;
  std::optional<NumberCheck> size;

  std::string describe() const;
};

// LIST scan listings and UIDL unique-id listings, single- or multi-line
// (RFC 1939 §5, §7). `message` picks one listing of a multi-line reply and
// is the number a single-line one must carry.
struct ListingCheck {
  enum class Kind { scan, unique_id };
  Kind kind = Kind::scan;
  std::optional<NumberCheck> count;    // how many listings
  std::optional<std::string> message;  // "2" or "${n}"
  std::optional<NumberCheck> size;     // scan listings only
  std::optional<TextCheck> uid;        // unique-id listings only

  std::string describe() const;
};

// The CAPA listing (RFC 2449 §5). Items are "TAG", "TAG PARAM" or the
// "SASL=MECH" spelling; all compare case-insensitively.
struct CapaCheck {
  std::vector<std::string> has;
  std::vector<std::string> lacks;

  std::string describe() const;
};

// A message as RETR or TOP sends it: header fields, the body after the
// blank line, its size as the server counts it (CRLF line ends, unstuffed).
struct MessageCheck {
  std::vector<std::pair<std::string, TextCheck>> headers;  // a missing field fails
  std::optional<TextCheck> body;
  std::optional<NumberCheck> body_lines;
  std::optional<NumberCheck> size;

  std::string describe() const;
};

// One expected reply.
struct ReplyExpectation {
  std::optional<ExpectedStatus> status;  // none: any status
  std::optional<std::string> code;       // RFC 2449 response code path, "SYS/TEMP"
  std::optional<TextCheck> text;         // the text after the status (and code)
  // Read the reply as multi-line (true) or single-line (false) whatever the
  // command implies. Only at the top of an expectation, not inside one_of.
  std::optional<bool> multiline;
  std::optional<LinesCheck> lines;
  std::optional<StatCheck> stat;
  std::optional<ListingCheck> listing;
  std::optional<CapaCheck> capa;
  std::optional<MessageCheck> message;
  // Passes when any alternative matches (each is a whole ReplyExpectation).
  std::vector<ReplyExpectation> one_of;

  std::string describe() const;
};

// A compiled `expect:`: one reply, or several in order (pipelined commands,
// RFC 2449 §6.6).
class Pop3Expect final : public scenario::ExpectSpec {
 public:
  explicit Pop3Expect(std::vector<ReplyExpectation> replies) : replies_(std::move(replies)) {}

  const std::vector<ReplyExpectation>& replies() const { return replies_; }
  std::string describe() const override;

 private:
  std::vector<ReplyExpectation> replies_;
};

}  // namespace conformance::protocols::pop3
