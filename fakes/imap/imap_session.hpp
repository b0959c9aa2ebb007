// One client's IMAP session with the fake (RFC 3501 §3 states), run by
// TcpFake for each connection.
#pragma once

#include "fakes/imap/imap_fake.hpp"

namespace conformance::fakes::imap {

net::awaitable<void> run_imap_session(FakeConnection& connection, const ImapFakeConfig& config,
                                      store::MailStore& store);

}  // namespace conformance::fakes::imap
