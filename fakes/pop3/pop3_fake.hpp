// The fake POP3 server: RFC 1939 with CAPA, RESP-CODES and AUTH-RESP-CODE
// (RFC 2449, RFC 3206), STLS (RFC 2595), UIDL, TOP, USER/PASS, AUTH (RFC
// 5034: PLAIN, LOGIN, SCRAM-SHA-256), PIPELINING, and implicit TLS (pop3s,
// RFC 8314). The maildrop is the user's INBOX in the shared store, locked
// for the session and changed only by QUIT in the TRANSACTION state
// (RFC 1939 §6). docs/fakes/pop3.md.
#pragma once

#include "fakes/common/tcp_fake.hpp"
#include "fakes/store/mail_store.hpp"

#include <memory>
#include <string>
#include <vector>

namespace conformance::fakes::pop3 {

struct Pop3FakeConfig {
  TcpFakeOptions server;
  std::string hostname = "localhost";
  // Command lines longer than this (CRLF included) get -ERR and are
  // skipped. RFC 2449 §4 caps client lines at 255 octets, but an AUTH
  // initial response may be longer (RFC 5034 §4), so the fake takes more.
  std::size_t max_command_line = 8192;
  std::size_t max_errors = 20;  // then -ERR and close
  std::vector<std::string> sasl_mechanisms = {"PLAIN", "LOGIN", "SCRAM-SHA-256"};
  // USER/PASS and AUTH only over TLS (RFC 2595 §2.1, RFC 8314 §3).
  bool login_requires_tls = true;
};

// Fills config.server.listen with pop3 and pop3s on 127.0.0.1 (ephemeral
// ports) when it is empty.
Expected<std::shared_ptr<TcpFake>, std::string> start_pop3_fake(const boost::asio::any_io_executor& executor,
                                                                Pop3FakeConfig config,
                                                                std::shared_ptr<store::MailStore> store,
                                                                std::shared_ptr<FakeCertificates> certificates);

}  // namespace conformance::fakes::pop3
