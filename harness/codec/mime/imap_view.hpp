// The IMAP views of a parsed message: ENVELOPE and BODYSTRUCTURE, computed
// as RFC 9051 §7.5.2 (and RFC 3501 §7.4.2) require, into the shared types
// of imap/message_structure.hpp that the IMAP codec writes and parses.
#pragma once

#include <string_view>

#include "harness/codec/imap/message_structure.hpp"
#include "harness/codec/mime/address.hpp"
#include "harness/codec/mime/header.hpp"
#include "harness/codec/mime/structure.hpp"

namespace conformance::codec::mime {

// ENVELOPE from a header section:
//  - date, subject, in-reply-to, message-id: the field value unfolded, with
//    the white space around it removed and nothing decoded (RFC 2047 words
//    stay encoded); NIL when the field is absent, "" when it is empty;
//  - from, to, cc, bcc: the addresses, NIL when absent, empty or not
//    parseable as an address list; groups as a start marker (NIL NIL "name"
//    NIL), the members, and an end marker (NIL NIL NIL NIL);
//  - sender and reply-to: as from when absent or empty.
// The first field of each name counts.
imap::Envelope compute_envelope(const HeaderSection& header);

// One envelope address list from parsed addresses.
imap::AddressList to_imap_addresses(const AddressList& addresses);

struct BodyStructureOptions {
  // Decode RFC 2231 parameters as RFC 9051 §7.5.2 says servers SHOULD:
  // continuations joined under the base name, and values with a charset
  // converted to UTF-8 under the name with a trailing '*'. When false,
  // parameters are passed through as written.
  bool decode_parameters = true;
  // Add the extension data (md5 or parameters, disposition, language,
  // location) that BODYSTRUCTURE carries and BODY does not.
  bool extension_data = true;
};

// BODYSTRUCTURE (or BODY, without extension data) of `part`, normally
// ParsedMessage::root, computed from the bytes it was parsed from:
//  - type and subtype as written, or TEXT/PLAIN (CHARSET US-ASCII) when no
//    or an invalid Content-Type was given (RFC 2045 §5.2), MESSAGE/RFC822 in
//    a multipart/digest (RFC 2046 §5.1.5);
//  - encoding as written, 7BIT when absent (RFC 2045 §6.1);
//  - size in octets of the body as transmitted (encoded);
//  - lines for text/* bodies and for message/rfc822 (count_lines);
//  - id (Content-ID), description (Content-Description), md5 (Content-MD5)
//    and location (Content-Location) as written, unfolded and trimmed;
//  - disposition and language parsed (NIL when absent or invalid).
// A multipart in which no body part was found gets one empty text/plain
// part, because IMAP's grammar needs at least one (RFC 9051 §9 body-type-mpart).
imap::BodyStructure compute_body_structure(const Part& part, std::string_view input,
                                           const BodyStructureOptions& options = {});

}  // namespace conformance::codec::mime
