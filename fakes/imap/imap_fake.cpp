#include "fakes/imap/imap_fake.hpp"

#include "fakes/imap/imap_session.hpp"

namespace conformance::fakes::imap {

Expected<std::shared_ptr<TcpFake>, std::string> start_imap_fake(const boost::asio::any_io_executor& executor,
                                                                ImapFakeConfig config,
                                                                std::shared_ptr<store::MailStore> store,
                                                                std::shared_ptr<FakeCertificates> certificates) {
  if (!store) return std::string("the IMAP fake needs a mail store");
  if (config.server.protocol.empty()) config.server.protocol = "imap";
  if (config.server.listen.empty()) config.server.listen = default_listen_specs(config.server.protocol);
  auto shared = std::make_shared<const ImapFakeConfig>(config);
  TcpFakeOptions server = config.server;
  return TcpFake::start(executor, std::move(server), std::move(certificates),
                        [shared, store](FakeConnection& connection) -> net::awaitable<void> {
                          co_await run_imap_session(connection, *shared, *store);
                        });
}

}  // namespace conformance::fakes::imap
