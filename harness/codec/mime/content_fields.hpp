// The smaller MIME header fields: Content-Transfer-Encoding (RFC 2045 §6),
// Content-Language (RFC 3282 §2), Content-Location (RFC 2557 §4),
// Content-MD5 (RFC 1864). Content-ID uses msg-id (message_id.hpp);
// Content-Description is unstructured text (encoded_word.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/mime/limits.hpp"

namespace conformance::codec::mime {

// mechanism = token, CFWS around it; returned as written (compare with
// identify_transfer_encoding, which ignores case).
Result<std::string> parse_content_transfer_encoding(std::string_view value, const FieldLimits& limits = {});

// Content-Language = 1#Language-Tag (RFC 3282), CFWS allowed. Tags are
// checked against the shape of RFC 5646 (alphanumeric subtags of 1-8
// characters joined by '-'), not against the registry.
Result<std::vector<std::string>> parse_content_language(std::string_view value, const FieldLimits& limits = {});
std::string serialize_content_language(const std::vector<std::string>& tags);  // "en, fr"

// Content-Location holds a URI that may have been folded; unfolding and
// removing the white space gives it back (RFC 2557 §4.4.2). A URI written
// as a quoted-string is unquoted.
std::string parse_content_location(std::string_view value);

// The 16 octets of the base64 MD5 digest (RFC 1864 §2).
Result<std::string> parse_content_md5(std::string_view value);

}  // namespace conformance::codec::mime
