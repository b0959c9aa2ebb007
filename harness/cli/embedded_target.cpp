#include "harness/cli/embedded_target.hpp"

#include "harness/codec/common/base64.hpp"

#include <openssl/rand.h>
#include <unistd.h>

#include <algorithm>
#include <array>

namespace conformance::cli {
namespace {

constexpr int kUsers = 8;  // as many as the bundled Dovecot setup: POP3 scenarios lease users exclusively
constexpr const char* kDomain = "example.test";

std::string random_password() {
  std::array<unsigned char, 18> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) return "fallback-" + std::to_string(::getpid());
  std::string password = codec::base64_encode(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  std::replace(password.begin(), password.end(), '/', '-');
  std::replace(password.begin(), password.end(), '+', '_');
  return password;
}

// The URL scheme a client would use for a fake's service.
std::string scheme_of(const std::string& service) { return service == "submissions" ? "smtps" : service; }

}  // namespace

Expected<EmbeddedTarget, std::string> start_embedded_target(const std::set<std::string>& protocols) {
  const auto available = fakes::available_fakes();
  for (const std::string& protocol : protocols) {
    if (std::find(available.begin(), available.end(), protocol) == available.end())
      return "no built-in fake for " + protocol + " scenarios in this build; give the server with --target";
  }
  const std::string password = random_password();
  fakes::FakeSuiteOptions options;
  options.protocols = protocols;
  // Scenario fixtures are created over IMAP (APPEND) whatever the
  // scenario's protocol, so the IMAP fake comes along when there is one.
  if (std::find(available.begin(), available.end(), "imap") != available.end()) options.protocols.insert("imap");
  options.store.domain = kDomain;
  options.seed = [&password](fakes::store::MailStore& store) -> Expected<void, std::string> {
    for (int i = 1; i <= kUsers; ++i) {
      const std::string name = "user" + std::to_string(i);
      if (!store.add_user({name, password, {name + "@" + kDomain}})) return "cannot add user " + name;
    }
    return {};
  };
  auto suite = fakes::FakeSuite::start(std::move(options));
  if (!suite) return "cannot start the built-in fakes: " + suite.error();

  EmbeddedTarget embedded;
  engine::Target& target = embedded.target;
  target.name = "built-in fakes";
  target.host = "127.0.0.1";
  target.server_name = "localhost";  // the fakes' leaf names localhost, 127.0.0.1 and ::1
  target.domain = kDomain;
  target.ca_file = (*suite)->ca_file().string();
  for (const fakes::BoundEndpoint& bound : (*suite)->endpoints()) {
    const std::string url =
        scheme_of(bound.service) + "://127.0.0.1:" + std::to_string(bound.endpoint.port());
    auto endpoint = engine::parse_endpoint_url(url);
    if (!endpoint) return "internal error: built-in fake endpoint " + url + ": " + endpoint.error();
    endpoint->key = bound.service;
    target.endpoints[bound.service] = std::move(*endpoint);
  }
  for (int i = 1; i <= kUsers; ++i) {
    const std::string name = "user" + std::to_string(i);
    target.users.push_back({name, password, name + "@" + kDomain});
  }
  embedded.fakes = std::move(*suite);
  return embedded;
}

}  // namespace conformance::cli
