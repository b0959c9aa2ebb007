#include "fakes/config/imap_options_yaml.hpp"

#include "fakes/config/options_support.hpp"
#include "fakes/config/yaml_support.hpp"

namespace conformance::fakes::config {

void read_imap_options(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics,
                       imap::ImapFakeConfig& config) {
  scenario::Fields fields(node, file, diagnostics, "imap options");
  if (!fields.ok()) return;
  if (auto hostname = host_name_field(fields, "hostname")) config.hostname = *hostname;
  if (auto line = fields.integer("max_line", 256, 1 << 24)) config.max_line = static_cast<std::size_t>(*line);
  if (auto literal = fields.integer("max_literal", 1, std::int64_t{1} << 32)) {
    config.max_literal = static_cast<std::size_t>(*literal);
  }
  if (auto errors = fields.integer("max_errors", 1, 1'000'000)) config.max_errors = static_cast<std::size_t>(*errors);
  if (fields.has("sasl_mechanisms")) config.sasl_mechanisms = sasl_mechanisms_field(fields, "sasl_mechanisms");
  if (auto poll = duration_field(fields, "idle_poll")) config.idle_poll = *poll;
  fields.finish();
}

}  // namespace conformance::fakes::config
