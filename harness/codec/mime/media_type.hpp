// Content-Type (RFC 2045 §5.1) and Content-Disposition (RFC 2183 §2): a
// type, parameters as written on the wire (RFC 2231 sections and charset
// forms are decoded separately, see rfc2231.hpp), and their writers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/mime/limits.hpp"

namespace conformance::codec::mime {

// One parameter as written: the attribute (including any RFC 2231 "*0*"
// suffix) and the value with quoting removed.
struct Parameter {
  std::string name;
  std::string value;
  friend bool operator==(const Parameter&, const Parameter&) = default;
};

using Parameters = std::vector<Parameter>;

// The value of the first parameter named `name` (case-insensitive), or null.
const std::string* find_parameter(const Parameters& params, std::string_view name);

struct MediaType {
  std::string type;     // as written, e.g. "text", "Multipart"
  std::string subtype;  // as written
  Parameters params;

  bool is(std::string_view type_name, std::string_view subtype_name) const;  // case-insensitive
  bool is_type(std::string_view type_name) const;
  friend bool operator==(const MediaType&, const MediaType&) = default;
};

struct Disposition {
  std::string type;  // "inline", "attachment", or an extension token
  Parameters params;
  friend bool operator==(const Disposition&, const Disposition&) = default;
};

// type "/" subtype *(";" parameter), comments allowed between tokens.
// Tolerated: a trailing ';', empty parameters (";;"), and a missing ';'
// between parameters (as RFC 2231 §4.1's own example has).
Result<MediaType> parse_content_type(std::string_view value, const FieldLimits& limits = {});
// disposition-type *(";" parameter)
Result<Disposition> parse_content_disposition(std::string_view value, const FieldLimits& limits = {});

// "type/subtype; name=value; name=\"quoted value\"": values are quoted only
// when they are not tokens.
std::string serialize_content_type(const MediaType& type);
std::string serialize_content_disposition(const Disposition& disposition);
// "; name=value" for each parameter.
std::string serialize_parameters(const Parameters& params);

}  // namespace conformance::codec::mime
