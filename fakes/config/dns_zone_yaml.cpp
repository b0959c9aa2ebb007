#include "fakes/config/dns_zone_yaml.hpp"

#include "fakes/config/yaml_support.hpp"
#include "harness/codec/dns/presentation_parse.hpp"
#include "harness/scenario/yaml_fields.hpp"

namespace conformance::fakes::config {
namespace {

namespace codec = conformance::codec::dns;
using scenario::Fields;

constexpr std::int64_t kMaxTtl = 2147483647;  // RFC 2181 §8

std::optional<codec::DomainName> name_field(Fields& fields, std::string_view key) {
  const YAML::Node node = fields.get(key);
  auto text = fields.required_string(key);
  if (!text) return std::nullopt;
  auto name = codec::DomainName::from_text(*text);
  if (!name) {
    fields.error(node, "'" + *text + "' is not a domain name: " + name.error().message());
    return std::nullopt;
  }
  return *name;
}

std::optional<dns::ZoneRecord> read_record(const YAML::Node& node, const std::string& file,
                                           scenario::Diagnostics& diagnostics) {
  Fields fields(node, file, diagnostics, "a DNS record");
  if (!fields.ok()) return std::nullopt;
  const std::size_t errors_before = diagnostics.size();
  dns::ZoneRecord entry;
  auto owner = name_field(fields, "name");
  const YAML::Node type_node = fields.get("type");
  auto type_text = fields.required_string("type");
  std::optional<codec::RecordType> type;
  if (type_text) {
    auto parsed = codec::record_type_from_text(*type_text);
    if (parsed) {
      type = *parsed;
    } else {
      fields.error(type_node, "'" + *type_text + "' is not a record type (A, AAAA, MX, TXT, PTR, CNAME, TLSA, SOA, "
                                                 "NS, SRV or TYPEnnn)");
    }
  }
  const YAML::Node value_node = fields.get("value");
  auto value = fields.required_string("value");
  if (type && value) {
    auto rdata = codec::rdata_from_text(*type, *value);
    if (rdata) {
      entry.record.rdata = std::move(*rdata);
    } else {
      fields.error(value_node, "'" + *value + "' is not " + codec::to_text(*type) + " data: " +
                                   rdata.error().message());
    }
  }
  if (auto ttl = fields.integer("ttl", 0, kMaxTtl)) {
    entry.record.ttl = static_cast<std::uint32_t>(*ttl);
  } else {
    entry.record.ttl = 300;
  }
  entry.authenticated = fields.boolean("authenticated").value_or(false);
  fields.finish();
  if (!owner || diagnostics.size() != errors_before) return std::nullopt;
  entry.record.name = *owner;
  return entry;
}

std::optional<dns::NameBehaviour> read_behaviour(const YAML::Node& node, const std::string& file,
                                                 scenario::Diagnostics& diagnostics) {
  Fields fields(node, file, diagnostics, "a DNS behaviour");
  if (!fields.ok()) return std::nullopt;
  const std::size_t errors_before = diagnostics.size();
  dns::NameBehaviour behaviour;
  auto owner = name_field(fields, "name");
  if (auto rcode = fields.choice("rcode", {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED"})) {
    static const std::map<std::string, codec::Rcode> codes = {
        {"NOERROR", codec::Rcode::no_error}, {"FORMERR", codec::Rcode::form_err}, {"SERVFAIL", codec::Rcode::serv_fail},
        {"NXDOMAIN", codec::Rcode::nx_domain}, {"NOTIMP", codec::Rcode::not_imp}, {"REFUSED", codec::Rcode::refused}};
    behaviour.rcode = codes.at(*rcode);
  }
  if (auto latency = duration_field(fields, "latency")) behaviour.latency = *latency;
  behaviour.drop = fields.boolean("drop").value_or(false);
  behaviour.truncate_udp = fields.boolean("truncate_udp").value_or(false);
  if (auto times = fields.integer("times", 0, 1'000'000)) behaviour.times = static_cast<std::uint32_t>(*times);
  fields.finish();
  if (!owner || diagnostics.size() != errors_before) return std::nullopt;
  if (!behaviour.rcode && behaviour.latency.count() == 0 && !behaviour.drop && !behaviour.truncate_udp) {
    fields.error(node, "a DNS behaviour needs something to do: rcode, latency, drop or truncate_udp");
    return std::nullopt;
  }
  behaviour.name = *owner;
  return behaviour;
}

}  // namespace

dns::Zone read_dns_zone(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics) {
  if (node.IsNull()) return dns::default_zone();  // `dns:` alone: the documented zone
  Fields fields(node, file, diagnostics, "dns");
  if (!fields.ok()) return dns::default_zone();
  codec::DomainName apex = codec::DomainName::from_text("example.test").value();
  if (fields.has("zone")) {
    if (auto name = name_field(fields, "zone")) apex = *name;
  }
  const YAML::Node records = fields.get("records");
  const bool start_from_default = fields.boolean("default_zone").value_or(!records.IsDefined());
  dns::Zone zone = start_from_default ? dns::default_zone() : dns::Zone{};
  if (!start_from_default || fields.has("zone")) zone.default_soa = dns::soa_for(apex);
  if (records.IsDefined()) {
    if (!records.IsSequence()) {
      fields.error(records, "'records' must be a list of {name, type, value}, not " + scenario::describe_kind(records));
    } else {
      for (const auto& item : records) {
        if (auto record = read_record(item, file, diagnostics)) zone.records.push_back(std::move(*record));
      }
    }
  }
  const YAML::Node behaviours = fields.get("behaviour");
  if (behaviours.IsDefined()) {
    if (!behaviours.IsSequence()) {
      fields.error(behaviours, "'behaviour' must be a list of {name, ...}, not " + scenario::describe_kind(behaviours));
    } else {
      for (const auto& item : behaviours) {
        if (auto behaviour = read_behaviour(item, file, diagnostics)) {
          // Scripted ones first: they win over the default zone's.
          zone.behaviours.insert(zone.behaviours.begin(), std::move(*behaviour));
        }
      }
    }
  }
  fields.finish();
  return zone;
}

}  // namespace conformance::fakes::config
