#include "harness/codec/sasl/fields.hpp"

#include "harness/codec/sasl/text.hpp"

namespace conformance::codec::sasl {

std::optional<ParseError> check_field(std::string_view field, std::size_t base, const FieldRule& rule) {
  const std::string name(rule.name);
  if (field.empty() && !rule.may_be_empty) return ParseError{base, "non-empty " + name};
  if (field.size() > rule.max_length)
    return ParseError{base + rule.max_length, name + " of at most " + std::to_string(rule.max_length) + " octets"};
  if (const auto nul = field.find('\0'); nul != std::string_view::npos)
    return ParseError{base + nul, name + " without NUL"};
  if (rule.utf8) {
    if (const auto bad = find_invalid_utf8(field); bad != std::string_view::npos)
      return ParseError{base + bad, "UTF-8 in " + name};
  }
  return std::nullopt;
}

}  // namespace conformance::codec::sasl
