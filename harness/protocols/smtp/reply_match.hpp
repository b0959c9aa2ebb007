// Checks one decoded reply against a ReplyExpectation, sans I/O: says why it
// does not match (the first condition that fails, with what was expected)
// and what it captured.
#pragma once

#include <map>
#include <string>

#include "harness/codec/smtp/reply.hpp"
#include "harness/protocols/smtp/expectation.hpp"
#include "harness/scenario/variables.hpp"

namespace conformance::protocols::smtp {

struct ReplyMatch {
  bool ok = false;
  std::string reason;    // "expected 250, got 550"
  std::string expected;  // the failing condition: "250", "text ~ /queued/"
  std::map<std::string, std::string> captures;
};

ReplyMatch match_reply(const ReplyExpectation& expectation, const codec::smtp::Reply& reply,
                       const scenario::Variables& variables);

// The texts of the reply's lines joined with "\n", as `text:` sees them.
std::string reply_text(const codec::smtp::Reply& reply);
// The reply as it was on the wire, CRLFs included.
std::string render_reply(const codec::smtp::Reply& reply);
// Its first line without CRLF, at most `max` characters, for one-line messages.
std::string first_line(const codec::smtp::Reply& reply, std::size_t max = 120);

}  // namespace conformance::protocols::smtp
