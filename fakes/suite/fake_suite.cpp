#include "fakes/suite/fake_suite.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <cstdlib>
#include <future>
#include <thread>

namespace conformance::fakes {

std::vector<std::string> available_fakes() { return {"smtp", "pop3", "imap"}; }

struct FakeSuite::Running {
  boost::asio::io_context io{1};
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work = boost::asio::make_work_guard(io);
  std::shared_ptr<store::MailStore> store;
  std::shared_ptr<FakeCertificates> certificates;
  std::vector<std::shared_ptr<TcpFake>> fakes;
  std::shared_ptr<smtp::ReceivedMail> received;
  std::shared_ptr<dns::DnsFake> dns;
  std::thread thread;
  bool stopped = false;

  // Runs `work` on the fakes' thread and waits for its result.
  template <class Work>
  auto on_fakes_thread(Work job) -> decltype(job()) {
    std::packaged_task<decltype(job())()> task(std::move(job));
    auto result = task.get_future();
    boost::asio::post(io, [&task] { task(); });
    return result.get();
  }
};

namespace {

// The suite's shared settings over a fake's own server options.
void apply_shared(const FakeSuiteOptions& options, const std::string& protocol, TcpFakeOptions& server,
                  bool own_configuration) {
  server.protocol = protocol;
  if (server.listen.empty()) {
    if (auto listen = options.listen.find(protocol); listen != options.listen.end()) server.listen = listen->second;
  }
  if (!own_configuration) {
    server.tls = options.tls;
    server.timeouts = options.timeouts;
  }
  server.log = options.log;
  server.log_transcripts = options.log_transcripts;
}

Expected<std::shared_ptr<TcpFake>, std::string> start_one(const std::string& protocol, FakeSuite::Running& running,
                                                          const FakeSuiteOptions& options) {
  const auto executor = running.io.get_executor();
  if (protocol == "smtp") {
    smtp::SmtpFakeConfig config = options.smtp.value_or(smtp::SmtpFakeConfig{});
    if (!options.smtp) config.accept_any_recipient = options.accept_any_recipient;
    apply_shared(options, protocol, config.server, options.smtp.has_value());
    if (!config.received) config.received = std::make_shared<smtp::ReceivedMail>();
    running.received = config.received;
    return smtp::start_smtp_fake(executor, std::move(config), running.store, running.certificates);
  }
  if (protocol == "pop3") {
    pop3::Pop3FakeConfig config = options.pop3.value_or(pop3::Pop3FakeConfig{});
    apply_shared(options, protocol, config.server, options.pop3.has_value());
    return pop3::start_pop3_fake(executor, std::move(config), running.store, running.certificates);
  }
  if (protocol == "imap") {
    imap::ImapFakeConfig config = options.imap.value_or(imap::ImapFakeConfig{});
    apply_shared(options, protocol, config.server, options.imap.has_value());
    return imap::start_imap_fake(executor, std::move(config), running.store, running.certificates);
  }
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
  if (options.seed) {
    if (auto seeded = options.seed(*running.store); !seeded) return "cannot fill the mail store: " + seeded.error();
  }
  auto certificates = FakeCertificates::create();
  if (!certificates) return certificates.error();
  running.certificates = *certificates;

  auto directory = make_private_directory();
  if (!directory) return directory.error();
  suite->directory_ = *directory;
  suite->ca_file_ = suite->directory_ / "ca.pem";
  if (auto written = running.certificates->write_trusted_ca(suite->ca_file_); !written) return written.error();

  std::set<std::string> protocols = options.protocols;
  if (options.smtp) protocols.insert("smtp");
  if (options.pop3) protocols.insert("pop3");
  if (options.imap) protocols.insert("imap");
  // Listeners open before the thread runs the io_context, so the ports are
  // known when start() returns and no member is touched from two threads.
  for (const std::string& protocol : protocols) {
    auto fake = start_one(protocol, running, options);
    if (!fake) return fake.error();
    for (const BoundEndpoint& bound : (*fake)->endpoints()) suite->endpoints_.push_back(bound);
    running.fakes.push_back(std::move(*fake));
  }
  if (options.dns) {
    dns::DnsFakeConfig config = *options.dns;
    if (!config.log) config.log = options.log;
    auto dns = dns::DnsFake::start(running.io.get_executor(), std::move(config));
    if (!dns) return dns.error();
    running.dns = *dns;
  }
  running.thread = std::thread([&io = running.io] { io.run(); });
  return suite;
}

const BoundEndpoint* FakeSuite::endpoint(std::string_view service) const {
  for (const BoundEndpoint& bound : endpoints_) {
    if (bound.service == service) return &bound;
  }
  return nullptr;
}

Expected<void, std::string> FakeSuite::write_ca(const std::filesystem::path& file) const {
  return running_->certificates->write_trusted_ca(file);
}

void FakeSuite::stop(std::chrono::milliseconds grace) {
  if (!running_ || running_->stopped) return;
  Running& running = *running_;
  running.stopped = true;
  if (!running.thread.joinable()) {
    for (auto& fake : running.fakes) fake->stop();
    if (running.dns) running.dns->stop();
    return;
  }
  const auto deadline = std::chrono::steady_clock::now() + grace;
  auto busy = [&running] {
    return running.on_fakes_thread([&running] {
      for (const auto& fake : running.fakes) {
        if (fake->active_connections() > 0) return true;
      }
      return false;
    });
  };
  while (std::chrono::steady_clock::now() < deadline && busy()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  running.on_fakes_thread([&running] {
    for (auto& fake : running.fakes) fake->stop();
    if (running.dns) running.dns->stop();
  });
  running.work.reset();
  // stop() force-closed every live connection, so the sessions end and the
  // io_context runs dry.
  running.thread.join();
}

std::vector<FakeRecords> FakeSuite::records() const {
  std::vector<FakeRecords> all;
  for (const auto& fake : running_->fakes) {
    FakeRecords records;
    records.protocol = fake->options().protocol;
    records.connections.assign(fake->connections().begin(), fake->connections().end());
    if (records.protocol == "smtp") records.received = running_->received;
    all.push_back(std::move(records));
  }
  return all;
}

std::uint16_t FakeSuite::dns_port() const { return running_->dns ? running_->dns->port() : 0; }

std::vector<dns::QueryRecord> FakeSuite::dns_queries() const {
  return running_->dns ? running_->dns->queries() : std::vector<dns::QueryRecord>{};
}

const store::MailStore& FakeSuite::store() const { return *running_->store; }

FakeSuite::~FakeSuite() {
  stop();
  if (running_) {
    running_->fakes.clear();
    running_->dns.reset();
  }
  std::error_code ignored;
  if (!directory_.empty()) std::filesystem::remove_all(directory_, ignored);
}

}  // namespace conformance::fakes
