// Parameter value continuations and charset/language information
// (RFC 2231 §3, §4): "title*0*=us-ascii'en'This%20is; title*1=\" fun\"".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/mime/media_type.hpp"

namespace conformance::codec::mime {

struct DecodedParameter {
  std::string name;      // attribute without section or '*' suffix, as first written
  std::string value;     // UTF-8 when `converted`, else the octets in `charset`
  std::string charset;   // from the charset'language' prefix; empty when none
  std::string language;  // from the prefix; empty when none
  bool extended = false;   // the value had the charset'language' form (a trailing '*')
  bool converted = true;   // false: `charset` not convertible, `value` holds raw octets
  friend bool operator==(const DecodedParameter&, const DecodedParameter&) = default;
};

// Joins continuations (sections 0, 1, ... in order; a gap ends the value),
// percent-decodes extended sections and converts the result to UTF-8 when
// the charset allows (charset.hpp). Parameters come out in the order their
// names first appear. When a name is given both plainly and in extended form,
// the extended form wins (it is the one that can say more). Never fails: a
// malformed extended value is kept as written.
std::vector<DecodedParameter> decode_parameters(const Parameters& params);

// The value of the parameter named `name` after decoding, or null.
const DecodedParameter* find_decoded(const std::vector<DecodedParameter>& params, std::string_view name);

// Writes a UTF-8 value as parameters: plain when it is printable US-ASCII
// and short enough, else extended ("name*=utf-8''...") and split into
// numbered sections ("name*0*=", "name*1*=") of at most `max_section`
// characters each, never splitting a %XX escape.
Parameters encode_parameter(std::string_view name, std::string_view value, std::size_t max_section = 60);

// The RFC 2231 ext-value form "charset'language'percent-encoded".
std::string encode_ext_value(std::string_view charset, std::string_view language, std::string_view octets);

}  // namespace conformance::codec::mime
