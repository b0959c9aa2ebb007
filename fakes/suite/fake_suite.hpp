// The built-in fakes started together over one mail store and one
// throwaway CA, on a thread of their own: what `conformance run` uses when
// no --target is given (server scenarios) and for each client-under-test
// scenario, and what `conformance fake` runs standalone.
#pragma once

#include "fakes/common/tcp_fake.hpp"
#include "fakes/dns/dns_fake.hpp"
#include "fakes/imap/imap_fake.hpp"
#include "fakes/pop3/pop3_fake.hpp"
#include "fakes/smtp/smtp_fake.hpp"
#include "fakes/store/mail_store.hpp"
#include "harness/common/expected.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace conformance::fakes {

// The protocols this build has a fake for ("smtp", "pop3", "imap").
std::vector<std::string> available_fakes();

struct FakeSuiteOptions {
  // Fakes started with their defaults and the shared settings below.
  std::set<std::string> protocols;
  // Fakes started from a full configuration of their own (a client
  // scenario's or --config's TLS, faults and options); the shared log
  // settings are applied to them, and an empty server.listen gets the
  // protocol's usual services on ephemeral loopback ports.
  std::optional<smtp::SmtpFakeConfig> smtp;
  std::optional<pop3::Pop3FakeConfig> pop3;
  std::optional<imap::ImapFakeConfig> imap;
  // The DNS fake, when wanted (its log goes to `log` too).
  std::optional<dns::DnsFakeConfig> dns;

  // Fills the store before the fakes start (users, messages).
  std::function<Expected<void, std::string>(store::MailStore&)> seed;
  store::StoreOptions store;
  // Per protocol: the ports to listen on (empty: the protocol's usual
  // services on 127.0.0.1, ephemeral ports).
  std::map<std::string, std::vector<ListenSpec>> listen;
  FakeTlsSettings tls;
  FakeTimeouts timeouts;
  LogSink log;
  bool log_transcripts = false;
  // SMTP only: accept mail for any recipient (standalone default), instead
  // of local users only with relaying refused (what the scenarios check).
  bool accept_any_recipient = false;
};

// What one fake saw, read after FakeSuite::stop().
struct FakeRecords {
  std::string protocol;
  std::vector<ConnectionRecord> connections;
  std::shared_ptr<const smtp::ReceivedMail> received;  // SMTP only
};

class FakeSuite {
 public:
  static Expected<std::unique_ptr<FakeSuite>, std::string> start(FakeSuiteOptions options);
  ~FakeSuite();  // stops the fakes (if stop() was not called), removes the CA file

  const std::vector<BoundEndpoint>& endpoints() const { return endpoints_; }
  // The first endpoint of a service ("imaps"), or null.
  const BoundEndpoint* endpoint(std::string_view service) const;
  // The run's CA certificate, written to a private temporary directory.
  const std::filesystem::path& ca_file() const { return ca_file_; }
  // Copies the CA certificate to `file` (for --ca-out).
  Expected<void, std::string> write_ca(const std::filesystem::path& file) const;

  // Waits until no client is connected (at most `grace`), so sessions a
  // client just left finish recording; then stops the fakes and joins their
  // thread. After this the records and the store may be read.
  void stop(std::chrono::milliseconds grace = std::chrono::milliseconds(0));
  std::vector<FakeRecords> records() const;
  // The DNS fake's port (UDP and TCP), or 0 when there is none.
  std::uint16_t dns_port() const;
  std::vector<dns::QueryRecord> dns_queries() const;
  const store::MailStore& store() const;

  struct Running;  // the io_context, its thread and the fakes on it

 private:
  FakeSuite() = default;
  std::unique_ptr<Running> running_;
  std::vector<BoundEndpoint> endpoints_;
  std::filesystem::path directory_;
  std::filesystem::path ca_file_;
};

}  // namespace conformance::fakes
