// One place to build any mechanism's client or server from a single set of
// credentials or settings, for harness code that picks the mechanism at run
// time (from select_mechanism or a test plan).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "harness/codec/sasl/accounts.hpp"
#include "harness/codec/sasl/crypto.hpp"
#include "harness/codec/sasl/exchange.hpp"
#include "harness/codec/sasl/gs2.hpp"
#include "harness/codec/sasl/limits.hpp"
#include "harness/codec/sasl/secret.hpp"

namespace conformance::codec::sasl {

struct ClientCredentials {
  std::string username;  // authcid; XOAUTH2's user
  Secret password;
  std::string authzid;   // OAUTHBEARER's a=, defaulting to username there
  Secret token;          // bearer token for XOAUTH2 and OAUTHBEARER
  std::optional<std::string> host;     // OAUTHBEARER host=
  std::optional<std::uint16_t> port;   // OAUTHBEARER port=
  std::optional<ChannelBinding> channel_binding;  // required by the -PLUS mechanisms
  bool client_supports_channel_binding = false;   // SCRAM "y" when not binding
  bool login_username_as_initial_response = false;
  RandomSource random = system_random();
  Limits limits;
};

// nullptr when the credentials cannot serve the mechanism (a -PLUS
// mechanism without channel binding data).
std::unique_ptr<ClientMechanism> make_client(Mechanism mechanism, const ClientCredentials& credentials);

struct ServerSettings {
  std::optional<ChannelBinding> channel_binding;  // set: the server supports (and offers) -PLUS
  bool additional_data_with_success = false;      // see ScramServerOptions
  std::string hostname = "localhost";             // CRAM-MD5 challenge
  std::uint64_t timestamp = 0;                    // CRAM-MD5 challenge
  RandomSource random = system_random();
  Limits limits;
};

// `accounts` must outlive the returned mechanism.
std::unique_ptr<ServerMechanism> make_server(Mechanism mechanism, const Accounts& accounts,
                                             const ServerSettings& settings = {});

}  // namespace conformance::codec::sasl
