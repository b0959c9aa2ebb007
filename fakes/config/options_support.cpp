#include "fakes/config/options_support.hpp"

#include <algorithm>
#include <cctype>

namespace conformance::fakes::config {

std::optional<std::string> host_name_field(scenario::Fields& fields, std::string_view key) {
  auto name = fields.string(key);
  if (!name) return std::nullopt;
  const bool ok = !name->empty() && name->size() <= 253 && std::all_of(name->begin(), name->end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.';
  });
  if (!ok) {
    fields.error(fields.get(key), "'" + std::string(key) + "' must be a host name such as mail.example.test");
    return std::nullopt;
  }
  return name;
}

std::vector<std::string> sasl_mechanisms_field(scenario::Fields& fields, std::string_view key) {
  std::vector<std::string> mechanisms;
  const YAML::Node node = fields.get(key);
  for (std::string name : fields.strings(key)) {
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
    const bool ok = !name.empty() && name.size() <= 20 && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!ok) {
      fields.error(node, "'" + name + "' is not a SASL mechanism name (RFC 4422 §3.1: 1 to 20 of A-Z 0-9 - _)");
      continue;
    }
    if (std::find(mechanisms.begin(), mechanisms.end(), name) == mechanisms.end()) mechanisms.push_back(name);
  }
  return mechanisms;
}

}  // namespace conformance::fakes::config
