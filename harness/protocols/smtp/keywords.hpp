// The EHLO keywords a server advertises, as one set of upper-case names the
// way scenarios and `requires:` name them: "PIPELINING", "SIZE", "AUTH", and
// each SASL mechanism as "AUTH=PLAIN" (RFC 4954 §3), whether the server
// wrote "AUTH PLAIN" or the old "AUTH=PLAIN" form.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "harness/codec/smtp/ehlo.hpp"

namespace conformance::protocols::smtp {

std::set<std::string> keyword_names(const codec::smtp::EhloResponse& response);

// A name as a scenario may write it: an ehlo-keyword (RFC 5321 §4.1.1.1:
// ALPHA/DIGIT, then ALPHA/DIGIT/"-") or "AUTH=" and a SASL mechanism name.
bool is_keyword_name(std::string_view name);

std::string upper_case(std::string_view text);

}  // namespace conformance::protocols::smtp
