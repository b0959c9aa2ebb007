#include "fakes/config/fake_file_config.hpp"

#include "fakes/config/fault_plan_yaml.hpp"
#include "fakes/config/tls_yaml.hpp"
#include "fakes/config/yaml_support.hpp"
#include "harness/scenario/load_context.hpp"
#include "harness/scenario/loader.hpp"
#include "harness/scenario/yaml_guard.hpp"

#include "fakes/config/smtp_options_yaml.hpp"
#include "fakes/config/pop3_options_yaml.hpp"
#include "fakes/config/imap_options_yaml.hpp"
#include "fakes/config/dns_zone_yaml.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace conformance::fakes::config {
namespace {

using scenario::Fields;

FakeTimeouts read_timeouts(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics,
                           FakeTimeouts timeouts) {
  Fields fields(node, file, diagnostics, "timeouts");
  if (!fields.ok()) return timeouts;
  if (auto idle = duration_field(fields, "idle")) timeouts.idle = *idle;
  if (auto write = duration_field(fields, "write")) timeouts.write = *write;
  if (auto handshake = duration_field(fields, "handshake")) timeouts.handshake = *handshake;
  fields.finish();
  return timeouts;
}

// The parts every TCP fake's section has; returns its `options:` node (maybe undefined).
YAML::Node read_section(const YAML::Node& node, const std::string& protocol, const FakeTlsSettings& tls_defaults,
                        const std::string& file, scenario::Diagnostics& diagnostics, TcpFakeOptions& server) {
  server.protocol = protocol;
  server.tls = tls_defaults;
  if (node.IsNull()) return YAML::Node(YAML::NodeType::Undefined);  // `smtp:` with nothing: all defaults
  Fields fields(node, file, diagnostics, "the " + protocol + " fake's section");
  if (!fields.ok()) return YAML::Node(YAML::NodeType::Undefined);
  if (const YAML::Node tls = fields.get("tls"); tls.IsDefined()) {
    server.tls = read_tls_settings(tls, file, diagnostics, tls_defaults);
  }
  if (const YAML::Node faults = fields.get("faults"); faults.IsDefined()) {
    server.faults = read_fault_plan(faults, file, diagnostics);
  }
  if (const YAML::Node timeouts = fields.get("timeouts"); timeouts.IsDefined()) {
    server.timeouts = read_timeouts(timeouts, file, diagnostics, server.timeouts);
  }
  YAML::Node options = fields.get("options");
  fields.finish();
  return options;
}

}  // namespace

std::vector<std::string> configurable_fakes() { return {"smtp", "pop3", "imap"}; }

std::vector<std::string> FakeFileConfig::protocols() const {
  std::vector<std::string> names;
  for (const auto& name : configurable_fakes()) {
    if (server_options(name)) names.push_back(name);
  }
  if (dns) names.push_back("dns");
  return names;
}

const TcpFakeOptions* FakeFileConfig::server_options(std::string_view protocol) const {
  if (protocol == "smtp" && smtp) return &smtp->server;
  if (protocol == "pop3" && pop3) return &pop3->server;
  if (protocol == "imap" && imap) return &imap->server;
  return nullptr;
}

FakeFileConfig read_fake_sections(Fields& fields) {
  FakeFileConfig config;
  const std::string& file = fields.file();
  scenario::Diagnostics& diagnostics = fields.diagnostics();
  if (const YAML::Node store = fields.get("store"); store.IsDefined()) {
    config.store = read_store_seed(store, file, diagnostics);
  } else {
    config.store.default_dataset = true;  // no `store:`: the documented default users and mail
  }
  if (const YAML::Node tls = fields.get("tls"); tls.IsDefined()) {
    config.tls = read_tls_settings(tls, file, diagnostics);
  }
  if (const YAML::Node fakes = fields.get("fakes"); fakes.IsDefined()) {
    if (!fakes.IsMap()) {
      fields.error(fakes, "'fakes' must be a mapping from protocol to its fake's settings, such as {smtp: {}}, not " +
                              scenario::describe_kind(fakes));
    } else {
      const std::vector<std::string> known = configurable_fakes();
      for (const auto& entry : fakes) {
        const std::string protocol = entry.first.IsScalar() ? entry.first.Scalar() : std::string("?");
        if (std::find(known.begin(), known.end(), protocol) == known.end()) {
          const std::string hint = protocol == "dns" ? " (the DNS fake is configured by the top-level 'dns:')" : "";
          fields.error(entry.first, "no fake for '" + protocol + "' in this build (known: " + scenario::join(known) +
                                        ")" + hint);
          continue;
        }
        const YAML::Node& section = entry.second;
        if (protocol == "smtp") {
          config.smtp.emplace();
          const YAML::Node options = read_section(section, protocol, config.tls, file, diagnostics, config.smtp->server);
          if (options.IsDefined()) read_smtp_options(options, file, diagnostics, *config.smtp);
        }
        if (protocol == "pop3") {
          config.pop3.emplace();
          const YAML::Node options = read_section(section, protocol, config.tls, file, diagnostics, config.pop3->server);
          if (options.IsDefined()) read_pop3_options(options, file, diagnostics, *config.pop3);
        }
        if (protocol == "imap") {
          config.imap.emplace();
          const YAML::Node options = read_section(section, protocol, config.tls, file, diagnostics, config.imap->server);
          if (options.IsDefined()) read_imap_options(options, file, diagnostics, *config.imap);
        }
      }
    }
  }
  if (const YAML::Node dns = fields.get("dns"); dns.IsDefined()) {
    config.dns = read_dns_zone(dns, file, diagnostics);
  }
  return config;
}

Expected<FakeFileConfig, scenario::Diagnostics> load_fake_config_text(std::string_view yaml, const std::string& file) {
  scenario::Diagnostics diagnostics;
  FakeFileConfig config;
  try {
    auto root = scenario::parse_yaml_document(yaml, file, diagnostics);
    if (root) {
      Fields fields(*root, file, diagnostics, "a fake config file");
      if (fields.ok()) {
        config = read_fake_sections(fields);
        fields.finish();
      }
    }
  } catch (const std::exception& error) {
    diagnostics.push_back({scenario::SourceLocation{file, 0, 0}, std::string("cannot load: ") + error.what()});
  }
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  if (!diagnostics.empty()) return diagnostics;
  return config;
}

Expected<FakeFileConfig, scenario::Diagnostics> load_fake_config_file(const std::string& path) {
  auto fail = [&](std::string message) {
    return scenario::Diagnostics{{scenario::SourceLocation{path, 0, 0}, std::move(message)}};
  };
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return fail("no such file");
  const auto size = std::filesystem::file_size(path, error);
  if (error) return fail("cannot read: " + error.message());
  if (size > scenario::kMaxScenarioFileBytes) {
    return fail("the file is " + std::to_string(size) + " bytes; config files are limited to " +
                std::to_string(scenario::kMaxScenarioFileBytes));
  }
  std::ifstream in(path, std::ios::binary);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in.read(text.data(), static_cast<std::streamsize>(text.size()))) return fail("cannot read");
  return load_fake_config_text(text, path);
}

}  // namespace conformance::fakes::config
