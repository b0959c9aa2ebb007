// The server under test: where each service listens, how to trust its
// certificate, which users to log in as and which scenarios it is known to
// fail on purpose. Built from --target URLs and the command line, or from a
// target file (YAML, docs/target-file.md).
#pragma once

#include "harness/common/expected.hpp"
#include "harness/engine/deviation.hpp"
#include "harness/scenario/scenario.hpp"
#include "harness/scenario/source.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace conformance::engine {

// One service endpoint, from a URL such as "imap://127.0.0.1:10143?starttls=required".
struct Endpoint {
  std::string url;          // as written (no secrets: URLs with passwords are refused)
  std::string key;          // which service: imap imaps pop3 pop3s smtp submission submissions
  scenario::Protocol protocol = scenario::Protocol::imap;
  std::string host;
  std::uint16_t port = 0;
  bool implicit_tls = false;
  bool starttls_required = false;  // ?starttls=required: default connections upgrade first
  std::string user;                // from "imap://user@host"
};

// Parses an endpoint URL. Schemes: smtp (25), submission (587), smtps and
// submissions (465, RFC 8314), pop3 (110), pop3s (995), imap (143),
// imaps (993). Query: starttls=required|no. IPv6 hosts in brackets.
Expected<Endpoint, std::string> parse_endpoint_url(std::string_view url);

struct TargetUser {
  std::string name;
  std::string password;  // never printed
  std::string address;   // mail address; default name@domain
};

struct Target {
  std::string name;          // for reports
  std::string host;          // ${host}
  std::string server_name;   // TLS host-name check and SNI; default: the endpoint's host
  std::string ca_file;       // empty: the system store
  bool insecure = false;     // do not reject a certificate that fails verification
  std::string domain = "localhost";
  std::map<std::string, Endpoint> endpoints;  // by Endpoint::key
  std::vector<TargetUser> users;
  std::vector<Deviation> deviations;

  // The deviation covering `scenario_id`, if any.
  const Deviation* deviation_for(std::string_view scenario_id) const;
  // "name (imap://..., imaps://...)" with no secrets.
  std::string describe() const;
};

// Reads a target file. `${env.NAME}` in values expands from the environment;
// relative file paths are relative to the target file. Errors: file:line:col.
Expected<Target, scenario::Diagnostics> load_target_file(const std::string& path);
Expected<Target, scenario::Diagnostics> load_target_text(std::string_view yaml, const std::string& path);

// Which endpoint a connection of `protocol` with `tls` and `service` uses,
// and whether it then upgrades with STARTTLS. Null endpoint: the target has
// none for it (the scenario is skipped, with `missing` naming what is missing).
struct EndpointChoice {
  const Endpoint* endpoint = nullptr;
  bool implicit_tls = false;
  bool starttls = false;
  std::string missing;
};
EndpointChoice choose_endpoint(const Target& target, scenario::Protocol protocol, scenario::Service service,
                               scenario::TlsMode tls);

bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace conformance::engine
