// TLS contexts for the two roles. A context holds what is shared by every
// connection of one configuration (trust store, own certificate, protocol
// versions); what is per connection (the host name to send and check) is
// given to the stream at handshake time.
#pragma once

#include "harness/tls/authority.hpp"
#include "harness/tls/expected.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without including <utility>
#include <boost/asio/ssl/context.hpp>

namespace conformance::tls {

enum class TlsVersion { tls1_0, tls1_1, tls1_2, tls1_3 };

std::string_view to_string(TlsVersion version);  // "TLSv1.2", as OpenSSL names it
int to_openssl(TlsVersion version);              // TLS1_2_VERSION, ...

// Where a client looks for the roots it trusts.
struct TrustStore {
  enum class Source { none, system, ca_file, ca_pem };
  Source source = Source::system;
  std::string value;  // the file path (ca_file) or the PEM text (ca_pem)

  static TrustStore none() { return {Source::none, {}}; }
  static TrustStore system() { return {Source::system, {}}; }
  static TrustStore file(std::filesystem::path path) { return {Source::ca_file, path.string()}; }
  static TrustStore pem(std::string text) { return {Source::ca_pem, std::move(text)}; }
};

struct ClientTlsConfig {
  TrustStore trust = TrustStore::system();
  // Completes the handshake whatever the verification says. Verification
  // still runs, and its verdict is reported in TlsInfo, so a report can say
  // what a strict client would have rejected.
  bool insecure = false;
  std::optional<TlsVersion> min_version;
  std::optional<TlsVersion> max_version;
};

struct ServerTlsConfig {
  std::string certificate_chain_pem;  // leaf first, then intermediates
  std::string private_key_pem;
  std::optional<TlsVersion> min_version;
  std::optional<TlsVersion> max_version;

  static ServerTlsConfig from_credential(const Credential& credential);
  static Expected<ServerTlsConfig> from_files(const std::filesystem::path& certificate_chain_file,
                                              const std::filesystem::path& private_key_file);
};

// Both contexts are cheap handles to a shared OpenSSL SSL_CTX.
class ClientContext {
 public:
  static Expected<ClientContext> create(const ClientTlsConfig& config);

  boost::asio::ssl::context& native() const { return *context_; }
  bool insecure() const { return insecure_; }

 private:
  ClientContext(std::shared_ptr<boost::asio::ssl::context> context, bool insecure)
      : context_(std::move(context)), insecure_(insecure) {}
  std::shared_ptr<boost::asio::ssl::context> context_;
  bool insecure_ = false;
};

class ServerContext {
 public:
  static Expected<ServerContext> create(const ServerTlsConfig& config);

  boost::asio::ssl::context& native() const { return *context_; }

 private:
  explicit ServerContext(std::shared_ptr<boost::asio::ssl::context> context) : context_(std::move(context)) {}
  std::shared_ptr<boost::asio::ssl::context> context_;
};

}  // namespace conformance::tls
