// xtext (RFC 3461 §4), the encoding of ENVID, ORCPT and AUTH= values:
//   xtext   = *( xchar / hexchar )
//   xchar   = any ASCII CHAR between "!" (33) and "~" (126) inclusive,
//             except for "+" and "="
//   hexchar = ASCII "+" immediately followed by two upper case
//             hexadecimal digits
#pragma once

#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::smtp {

// Encodes every octet that is not an xchar as "+XX"; nothing else.
std::string xtext_encode(std::string_view bytes);

// Strict: lower-case hex digits, a lone "+", "=", SP, controls and 8-bit
// octets are errors at their offset.
Result<std::string> xtext_decode(std::string_view text);

}  // namespace conformance::codec::smtp
