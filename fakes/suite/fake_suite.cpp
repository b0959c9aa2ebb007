#include "fakes/suite/fake_suite.hpp"

#if CONFORMANCE_HAVE_FAKE_SMTP
#include "fakes/smtp/smtp_fake.hpp"
#endif
#if CONFORMANCE_HAVE_FAKE_POP3
#include "fakes/pop3/pop3_fake.hpp"
#endif
#if CONFORMANCE_HAVE_FAKE_IMAP
#include "fakes/imap/imap_fake.hpp"
#endif

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <cstdlib>
#include <future>
#include <thread>

namespace conformance::fakes {

std::vector<std::string> available_fakes() {
  std::vector<std::string> names;
#if CONFORMANCE_HAVE_FAKE_SMTP
  names.push_back("smtp");
#endif
#if CONFORMANCE_HAVE_FAKE_POP3
  names.push_back("pop3");
#endif
#if CONFORMANCE_HAVE_FAKE_IMAP
  names.push_back("imap");
#endif
  return names;
}

struct FakeSuite::Running {
  boost::asio::io_context io{1};
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work = boost::asio::make_work_guard(io);
  std::shared_ptr<store::MailStore> store;
  std::shared_ptr<FakeCertificates> certificates;
  std::vector<std::shared_ptr<TcpFake>> fakes;
  std::thread thread;
};

namespace {

// Applies the suite's shared settings to one fake's server options.
TcpFakeOptions server_options(const FakeSuiteOptions& options, const std::string& protocol) {
  TcpFakeOptions server;
  server.protocol = protocol;
  if (auto listen = options.listen.find(protocol); listen != options.listen.end()) server.listen = listen->second;
  server.tls = options.tls;
  server.timeouts = options.timeouts;
  server.log = options.log;
  server.log_transcripts = options.log_transcripts;
  return server;
}

Expected<std::shared_ptr<TcpFake>, std::string> start_one(const std::string& protocol, FakeSuite::Running& running,
                                                          const FakeSuiteOptions& options) {
  const auto executor = running.io.get_executor();
#if CONFORMANCE_HAVE_FAKE_SMTP
  if (protocol == "smtp") {
    smtp::SmtpFakeConfig config;
    config.server = server_options(options, protocol);
    config.accept_any_recipient = options.accept_any_recipient;
    return smtp::start_smtp_fake(executor, std::move(config), running.store, running.certificates);
  }
#endif
#if CONFORMANCE_HAVE_FAKE_POP3
  if (protocol == "pop3") {
    pop3::Pop3FakeConfig config;
    config.server = server_options(options, protocol);
    return pop3::start_pop3_fake(executor, std::move(config), running.store, running.certificates);
  }
#endif
#if CONFORMANCE_HAVE_FAKE_IMAP
  if (protocol == "imap") {
    imap::ImapFakeConfig config;
    config.server = server_options(options, protocol);
    return imap::start_imap_fake(executor, std::move(config), running.store, running.certificates);
  }
#endif
  (void)running;
  (void)options;
  (void)executor;
  return "this build has no fake for '" + protocol + "'";
}

Expected<std::filesystem::path, std::string> make_private_directory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "conformance-fakes-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return std::string("cannot create a temporary directory for the CA file");
  return std::filesystem::path(pattern);
}

}  // namespace

Expected<std::unique_ptr<FakeSuite>, std::string> FakeSuite::start(FakeSuiteOptions options) {
  std::unique_ptr<FakeSuite> suite(new FakeSuite());
  suite->running_ = std::make_unique<Running>();
  Running& running = *suite->running_;
  running.store = std::make_shared<store::MailStore>(options.store);
  if (options.seed) options.seed(*running.store);
  auto certificates = FakeCertificates::create();
  if (!certificates) return certificates.error();
  running.certificates = *certificates;

  auto directory = make_private_directory();
  if (!directory) return directory.error();
  suite->directory_ = *directory;
  suite->ca_file_ = suite->directory_ / "ca.pem";
  if (auto written = running.certificates->write_trusted_ca(suite->ca_file_); !written) return written.error();

  // Listeners open before the thread runs the io_context, so the ports are
  // known when start() returns and no member is touched from two threads.
  for (const std::string& protocol : options.protocols) {
    auto fake = start_one(protocol, running, options);
    if (!fake) return fake.error();
    for (const BoundEndpoint& bound : (*fake)->endpoints()) suite->endpoints_.push_back(bound);
    running.fakes.push_back(std::move(*fake));
  }
  running.thread = std::thread([&io = running.io] { io.run(); });
  return suite;
}

Expected<void, std::string> FakeSuite::write_ca(const std::filesystem::path& file) const {
  return running_->certificates->write_trusted_ca(file);
}

FakeSuite::~FakeSuite() {
  if (running_) {
    if (running_->thread.joinable()) {
      std::promise<void> stopped;
      boost::asio::post(running_->io, [this, &stopped] {
        for (auto& fake : running_->fakes) fake->stop();
        running_->fakes.clear();
        stopped.set_value();
      });
      stopped.get_future().wait();
      running_->work.reset();
      // stop() force-closed every live connection, so the sessions end and
      // the io_context runs dry.
      running_->thread.join();
    } else {
      for (auto& fake : running_->fakes) fake->stop();
      running_->fakes.clear();
    }
  }
  std::error_code ignored;
  if (!directory_.empty()) std::filesystem::remove_all(directory_, ignored);
}

}  // namespace conformance::fakes
