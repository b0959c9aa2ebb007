// The client side of an SMTP AUTH exchange (RFC 4954 §4), sans I/O: the
// AUTH command with its initial response, and the answer to each 334
// challenge, each with the rendering a transcript may keep (credentials
// replaced by "<redacted>").
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "harness/codec/sasl/exchange.hpp"
#include "harness/codec/smtp/reply.hpp"
#include "harness/common/expected.hpp"

namespace conformance::protocols::smtp {

struct ClientLine {
  std::string bytes;      // with CRLF
  std::string rendering;  // with CRLF; no secret in it
};

class AuthExchange {
 public:
  // PLAIN when `mechanism` is empty. Only mechanisms that work from a user
  // name and a password: PLAIN, LOGIN, CRAM-MD5, SCRAM-SHA-1, SCRAM-SHA-256.
  static Expected<AuthExchange, std::string> start(std::string_view mechanism, std::string_view user,
                                                   std::string_view password);

  const std::string& mechanism() const { return mechanism_; }
  // "AUTH PLAIN <base64>" (initial response when the mechanism speaks first).
  const ClientLine& command() const { return command_; }
  // The answer to a 334 reply: the response, or "*" (cancel, RFC 4954 §4)
  // when the challenge is not base64 or the mechanism rejects it; `error`
  // then says why.
  ClientLine answer(const codec::smtp::Reply& challenge, std::string& error);
  // After 235: whether the mechanism accepts the success (SCRAM checks the
  // server's proof); the error says why not.
  std::string verify_success();

 private:
  std::string mechanism_;
  std::unique_ptr<codec::sasl::ClientMechanism> client_;
  ClientLine command_;
};

}  // namespace conformance::protocols::smtp
