// Deviations from the RFCs that the parser tolerates, because real mail
// contains them, but reports, because a conformance suite must see them.
#pragma once

#include <cstddef>
#include <string_view>

namespace conformance::codec::mime {

enum class AnomalyKind {
  bare_lf,                     // a line ended in LF without CR (RFC 5322 §2.1, §2.3)
  whitespace_before_colon,     // WSP between field name and ':' (obsolete, RFC 5322 §4.5)
  invalid_utf8_in_header,      // 8-bit header octets that are not UTF-8 (RFC 6532 §3.2)
  nul_in_header,               // NUL octet in a header field (RFC 5322 §2.2)
  invalid_content_type,        // unparseable Content-Type; default assumed (RFC 2045 §5.2)
  invalid_part_header,         // part header unparseable; part taken as body only
  multipart_without_boundary,  // multipart with no boundary parameter (RFC 2046 §5.1.1)
  boundary_too_long,           // boundary over 70 characters (RFC 2046 §5.1.1)
  no_body_parts,               // multipart body without any delimiter line
  missing_final_boundary,      // no close-delimiter (RFC 2046 §5.1.1)
  delimiter_trailing_text,     // text other than LWSP after a boundary delimiter
  encoded_composite,           // multipart or message with CTE other than 7bit/8bit/binary (RFC 2045 §6.4)
};

struct Anomaly {
  AnomalyKind kind = AnomalyKind::bare_lf;
  std::size_t offset = 0;  // into the input given to the parser
  friend bool operator==(const Anomaly&, const Anomaly&) = default;
};

// A short, stable, human-readable name, e.g. "missing final boundary".
std::string_view describe(AnomalyKind kind);

}  // namespace conformance::codec::mime
