#include "fakes/config/tls_yaml.hpp"

#include "fakes/config/yaml_support.hpp"

#include <boost/asio/ip/address.hpp>

#include <filesystem>

namespace conformance::fakes::config {

FakeTlsSettings read_tls_settings(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics,
                                  FakeTlsSettings base) {
  FakeTlsSettings tls = std::move(base);
  scenario::Fields fields(node, file, diagnostics, "tls");
  if (!fields.ok()) return tls;
  if (auto certificate = fields.choice(
          "certificate", {"valid", "expired", "not_yet_valid", "wrong_host", "self_signed", "untrusted_root"})) {
    if (*certificate == "valid") tls.certificate = tls::LeafFault::none;
    if (*certificate == "expired") tls.certificate = tls::LeafFault::expired;
    if (*certificate == "not_yet_valid") tls.certificate = tls::LeafFault::not_yet_valid;
    if (*certificate == "wrong_host") tls.certificate = tls::LeafFault::wrong_host;
    if (*certificate == "self_signed") tls.certificate = tls::LeafFault::self_signed;
    if (*certificate == "untrusted_root") tls.certificate = tls::LeafFault::untrusted_root;
  }
  if (auto starttls = fields.choice("starttls", {"offered", "not_offered", "refused"})) {
    if (*starttls == "offered") tls.starttls = StartTlsPolicy::offered;
    if (*starttls == "not_offered") tls.starttls = StartTlsPolicy::not_offered;
    if (*starttls == "refused") tls.starttls = StartTlsPolicy::refused;
  }
  if (fields.has("names")) {
    const YAML::Node names_node = fields.get("names");
    auto names = scenario::string_list(names_node, file, diagnostics, "'names'");
    tls.dns_names.clear();
    tls.ip_addresses.clear();
    for (const auto& name : names) {
      boost::system::error_code error;
      (void)boost::asio::ip::make_address(name, error);
      if (!error) {
        tls.ip_addresses.push_back(name);
      } else if (name.empty() || name.find_first_of(" \t\r\n/") != std::string::npos) {
        fields.error(names_node, "'names': '" + name + "' is neither a host name nor an IP address");
      } else {
        tls.dns_names.push_back(name);
      }
    }
    if (tls.dns_names.empty() && tls.ip_addresses.empty()) {
      fields.error(names_node, "'names' needs at least one host name or IP address for the certificate");
    }
  }
  if (auto version = fields.choice("min_version", {"TLSv1", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"})) {
    if (*version == "TLSv1" || *version == "TLSv1.0") tls.min_version = tls::TlsVersion::tls1_0;
    if (*version == "TLSv1.1") tls.min_version = tls::TlsVersion::tls1_1;
    if (*version == "TLSv1.2") tls.min_version = tls::TlsVersion::tls1_2;
    if (*version == "TLSv1.3") tls.min_version = tls::TlsVersion::tls1_3;
  }
  // A certificate of the user's own (standalone fakes): both files, PEM.
  std::optional<std::string> certificate_file, key_file;
  for (auto [key, target] : {std::pair{"certificate_file", &certificate_file}, std::pair{"key_file", &key_file}}) {
    const YAML::Node path_node = fields.get(key);
    if (!path_node.IsDefined()) continue;
    auto text = scenario::scalar_string(path_node, file, diagnostics, "'" + std::string(key) + "'");
    if (!text) continue;
    std::filesystem::path path(*text);
    if (path.is_relative()) path = std::filesystem::path(folder_of(file)) / path;
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
      fields.error(path_node, "file '" + *text + "' not found (looked for " + path.lexically_normal().string() + ")");
      continue;
    }
    *target = path.lexically_normal().string();
  }
  if (fields.has("certificate_file") != fields.has("key_file")) {
    fields.error(fields.node(), "'certificate_file' and 'key_file' go together");
  } else if (certificate_file && key_file) {
    if (fields.has("certificate") && tls.certificate != tls::LeafFault::none) {
      fields.error(fields.get("certificate"),
                   "'certificate' picks a throwaway leaf; with 'certificate_file' the fake presents that instead");
    }
    tls.certificate_file = *certificate_file;
    tls.key_file = *key_file;
  }
  fields.finish();
  return tls;
}

}  // namespace conformance::fakes::config
