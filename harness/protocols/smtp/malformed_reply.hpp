// Says which rule a reply the codec rejected breaks, for the report:
// a multi-line reply whose code changes (RFC 5321 §4.2.1), a code that does
// not start with 2-5 (RFC 5321 §4.3.2), or any other break of the Reply-line
// grammar (RFC 5321 §4.2).
#pragma once

#include <string_view>

#include "harness/codec/common/result.hpp"
#include "harness/protocols/smtp/conversation.hpp"

namespace conformance::protocols::smtp {

// `received` holds the reply's bytes from its first octet; `error` is the
// codec's, with offsets into `received`.
Violation describe_malformed_reply(std::string_view received, const codec::ParseError& error);

}  // namespace conformance::protocols::smtp
