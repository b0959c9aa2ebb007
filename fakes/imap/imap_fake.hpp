// The fake IMAP server: IMAP4rev1 (RFC 3501, with the RFC 9051 response
// codes) over the shared store, with STARTTLS and LOGINDISABLED before TLS,
// implicit TLS (RFC 8314), LOGIN and AUTHENTICATE (PLAIN, LOGIN,
// SCRAM-SHA-256) with SASL-IR, LITERAL+, IDLE, ID, NAMESPACE, UIDPLUS, MOVE,
// UNSELECT, ENABLE, SPECIAL-USE and CHILDREN, and untagged EXISTS, EXPUNGE
// and FETCH to every session that has the mailbox selected.
// docs/fakes/imap.md lists what it claims and what it does not.
#pragma once

#include "fakes/common/tcp_fake.hpp"
#include "fakes/store/mail_store.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace conformance::fakes::imap {

struct ImapFakeConfig {
  TcpFakeOptions server;
  std::string hostname = "localhost";
  // Caps on what a client may send: a command line and a literal (APPEND
  // data); over them a command is refused ([TOOBIG]) without being buffered.
  std::size_t max_line = 64 * 1024;
  std::size_t max_literal = 32 * 1024 * 1024;
  std::size_t max_errors = 20;  // BAD replies in a row before BYE
  std::vector<std::string> sasl_mechanisms = {"PLAIN", "LOGIN", "SCRAM-SHA-256"};
  // How often an IDLE session looks for changes made by other sessions.
  std::chrono::milliseconds idle_poll{100};
};

// Fills config.server.listen with imap and imaps on 127.0.0.1 (ephemeral
// ports) when it is empty.
Expected<std::shared_ptr<TcpFake>, std::string> start_imap_fake(const boost::asio::any_io_executor& executor,
                                                                ImapFakeConfig config,
                                                                std::shared_ptr<store::MailStore> store,
                                                                std::shared_ptr<FakeCertificates> certificates);

}  // namespace conformance::fakes::imap
