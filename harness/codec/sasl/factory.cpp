#include "harness/codec/sasl/factory.hpp"

#include "harness/codec/sasl/cram_md5.hpp"
#include "harness/codec/sasl/external.hpp"
#include "harness/codec/sasl/login.hpp"
#include "harness/codec/sasl/oauthbearer.hpp"
#include "harness/codec/sasl/plain.hpp"
#include "harness/codec/sasl/scram_client.hpp"
#include "harness/codec/sasl/scram_server.hpp"
#include "harness/codec/sasl/xoauth2.hpp"

namespace conformance::codec::sasl {
namespace {

HashAlgorithm scram_hash(Mechanism mechanism) {
  return mechanism == Mechanism::scram_sha_1 || mechanism == Mechanism::scram_sha_1_plus ? HashAlgorithm::sha1
                                                                                         : HashAlgorithm::sha256;
}

}  // namespace

std::unique_ptr<ClientMechanism> make_client(Mechanism mechanism, const ClientCredentials& c) {
  switch (mechanism) {
    case Mechanism::plain:
      return std::make_unique<PlainClient>(PlainMessage{c.authzid, c.username, c.password});
    case Mechanism::login:
      return std::make_unique<LoginClient>(
          LoginClientOptions{c.username, c.password, c.login_username_as_initial_response});
    case Mechanism::cram_md5:
      return std::make_unique<CramMd5Client>(c.username, c.password);
    case Mechanism::scram_sha_1:
    case Mechanism::scram_sha_1_plus:
    case Mechanism::scram_sha_256:
    case Mechanism::scram_sha_256_plus: {
      const bool plus = uses_channel_binding(mechanism);
      if (plus && !c.channel_binding) return nullptr;
      ScramClientOptions options;
      options.hash = scram_hash(mechanism);
      options.username = c.username;
      options.password = c.password;
      options.authzid = c.authzid;
      if (plus) options.channel_binding = c.channel_binding;
      options.client_supports_channel_binding = c.client_supports_channel_binding;
      options.random = c.random;
      options.limits = c.limits;
      return std::make_unique<ScramClient>(std::move(options));
    }
    case Mechanism::xoauth2:
      return std::make_unique<Xoauth2Client>(Xoauth2Message{c.username, c.token});
    case Mechanism::oauthbearer: {
      OAuthBearerMessage message;
      message.gs2.authzid = c.authzid.empty() ? c.username : c.authzid;
      message.host = c.host;
      message.port = c.port;
      message.token = c.token;
      return std::make_unique<OAuthBearerClient>(std::move(message));
    }
    case Mechanism::external:
      return std::make_unique<ExternalClient>(c.authzid);
  }
  return nullptr;
}

std::unique_ptr<ServerMechanism> make_server(Mechanism mechanism, const Accounts& accounts,
                                             const ServerSettings& s) {
  switch (mechanism) {
    case Mechanism::plain:
      return std::make_unique<PlainServer>(accounts, s.limits);
    case Mechanism::login: {
      LoginServerOptions options;
      options.limits = s.limits;
      return std::make_unique<LoginServer>(accounts, std::move(options));
    }
    case Mechanism::cram_md5:
      return std::make_unique<CramMd5Server>(accounts,
                                             CramMd5ServerOptions{s.hostname, s.timestamp, s.random, {}, s.limits});
    case Mechanism::scram_sha_1:
    case Mechanism::scram_sha_1_plus:
    case Mechanism::scram_sha_256:
    case Mechanism::scram_sha_256_plus: {
      ScramServerOptions options;
      options.hash = scram_hash(mechanism);
      options.plus = uses_channel_binding(mechanism);
      options.channel_binding = s.channel_binding;
      options.random = s.random;
      options.additional_data_with_success = s.additional_data_with_success;
      options.limits = s.limits;
      return std::make_unique<ScramServer>(accounts, std::move(options));
    }
    case Mechanism::xoauth2: {
      Xoauth2ServerOptions options;
      options.limits = s.limits;
      return std::make_unique<Xoauth2Server>(accounts, std::move(options));
    }
    case Mechanism::oauthbearer: {
      OAuthBearerServerOptions options;
      options.limits = s.limits;
      return std::make_unique<OAuthBearerServer>(accounts, std::move(options));
    }
    case Mechanism::external:
      return std::make_unique<ExternalServer>(accounts, s.limits);
  }
  return nullptr;
}

}  // namespace conformance::codec::sasl
