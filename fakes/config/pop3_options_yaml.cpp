#include "fakes/config/pop3_options_yaml.hpp"

#include "fakes/config/options_support.hpp"

namespace conformance::fakes::config {

void read_pop3_options(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics,
                       pop3::Pop3FakeConfig& config) {
  scenario::Fields fields(node, file, diagnostics, "pop3 options");
  if (!fields.ok()) return;
  if (auto hostname = host_name_field(fields, "hostname")) config.hostname = *hostname;
  // RFC 2449 §4: client lines are at most 255 octets; a fake may take more.
  if (auto line = fields.integer("max_command_line", 64, 1 << 20)) config.max_command_line = static_cast<std::size_t>(*line);
  if (auto errors = fields.integer("max_errors", 1, 1'000'000)) config.max_errors = static_cast<std::size_t>(*errors);
  if (fields.has("sasl_mechanisms")) config.sasl_mechanisms = sasl_mechanisms_field(fields, "sasl_mechanisms");
  if (auto requires_tls = fields.boolean("login_requires_tls")) config.login_requires_tls = *requires_tls;
  fields.finish();
}

}  // namespace conformance::fakes::config
