// The header section of a message or body part (RFC 5322 §2.2, §3.5):
// fields, each kept exactly as written so that it can be written back byte
// for byte, with its unfolded value available for the structured parsers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/mime/anomaly.hpp"
#include "harness/codec/mime/limits.hpp"

namespace conformance::codec::mime {

// How a line ended: CRLF as RFC 5322 §2.1 requires, a bare LF (tolerated and
// reported), or not at all (the last line of an input without a final CRLF).
enum class LineEnd : std::uint8_t { crlf, lf, none };

std::string_view line_end_text(LineEnd end);

struct HeaderField {
  std::string name;   // field name as written, e.g. "Subject"
  std::string gap;    // WSP between name and ':' (obsolete syntax, RFC 5322 §4.5.8); usually empty
  std::string value;  // everything after ':' up to the final line end, folds (CRLF WSP) included
  LineEnd end = LineEnd::crlf;

  // RFC 5322 §2.2.3 unfolding (every line break of a fold removed), then
  // the white space that surrounds the value trimmed.
  std::string unfolded() const;
  // name, gap, ':', value and line end: the field exactly as parsed.
  std::string serialize() const;

  friend bool operator==(const HeaderField&, const HeaderField&) = default;
};

// Builds a field from an unfolded value, folding it at white space so
// lines stay within 78 characters where the value allows (RFC 5322 §2.1.1).
// CR and LF inside `value` become spaces: a value cannot end the field early.
HeaderField make_header_field(std::string_view name, std::string_view value);

struct HeaderSection {
  std::vector<HeaderField> fields;
  // The empty line that ends the section ("\r\n", or "\n" when tolerated),
  // or empty when the input ended inside the header section: a message
  // without body and without blank line (RFC 9051 §7.5.2 BODY[<section>]).
  std::string separator = "\r\n";

  // The first field named `name` (case-insensitive), or null.
  const HeaderField* find(std::string_view name) const;
  std::vector<const HeaderField*> find_all(std::string_view name) const;

  // Fields in order, then the separator: the section byte for byte.
  std::string serialize() const;
  std::size_t serialized_size() const;

  friend bool operator==(const HeaderSection&, const HeaderSection&) = default;
};

struct HeaderParseOptions {
  // Reported anomalies are appended here (offsets relative to the input
  // plus `base_offset`), up to Limits::max_anomalies entries in total.
  std::vector<Anomaly>* anomalies = nullptr;
  std::size_t base_offset = 0;
  // Set to true when the error returned was a cap (line length, field
  // count, section size) rather than a syntax error.
  bool* hit_limit = nullptr;
};

// Parses the header section at the front of `input`, which may be a whole
// message: parsing stops after the blank line. serialized_size() of the
// result is how many bytes of the input the section took. Fields must be
// "name:" with a name of printable US-ASCII except ':' (RFC 5322 §3.6.8);
// continuation lines start with WSP (§2.2.3). Lines may end in bare LF
// (reported). Errors carry the offset (plus base_offset) of the offending byte.
Result<HeaderSection> parse_header_section(std::string_view input, const Limits& limits = {},
                                           const HeaderParseOptions& options = {});

// Appends `anomaly` unless `sink` is null or already holds `cap` entries.
void report_anomaly(std::vector<Anomaly>* sink, std::size_t cap, AnomalyKind kind, std::size_t offset);

// Whether `text` is well-formed UTF-8 (RFC 3629: no overlongs, no surrogates).
bool is_valid_utf8(std::string_view text);

}  // namespace conformance::codec::mime
