// Checks of one text field inside a mechanism message, with offsets
// relative to the whole message, shared by PLAIN, LOGIN, EXTERNAL and the
// OAuth mechanisms.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::sasl {

struct FieldRule {
  std::string_view name;   // used in error messages: "authcid", "password"
  std::size_t max_length;  // in octets
  bool may_be_empty = false;
  bool utf8 = true;        // must be well-formed UTF-8 (RFC 3629)
};

// `field` starts at byte `base` of the message. NUL is always refused.
std::optional<ParseError> check_field(std::string_view field, std::size_t base, const FieldRule& rule);

}  // namespace conformance::codec::sasl
