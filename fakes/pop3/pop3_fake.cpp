#include "fakes/pop3/pop3_fake.hpp"

#include "fakes/pop3/pop3_session.hpp"

namespace conformance::fakes::pop3 {

Expected<std::shared_ptr<TcpFake>, std::string> start_pop3_fake(const boost::asio::any_io_executor& executor,
                                                                Pop3FakeConfig config,
                                                                std::shared_ptr<store::MailStore> store,
                                                                std::shared_ptr<FakeCertificates> certificates) {
  if (!store) return std::string("the POP3 fake needs a mail store");
  if (config.server.protocol.empty()) config.server.protocol = "pop3";
  if (config.server.listen.empty()) config.server.listen = default_listen_specs(config.server.protocol);
  auto shared = std::make_shared<const Pop3FakeConfig>(config);
  TcpFakeOptions server = config.server;
  return TcpFake::start(executor, std::move(server), std::move(certificates),
                        [shared, store](FakeConnection& connection) -> net::awaitable<void> {
                          co_await run_pop3_session(connection, *shared, *store);
                        });
}

}  // namespace conformance::fakes::pop3
