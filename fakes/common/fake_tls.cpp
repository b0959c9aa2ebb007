#include "fakes/common/fake_tls.hpp"

#include <fstream>

namespace conformance::fakes {

Expected<std::shared_ptr<FakeCertificates>, std::string> FakeCertificates::create(
    std::chrono::system_clock::time_point now) {
  auto pki = tls::ThrowawayPki::create(now);
  if (!pki) return "cannot create the throwaway CA: " + pki.error().message;
  return std::shared_ptr<FakeCertificates>(new FakeCertificates(std::move(*pki)));
}

Expected<tls::ServerContext, std::string> FakeCertificates::server_context(const FakeTlsSettings& settings) {
  tls::ServerTlsConfig config;
  if (settings.certificate_file || settings.key_file) {
    if (!settings.certificate_file || !settings.key_file)
      return std::string("a certificate file needs its key file, and a key file its certificate");
    auto from_files = tls::ServerTlsConfig::from_files(*settings.certificate_file, *settings.key_file);
    if (!from_files) return from_files.error().message;
    config = std::move(*from_files);
  } else {
    std::string key(tls::to_string(settings.certificate));
    for (const auto& name : settings.dns_names) key += " " + name;
    for (const auto& address : settings.ip_addresses) key += " " + address;
    if (settings.min_version) key += " min" + std::to_string(static_cast<int>(*settings.min_version));
    for (const auto& [cached_key, context] : cache_)
      if (cached_key == key) return context;
    auto leaf = pki_.leaf(settings.certificate, settings.dns_names, settings.ip_addresses);
    if (!leaf) return "cannot issue the fake's certificate: " + leaf.error().message;
    config = tls::ServerTlsConfig::from_credential(*leaf);
    config.min_version = settings.min_version;
    auto context = tls::ServerContext::create(config);
    if (!context) return "cannot build the fake's TLS context: " + context.error().message;
    cache_.emplace_back(key, *context);
    return *context;
  }
  config.min_version = settings.min_version;
  auto context = tls::ServerContext::create(config);
  if (!context) return "cannot build the fake's TLS context: " + context.error().message;
  return *context;
}

std::string FakeCertificates::trusted_ca_pem() const { return pki_.trusted_root().certificate_pem(); }

Expected<void, std::string> FakeCertificates::write_trusted_ca(const std::filesystem::path& file) const {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << trusted_ca_pem();
  out.close();
  if (!out) return "cannot write the CA certificate to " + file.string();
  return {};
}

}  // namespace conformance::fakes
