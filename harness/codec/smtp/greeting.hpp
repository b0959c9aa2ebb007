// The server's greeting (RFC 5321 §4.2, §3.1):
//   Greeting = ( "220 " (Domain / address-literal) [ SP textstring ] CRLF )
//            / ( "220-" (Domain / address-literal) [ SP textstring ] CRLF
//                *( "220-" [ textstring ] CRLF )
//                "220" [ SP textstring ] CRLF )
// A server that will not talk SMTP greets with 554 instead (§3.1); that is
// a reply, not a Greeting, and parse_greeting rejects it.
#pragma once

#include <string>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/smtp/reply.hpp"

namespace conformance::codec::smtp {

struct Greeting {
  std::string domain;              // Domain or address-literal, as written
  std::string text;                // the rest of the first line, empty when absent
  std::vector<std::string> more;   // the texts of any further lines
  friend bool operator==(const Greeting&, const Greeting&) = default;
};

// Error offsets count from the start of serialize_reply(reply).
Result<Greeting> parse_greeting(const Reply& reply);
Reply to_reply(const Greeting& greeting);

}  // namespace conformance::codec::smtp
