// `conformance fake smtp|pop3|imap|dns...`: built-in fakes, standalone, until
// SIGINT or SIGTERM, so any test suite can use it the way people use
// GreenMail or Mailpit. It prints where it listens, then one line per
// connection and each connection's transcript when it ends.
#include "fakes/config/fake_file_config.hpp"
#include "fakes/store/default_dataset.hpp"
#include "fakes/suite/fake_suite.hpp"
#include "harness/cli/commands.hpp"
#include "harness/engine/target.hpp"

#include <signal.h>

#include <algorithm>
#include <charconv>
#include <iostream>
#include <mutex>

namespace conformance::cli {
namespace {

// "127.0.0.1:2525" (the plain service of the only protocol given) or a
// URL naming the service: "imaps://127.0.0.1:9993".
Expected<fakes::ListenSpec, std::string> parse_listen(const std::vector<std::string>& protocols,
                                                      const std::string& text) {
  std::string url = text;
  if (text.find("://") == std::string::npos) {
    if (protocols.size() != 1) return "--listen " + text + ": with several protocols, give a URL (imap://HOST:PORT)";
    const auto services = fakes::default_listen_specs(protocols.front());
    if (services.empty()) return "--listen " + text + ": give a URL (imap://HOST:PORT)";
    url = services.front().service + "://" + text;
  }
  auto endpoint = engine::parse_endpoint_url(url);
  if (!endpoint) return "--listen " + text + ": " + endpoint.error();
  const std::string protocol(scenario::to_string(endpoint->protocol));
  if (std::find(protocols.begin(), protocols.end(), protocol) == protocols.end())
    return "--listen " + text + ": a " + protocol + " service, but " + protocol + " is not among the fakes started";
  boost::system::error_code error;
  auto address = boost::asio::ip::make_address(endpoint->host, error);
  if (error) return "--listen " + text + ": give an IP address, not a host name";
  fakes::ListenSpec spec;
  spec.service = endpoint->key;
  spec.endpoint = net::tcp::endpoint(address, endpoint->port);
  spec.implicit_tls = endpoint->implicit_tls;
  return spec;
}

// "127.0.0.1:5353" or "dns://127.0.0.1:5353": the DNS fake's UDP and TCP port.
Expected<net::tcp::endpoint, std::string> parse_dns_listen(const std::string& text) {
  std::string rest = text.starts_with("dns://") ? text.substr(6) : text;
  const auto colon = rest.rfind(':');
  if (colon == std::string::npos) return "--listen " + text + ": give HOST:PORT";
  std::string host = rest.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  boost::system::error_code error;
  auto address = boost::asio::ip::make_address(host, error);
  if (error) return "--listen " + text + ": give an IP address, not a host name";
  unsigned port = 0;
  const std::string digits = rest.substr(colon + 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (ec != std::errc() || end != digits.data() + digits.size() || port > 65535) return "--listen " + text + ": bad port";
  return net::tcp::endpoint(address, static_cast<std::uint16_t>(port));
}

std::optional<tls::LeafFault> parse_certificate(const std::string& name) {
  for (auto fault : {tls::LeafFault::none, tls::LeafFault::expired, tls::LeafFault::not_yet_valid,
                     tls::LeafFault::wrong_host, tls::LeafFault::self_signed, tls::LeafFault::untrusted_root}) {
    std::string spelled(tls::to_string(fault));
    std::replace(spelled.begin(), spelled.end(), '_', '-');
    if (name == spelled || (name == "valid" && fault == tls::LeafFault::none)) return fault;
  }
  return std::nullopt;
}

std::optional<fakes::StartTlsPolicy> parse_starttls(const std::string& name) {
  if (name == "offered") return fakes::StartTlsPolicy::offered;
  if (name == "not-offered") return fakes::StartTlsPolicy::not_offered;
  if (name == "refused") return fakes::StartTlsPolicy::refused;
  return std::nullopt;
}

}  // namespace

int fake_command(const FakeArguments& arguments) {
  const auto available = fakes::available_fakes();
  fakes::FakeSuiteOptions options;
  std::vector<std::string> protocols = arguments.protocols;
  std::optional<fakes::config::FakeFileConfig> config;
  if (!arguments.config_file.empty()) {
    auto loaded = fakes::config::load_fake_config_file(arguments.config_file);
    if (!loaded) {
      for (const auto& diagnostic : loaded.error()) std::cerr << diagnostic.to_string() << "\n";
      return kUsage;
    }
    config = std::move(*loaded);
    for (const std::string& protocol : config->protocols()) {
      if (std::find(protocols.begin(), protocols.end(), protocol) == protocols.end()) protocols.push_back(protocol);
    }
    // The file's sections win over the command line's TLS options.
    options.smtp = config->smtp;
    options.pop3 = config->pop3;
    options.imap = config->imap;
  }
  if (protocols.empty()) {
    std::cerr << "conformance fake: name the fakes to start (smtp, pop3, imap), or give --config with a 'fakes:' "
                 "section\n";
    return kUsage;
  }
  for (const std::string& protocol : protocols) {
    if (protocol == "dns") {
      options.dns.emplace();
      if (config && config->dns) options.dns->zone = *config->dns;
      continue;
    }
    if (std::find(available.begin(), available.end(), protocol) == available.end()) {
      std::cerr << "conformance fake: no " << protocol << " fake in this build\n";
      return kUsage;
    }
    options.protocols.insert(protocol);
  }
  for (const std::string& text : arguments.listen) {
    if (text.starts_with("dns://") || (protocols.size() == 1 && protocols.front() == "dns")) {
      auto address = parse_dns_listen(text);
      if (!address) {
        std::cerr << "conformance fake: " << address.error() << "\n";
        return kUsage;
      }
      if (!options.dns) {
        std::cerr << "conformance fake: --listen " << text << ": dns is not among the fakes started\n";
        return kUsage;
      }
      options.dns->address = address->address();
      options.dns->port = address->port();
      continue;
    }
    auto spec = parse_listen(protocols, text);
    if (!spec) {
      std::cerr << "conformance fake: " << spec.error() << "\n";
      return kUsage;
    }
    const std::string protocol(spec->service == "submission" || spec->service == "submissions" ? "smtp"
                               : spec->service == "pop3s"                                      ? "pop3"
                               : spec->service == "imaps"                                      ? "imap"
                                                                                               : spec->service);
    options.listen[protocol].push_back(*spec);
  }
  // A protocol given without --listen gets its usual services on ephemeral ports.
  auto certificate = parse_certificate(arguments.certificate);
  if (!certificate) {
    std::cerr << "conformance fake: --certificate " << arguments.certificate
              << ": one of valid, expired, not-yet-valid, wrong-host, self-signed, untrusted-root\n";
    return kUsage;
  }
  options.tls.certificate = *certificate;
  auto starttls = parse_starttls(arguments.starttls);
  if (!starttls) {
    std::cerr << "conformance fake: --starttls " << arguments.starttls << ": one of offered, not-offered, refused\n";
    return kUsage;
  }
  options.tls.starttls = *starttls;
  if (!arguments.certificate_file.empty()) options.tls.certificate_file = arguments.certificate_file;
  if (!arguments.key_file.empty()) options.tls.key_file = arguments.key_file;
  if (config) {
    options.store = fakes::config::store_options(config->store);
    options.seed = [&seed = config->store](fakes::store::MailStore& store) {
      return fakes::config::seed_store(seed, store);
    };
  } else {
    options.seed = [](fakes::store::MailStore& store) -> Expected<void, std::string> {
      fakes::store::load_default_dataset(store);
      return {};
    };
  }
  options.accept_any_recipient = !arguments.local_recipients_only;
  auto output = std::make_shared<std::mutex>();
  if (!arguments.quiet) {
    options.log = [output](std::string_view line) {
      std::lock_guard lock(*output);
      std::cout << line << (line.ends_with('\n') ? "" : "\n") << std::flush;
    };
    options.log_transcripts = true;
  }

  // Blocked before the fakes' thread starts, so it inherits the mask and
  // the signals wait for sigwait below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  const bool options_protocols_empty = options.protocols.empty() && !options.smtp && !options.pop3 && !options.imap;
  const std::string options_dns_address = options.dns ? options.dns->address.to_string() : std::string();
  auto suite = fakes::FakeSuite::start(std::move(options));
  if (!suite) {
    std::cerr << "conformance fake: " << suite.error() << "\n";
    return kUnreachable;
  }
  if (!arguments.ca_out.empty()) {
    auto written = (*suite)->write_ca(arguments.ca_out);
    if (!written) {
      std::cerr << "conformance fake: --ca-out: " << written.error() << "\n";
      return kUsage;
    }
  }
  std::string users = "alice and bob, docs/fakes/README.md";
  if (options_protocols_empty) {
    users = "none: DNS only";
  } else if (config) {
    users.clear();
    for (const auto& name : config->store.user_names()) users += (users.empty() ? "" : ", ") + name;
  }
  {
    std::lock_guard lock(*output);
    for (const fakes::BoundEndpoint& bound : (*suite)->endpoints()) {
      std::cout << "listening " << bound.service << " " << bound.endpoint.address().to_string() << ":"
                << bound.endpoint.port() << (bound.implicit_tls ? " implicit-tls" : "") << "\n";
    }
    if ((*suite)->dns_port() != 0) {
      std::cout << "listening dns " << options_dns_address << ":" << (*suite)->dns_port() << " udp+tcp\n";
    }
    std::cout << "ca-file " << (arguments.ca_out.empty() ? (*suite)->ca_file().string() : arguments.ca_out) << "\n"
              << "ready (users " << users << "; stop with SIGINT or SIGTERM)\n"
              << std::flush;
  }
  int received = 0;
  sigwait(&stop_signals, &received);
  suite->reset();
  return kPassed;
}

}  // namespace conformance::cli
