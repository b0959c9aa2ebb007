// Caps on what the MIME parsers will accept, so that a hostile message can
// neither exhaust memory nor recurse without bound. Every cap has a default
// that real mail stays well within; a fake server or a fuzzer can tighten
// them, a test of a server's limits can loosen them.
#pragma once

#include <cstddef>

namespace conformance::codec::mime {

struct Limits {
  // A header line, counting its CRLF: 998 characters plus CRLF
  // (RFC 5322 §2.1.1). Folded fields count line by line.
  std::size_t max_line_length = 1000;
  // Header fields in one header section (of the message or of one part).
  std::size_t max_header_fields = 1000;
  // Octets of one header section, blank line included.
  std::size_t max_header_bytes = 256 * 1024;
  // Nesting of multipart and message/rfc822 entities below the message.
  // The parser recurses once per level, so this also bounds its stack use.
  std::size_t max_depth = 32;
  // Entities (message, parts, encapsulated messages) in one message.
  std::size_t max_parts = 10000;
  // Anomalies recorded; further ones are dropped, not counted.
  std::size_t max_anomalies = 256;
};

// Caps for the structured-field parsers (addresses, dates, media types).
struct FieldLimits {
  // Comments nest (RFC 5322 §3.2.2); deeper nesting is rejected.
  std::size_t max_comment_depth = 32;
  // Addresses, message identifiers or parameters in one field.
  std::size_t max_items = 10000;
};

}  // namespace conformance::codec::mime
