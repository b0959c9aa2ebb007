#include "fakes/config/smtp_options_yaml.hpp"

#include "fakes/config/options_support.hpp"

namespace conformance::fakes::config {

void read_smtp_options(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics,
                       smtp::SmtpFakeConfig& config) {
  scenario::Fields fields(node, file, diagnostics, "smtp options");
  if (!fields.ok()) return;
  if (auto hostname = host_name_field(fields, "hostname")) config.hostname = *hostname;
  // RFC 1870: SIZE 0 means no fixed limit; the fake always has one.
  if (auto size = fields.integer("max_message_size", 1, std::int64_t{1} << 40)) {
    config.max_message_size = static_cast<std::uint64_t>(*size);
  }
  // RFC 5321 §4.5.3.1.8: at least 100 recipients must be accepted; fewer is
  // allowed here on purpose, to script a server that breaks the rule.
  if (auto recipients = fields.integer("max_recipients", 1, 1'000'000)) {
    config.max_recipients = static_cast<std::size_t>(*recipients);
  }
  // RFC 5321 §4.5.3.1.4: 512 octets is the least a server takes for a command line.
  if (auto line = fields.integer("max_command_line", 64, 1 << 20)) config.max_command_line = static_cast<std::size_t>(*line);
  if (auto errors = fields.integer("max_errors", 1, 1'000'000)) config.max_errors = static_cast<std::size_t>(*errors);
  if (auto any = fields.boolean("accept_any_recipient")) config.accept_any_recipient = *any;
  if (fields.has("auth_mechanisms")) config.auth_mechanisms = sasl_mechanisms_field(fields, "auth_mechanisms");
  if (auto requires_tls = fields.boolean("auth_requires_tls")) config.auth_requires_tls = *requires_tls;
  fields.finish();
}

}  // namespace conformance::fakes::config
