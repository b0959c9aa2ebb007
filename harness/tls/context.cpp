#include "harness/tls/context.hpp"

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <exception>

namespace conformance::tls {
namespace {

Expected<std::shared_ptr<boost::asio::ssl::context>> new_context(boost::asio::ssl::context::method method) {
  clear_openssl_errors();
  try {
    return std::make_shared<boost::asio::ssl::context>(method);
  } catch (const std::exception& failure) {
    return Error{std::string("creating an OpenSSL context: ") + failure.what()};
  }
}

Expected<void> set_versions(SSL_CTX* context, std::optional<TlsVersion> min, std::optional<TlsVersion> max) {
  if (min && SSL_CTX_set_min_proto_version(context, to_openssl(*min)) != 1) {
    return Error{openssl_failure("setting the minimum TLS version")};
  }
  if (max && SSL_CTX_set_max_proto_version(context, to_openssl(*max)) != 1) {
    return Error{openssl_failure("setting the maximum TLS version")};
  }
  return {};
}

Expected<void> load_trust(SSL_CTX* context, const TrustStore& trust) {
  switch (trust.source) {
    case TrustStore::Source::none: return {};
    case TrustStore::Source::system:
      if (SSL_CTX_set_default_verify_paths(context) != 1) {
        return Error{openssl_failure("loading the system trust store")};
      }
      return {};
    case TrustStore::Source::ca_file:
      if (SSL_CTX_load_verify_file(context, trust.value.c_str()) != 1) {
        return Error{openssl_failure("loading CA file " + trust.value)};
      }
      return {};
    case TrustStore::Source::ca_pem: {
      auto roots = Certificate::all_from_pem(trust.value);
      if (!roots) return Error{"loading CA certificates from PEM: " + roots.error().message};
      X509_STORE* store = SSL_CTX_get_cert_store(context);
      for (const Certificate& root : *roots) {
        if (X509_STORE_add_cert(store, root.native()) != 1) return Error{openssl_failure("adding a CA certificate")};
      }
      return {};
    }
  }
  return Error{"unknown trust store source"};
}

}  // namespace

std::string_view to_string(TlsVersion version) {
  switch (version) {
    case TlsVersion::tls1_0: return "TLSv1";
    case TlsVersion::tls1_1: return "TLSv1.1";
    case TlsVersion::tls1_2: return "TLSv1.2";
    case TlsVersion::tls1_3: return "TLSv1.3";
  }
  return "unknown";
}

int to_openssl(TlsVersion version) {
  switch (version) {
    case TlsVersion::tls1_0: return TLS1_VERSION;
    case TlsVersion::tls1_1: return TLS1_1_VERSION;
    case TlsVersion::tls1_2: return TLS1_2_VERSION;
    case TlsVersion::tls1_3: return TLS1_3_VERSION;
  }
  return 0;
}

ServerTlsConfig ServerTlsConfig::from_credential(const Credential& credential) {
  ServerTlsConfig config;
  config.certificate_chain_pem = credential.certificate_chain_pem();
  config.private_key_pem = credential.key_pem();
  return config;
}

Expected<ServerTlsConfig> ServerTlsConfig::from_files(const std::filesystem::path& certificate_chain_file,
                                                      const std::filesystem::path& private_key_file) {
  auto chain = read_text_file(certificate_chain_file);
  if (!chain) return chain.error();
  auto key = read_text_file(private_key_file);
  if (!key) return key.error();
  ServerTlsConfig config;
  config.certificate_chain_pem = std::move(*chain);
  config.private_key_pem = std::move(*key);
  return config;
}

Expected<ClientContext> ClientContext::create(const ClientTlsConfig& config) {
  auto context = new_context(boost::asio::ssl::context::tls_client);
  if (!context) return context.error();
  SSL_CTX* native = (*context)->native_handle();
  if (auto set = set_versions(native, config.min_version, config.max_version); !set) return set.error();
  if (auto loaded = load_trust(native, config.trust); !loaded) return loaded.error();
  // In insecure mode OpenSSL still verifies the chain and the host name and
  // records the verdict (SSL_get_verify_result); it only stops failing the
  // handshake on it.
  SSL_CTX_set_verify(native, config.insecure ? SSL_VERIFY_NONE : SSL_VERIFY_PEER, nullptr);
  return ClientContext(std::move(*context), config.insecure);
}

Expected<ServerContext> ServerContext::create(const ServerTlsConfig& config) {
  auto context = new_context(boost::asio::ssl::context::tls_server);
  if (!context) return context.error();
  SSL_CTX* native = (*context)->native_handle();
  if (auto set = set_versions(native, config.min_version, config.max_version); !set) return set.error();

  auto chain = Certificate::all_from_pem(config.certificate_chain_pem);
  if (!chain) return Error{"server certificate: " + chain.error().message};
  auto key = PrivateKey::from_pem(config.private_key_pem);
  if (!key) return Error{"server private key: " + key.error().message};

  clear_openssl_errors();
  if (SSL_CTX_use_certificate(native, chain->front().native()) != 1) {
    return Error{openssl_failure("using the server certificate")};
  }
  for (std::size_t i = 1; i < chain->size(); ++i) {
    if (SSL_CTX_add1_chain_cert(native, (*chain)[i].native()) != 1) {
      return Error{openssl_failure("adding a chain certificate")};
    }
  }
  if (SSL_CTX_use_PrivateKey(native, key->native()) != 1) return Error{openssl_failure("using the server key")};
  if (SSL_CTX_check_private_key(native) != 1) {
    return Error{openssl_failure("the private key does not match the certificate")};
  }
  return ServerContext(std::move(*context));
}

}  // namespace conformance::tls
