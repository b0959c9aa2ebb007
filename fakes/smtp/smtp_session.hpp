// One client's SMTP session with the fake (the state machine of RFC 5321
// §4.1.4 and the extensions'), run by TcpFake for each connection.
#pragma once

#include "fakes/smtp/smtp_fake.hpp"

namespace conformance::fakes::smtp {

struct SessionContext {
  const SmtpFakeConfig& config;
  store::MailStore& store;
  ReceivedMail& received;
};

net::awaitable<void> run_session(FakeConnection& connection, SessionContext context);

}  // namespace conformance::fakes::smtp
