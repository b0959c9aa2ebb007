// The built-in fakes started together over one mail store and one
// throwaway CA, on a thread of their own: what `conformance run` uses when
// no --target is given, and what `conformance fake` runs standalone.
#pragma once

#include "fakes/common/tcp_fake.hpp"
#include "fakes/store/mail_store.hpp"
#include "harness/common/expected.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace conformance::fakes {

// The protocols this build has a fake for ("smtp", "pop3", "imap").
std::vector<std::string> available_fakes();

struct FakeSuiteOptions {
  std::set<std::string> protocols;  // which fakes to start
  // Fills the store before the fakes start (users, messages).
  std::function<void(store::MailStore&)> seed;
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

class FakeSuite {
 public:
  static Expected<std::unique_ptr<FakeSuite>, std::string> start(FakeSuiteOptions options);
  ~FakeSuite();  // stops the fakes, joins the thread, removes the CA file

  const std::vector<BoundEndpoint>& endpoints() const { return endpoints_; }
  // The run's CA certificate, written to a private temporary directory.
  const std::filesystem::path& ca_file() const { return ca_file_; }
  // Copies the CA certificate to `file` (for --ca-out).
  Expected<void, std::string> write_ca(const std::filesystem::path& file) const;

  struct Running;  // the io_context, its thread and the fakes on it

 private:
  FakeSuite() = default;
  std::unique_ptr<Running> running_;
  std::vector<BoundEndpoint> endpoints_;
  std::filesystem::path directory_;
  std::filesystem::path ca_file_;
};

}  // namespace conformance::fakes
