// The `dns:` section (docs/fakes/dns.md): the DNS fake's records and its
// scripted behaviour per name.
//
//   dns:
//     zone: example.test            # apex of the SOA sent with NXDOMAIN/NODATA
//     default_zone: false           # true: start from the documented zone (the default with no records)
//     records:
//       - {name: example.test, type: MX, value: "10 mail.example.test"}
//       - {name: _25._tcp.mail.example.test, type: TLSA, value: "3 1 1 ab12...", authenticated: true}
//     behaviour:
//       - {name: flaky.example.test, rcode: SERVFAIL, times: 2}
//       - {name: slow.example.test, latency: 800ms}
//       - {name: gone.example.test, drop: true}
//       - {name: big.example.test, truncate_udp: true}
#pragma once

#include "fakes/dns/zone.hpp"
#include "harness/scenario/source.hpp"

#include <yaml-cpp/yaml.h>

#include <string>

namespace conformance::fakes::config {

dns::Zone read_dns_zone(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics);

}  // namespace conformance::fakes::config
