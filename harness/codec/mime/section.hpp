// Section lookup for IMAP's BODY[<section>]<<partial>> (RFC 9051 §6.4.5):
// given a parsed message and the bytes it was parsed from, the bytes a
// server must return.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/imap/section.hpp"
#include "harness/codec/mime/structure.hpp"

namespace conformance::codec::mime {

// The section grammar is IMAP's; one structure serves the parser of FETCH
// commands and this lookup.
using SectionSpec = imap::Section;

// The entity a part path names, by the numbering of RFC 9051 §6.4.5: the
// parts of a multipart are numbered from 1; a message/rfc822 part's numbers
// go to the parts of the message it holds; a message (the top level or an
// encapsulated one) that is not multipart has exactly one part, numbered 1,
// which is its own body. Null when there is no such part.
const Part* find_part(const Part& root, const std::vector<std::uint32_t>& path);

// The bytes of a section:
//  - BODY[]            the whole message;
//  - BODY[HEADER]      the header, blank line included; HEADER.FIELDS and
//                      HEADER.FIELDS.NOT the matching fields (names compared
//                      without case) and then the blank line; TEXT the body;
//  - BODY[1.2]         the body of that part (for message/rfc822, the whole
//                      encapsulated message);
//  - BODY[1.2.MIME]    that part's MIME header, blank line included;
//  - BODY[1.2.HEADER] (and .FIELDS, .FIELDS.NOT, .TEXT) the header or body of
//                      the message inside a message/rfc822 part 1.2.
// The blank line is omitted only when the entity has none (no body).
// An error names the part or specifier that does not apply.
Result<std::string> fetch_section(const ParsedMessage& message, std::string_view input, const SectionSpec& spec);

// The substring of `bytes` a partial fetch <origin.count> returns: empty when
// origin is past the end, truncated at the end (RFC 9051 §6.4.5).
std::string_view partial(std::string_view bytes, std::uint64_t origin, std::optional<std::uint64_t> count);

}  // namespace conformance::codec::mime
