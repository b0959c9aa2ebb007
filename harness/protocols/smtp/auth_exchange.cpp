#include "harness/protocols/smtp/auth_exchange.hpp"

#include "harness/codec/sasl/factory.hpp"
#include "harness/codec/sasl/mechanism.hpp"
#include "harness/codec/sasl/wire.hpp"
#include "harness/codec/smtp/auth_exchange.hpp"
#include "harness/protocols/smtp/keywords.hpp"

namespace conformance::protocols::smtp {

namespace {

using codec::sasl::Mechanism;

bool works_with_a_password(Mechanism mechanism) {
  switch (mechanism) {
    case Mechanism::plain:
    case Mechanism::login:
    case Mechanism::cram_md5:
    case Mechanism::scram_sha_1:
    case Mechanism::scram_sha_256:
      return true;
    default:
      return false;
  }
}

const ClientLine kCancel{"*\r\n", "*\r\n"};

}  // namespace

Expected<AuthExchange, std::string> AuthExchange::start(std::string_view mechanism, std::string_view user,
                                                        std::string_view password) {
  const std::string name = mechanism.empty() ? std::string("PLAIN") : upper_case(mechanism);
  const auto known = codec::sasl::mechanism_from_name(name);
  if (!known || !works_with_a_password(*known)) {
    return std::string("login cannot use mechanism ") + name +
           " (it knows PLAIN, LOGIN, CRAM-MD5, SCRAM-SHA-1 and SCRAM-SHA-256)";
  }
  codec::sasl::ClientCredentials credentials;
  credentials.username = std::string(user);
  credentials.password = codec::sasl::Secret(password);
  AuthExchange exchange;
  exchange.mechanism_ = name;
  exchange.client_ = codec::sasl::make_client(*known, credentials);
  if (!exchange.client_) return "cannot set up a " + name + " client";
  const auto initial = exchange.client_->start(true);
  exchange.command_.bytes = "AUTH " + name;
  exchange.command_.rendering = "AUTH " + name;
  if (initial) {
    exchange.command_.bytes += " " + codec::sasl::encode_initial_response(*initial);
    exchange.command_.rendering += " <redacted>";
  }
  exchange.command_.bytes += "\r\n";
  exchange.command_.rendering += "\r\n";
  return Expected<AuthExchange, std::string>(std::move(exchange));
}

ClientLine AuthExchange::answer(const codec::smtp::Reply& challenge, std::string& error) {
  auto decoded = codec::smtp::decode_auth_challenge(challenge);
  if (!decoded) {
    error = "the 334 challenge is not base64 (" + decoded.error().message() + ")";
    return kCancel;
  }
  auto response = client_->respond(*decoded);
  if (!response) {
    error = mechanism_ + " rejected the server's challenge (" + response.error().message() + ")";
    return kCancel;
  }
  return ClientLine{codec::sasl::encode_response(*response) + "\r\n", "<redacted>\r\n"};
}

std::string AuthExchange::verify_success() {
  auto verified = client_->complete();
  return verified ? std::string() : verified.error().message();
}

}  // namespace conformance::protocols::smtp
