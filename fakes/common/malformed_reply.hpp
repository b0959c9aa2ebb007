// Turns a well-formed reply into the malformed one a fault rule asks for,
// so a scenario can check how a client copes with a broken server without
// writing the broken bytes out itself. Pure: bytes in, bytes out.
#pragma once

#include "fakes/common/fault_plan.hpp"

#include <string>

namespace conformance::fakes {

// `reply` as `action.malformation` says:
//   bare_lf               every CRLF becomes LF (RFC 5321 §2.3.8 forbids bare LF; clients differ)
//   overlong_line         the first line is padded with " xxx..." to `action.overlong_length` bytes
//                         before its line end (nothing changes if it is already that long)
//   no_last_line          the last line is left out: a multi-line reply with no final line
//                         (a single-line reply becomes empty)
//   wrong_literal_length  the first IMAP literal announcement {N} or {N+} says N+1
// Anything else: `reply` unchanged.
std::string malform_reply(std::string reply, const FaultAction& action);

}  // namespace conformance::fakes
