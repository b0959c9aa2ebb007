#include "fakes/smtp/smtp_fake.hpp"

#include "fakes/smtp/smtp_session.hpp"

namespace conformance::fakes::smtp {

void ReceivedMail::add(Transaction transaction) {
  ++total_;
  kept_.push_back(std::move(transaction));
  while (kept_.size() > limit_) kept_.pop_front();
}

Expected<std::shared_ptr<TcpFake>, std::string> start_smtp_fake(const boost::asio::any_io_executor& executor,
                                                                SmtpFakeConfig config,
                                                                std::shared_ptr<store::MailStore> store,
                                                                std::shared_ptr<FakeCertificates> certificates) {
  if (!store) return std::string("the SMTP fake needs a mail store");
  if (!config.received) config.received = std::make_shared<ReceivedMail>();
  if (config.server.protocol.empty()) config.server.protocol = "smtp";
  if (config.server.listen.empty()) config.server.listen = default_listen_specs(config.server.protocol);
  auto shared = std::make_shared<const SmtpFakeConfig>(config);
  TcpFakeOptions server = config.server;
  return TcpFake::start(executor, std::move(server), std::move(certificates),
                        [shared, store](FakeConnection& connection) -> net::awaitable<void> {
                          SessionContext context{*shared, *store, *shared->received};
                          co_await run_session(connection, context);
                        });
}

}  // namespace conformance::fakes::smtp
