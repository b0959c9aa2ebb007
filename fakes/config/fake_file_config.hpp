// The whole configuration of a set of fakes, as a fake config file
// (`conformance fake <p> --config FILE`) or a client-under-test scenario
// writes it (docs/fakes/config.md):
//
//   store: {...}                 # users, mailboxes, messages (store_yaml.hpp)
//   tls: {...}                   # defaults for every fake (tls_yaml.hpp)
//   fakes:
//     smtp: {tls: {...}, faults: [...], timeouts: {idle: 5m}, options: {...}}
//     imap: {}
//   dns: {records: [...], behaviour: [...]}   # the DNS fake's zone (dns_zone_yaml.hpp)
//
// Every mistake is a file:line:col diagnostic, all of a file's at once.
#pragma once

#include "fakes/config/store_yaml.hpp"
#include "fakes/common/fake_tls.hpp"
#include "fakes/common/fault_plan.hpp"
#include "fakes/common/tcp_fake.hpp"
#include "harness/common/expected.hpp"
#include "harness/scenario/source.hpp"
#include "harness/scenario/yaml_fields.hpp"

#include "fakes/smtp/smtp_fake.hpp"
#include "fakes/pop3/pop3_fake.hpp"
#include "fakes/imap/imap_fake.hpp"
#include "fakes/dns/zone.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::fakes::config {

// The protocols a `fakes:` section may name in this build.
std::vector<std::string> configurable_fakes();

struct FakeFileConfig {
  StoreSeed store;
  FakeTlsSettings tls;  // the top-level defaults; each fake's server.tls starts from them
  // A fake is present when the file has a section for it (an empty one
  // starts it with its defaults). Each carries server.tls, server.faults
  // and server.timeouts from the file; server.listen is left empty.
  std::optional<smtp::SmtpFakeConfig> smtp;
  std::optional<pop3::Pop3FakeConfig> pop3;
  std::optional<imap::ImapFakeConfig> imap;
  std::optional<dns::Zone> dns;  // a `dns:` section was given

  // "smtp", "pop3", "imap" (and "dns"), for those configured.
  std::vector<std::string> protocols() const;
  // The TCP fake options of one protocol's section, or null.
  const TcpFakeOptions* server_options(std::string_view protocol) const;
};

// Reads `store`, `tls`, `fakes` and `dns` of the mapping `fields` reads
// (a config file's root, or a client scenario's), leaving its other keys to
// the caller. Diagnostics go to fields.diagnostics().
FakeFileConfig read_fake_sections(scenario::Fields& fields);

// A fake config file. Relative file names in it are relative to its folder.
Expected<FakeFileConfig, scenario::Diagnostics> load_fake_config_text(std::string_view yaml, const std::string& file);
Expected<FakeFileConfig, scenario::Diagnostics> load_fake_config_file(const std::string& path);

}  // namespace conformance::fakes::config
