// Internal to fakes/config: values several protocols' `options:` share.
#pragma once

#include "harness/scenario/yaml_fields.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::fakes::config {

// A host name for greetings (letters, digits, '-', '.'), under `key`.
std::optional<std::string> host_name_field(scenario::Fields& fields, std::string_view key);

// SASL mechanism names (RFC 4422 §3.1: 1-20 of A-Z 0-9 - _), upper-cased; may be empty (no AUTH offered).
std::vector<std::string> sasl_mechanisms_field(scenario::Fields& fields, std::string_view key);

}  // namespace conformance::fakes::config
