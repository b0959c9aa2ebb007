#include "harness/codec/mime/anomaly.hpp"

namespace conformance::codec::mime {

std::string_view describe(AnomalyKind kind) {
  switch (kind) {
    case AnomalyKind::bare_lf: return "line ended by bare LF";
    case AnomalyKind::whitespace_before_colon: return "white space between field name and colon";
    case AnomalyKind::invalid_utf8_in_header: return "header octets that are not UTF-8";
    case AnomalyKind::nul_in_header: return "NUL in header field";
    case AnomalyKind::invalid_content_type: return "invalid Content-Type, default assumed";
    case AnomalyKind::invalid_part_header: return "invalid part header, taken as body";
    case AnomalyKind::multipart_without_boundary: return "multipart without boundary parameter";
    case AnomalyKind::boundary_too_long: return "boundary longer than 70 characters";
    case AnomalyKind::no_body_parts: return "multipart without body parts";
    case AnomalyKind::missing_final_boundary: return "missing final boundary";
    case AnomalyKind::delimiter_trailing_text: return "text after boundary delimiter";
    case AnomalyKind::encoded_composite: return "composite entity with encoding other than 7bit, 8bit or binary";
  }
  return "unknown anomaly";
}

}  // namespace conformance::codec::mime
