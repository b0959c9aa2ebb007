// One client's POP3 session with the fake: AUTHORIZATION, TRANSACTION and
// UPDATE (RFC 1939 §3), run by TcpFake for each connection.
#pragma once

#include "fakes/pop3/pop3_fake.hpp"

namespace conformance::fakes::pop3 {

net::awaitable<void> run_pop3_session(FakeConnection& connection, const Pop3FakeConfig& config,
                                      store::MailStore& store);

}  // namespace conformance::fakes::pop3
