#include "harness/engine/target.hpp"

#include "harness/scenario/yaml_fields.hpp"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace conformance::engine {

namespace {

struct SchemeInfo {
  std::string_view scheme;
  std::string_view key;
  scenario::Protocol protocol;
  std::uint16_t default_port;
  bool implicit_tls;
};

constexpr SchemeInfo kSchemes[] = {
    {"smtp", "smtp", scenario::Protocol::smtp, 25, false},
    {"submission", "submission", scenario::Protocol::smtp, 587, false},
    {"smtps", "submissions", scenario::Protocol::smtp, 465, true},
    {"submissions", "submissions", scenario::Protocol::smtp, 465, true},
    {"pop3", "pop3", scenario::Protocol::pop3, 110, false},
    {"pop3s", "pop3s", scenario::Protocol::pop3, 995, true},
    {"imap", "imap", scenario::Protocol::imap, 143, false},
    {"imaps", "imaps", scenario::Protocol::imap, 993, true},
};

const SchemeInfo* find_scheme(std::string_view scheme) {
  for (const auto& info : kSchemes) {
    if (info.scheme == scheme) return &info;
  }
  return nullptr;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

Expected<Endpoint, std::string> parse_endpoint_url(std::string_view url) {
  Endpoint endpoint;
  endpoint.url = std::string(url);
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string("expected SCHEME://HOST[:PORT], e.g. imap://127.0.0.1:143");
  const auto* info = find_scheme(url.substr(0, scheme_end));
  if (!info) {
    return "unknown scheme '" + std::string(url.substr(0, scheme_end)) +
           "' (known: smtp, submission, smtps, submissions, pop3, pop3s, imap, imaps)";
  }
  endpoint.key = std::string(info->key);
  endpoint.protocol = info->protocol;
  endpoint.implicit_tls = info->implicit_tls;
  endpoint.port = info->default_port;

  std::string_view rest = url.substr(scheme_end + 3);
  std::string_view query;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (rest.find('/') != std::string_view::npos) return std::string("a target URL has no path");
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    std::string_view userinfo = rest.substr(0, at);
    if (userinfo.find(':') != std::string_view::npos) {
      return std::string("passwords do not go in URLs (they end up in shell history and CI logs); use --password-env");
    }
    endpoint.user = std::string(userinfo);
    rest = rest.substr(at + 1);
  }
  std::string_view host = rest;
  std::string_view port;
  if (!rest.empty() && rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) return std::string("unterminated [IPv6] host");
    host = rest.substr(1, close - 1);
    std::string_view after = rest.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::string("expected ':' after ]");
      port = after.substr(1);
    }
  } else if (auto colon = rest.rfind(':'); colon != std::string_view::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  if (host.empty()) return std::string("the URL has no host");
  endpoint.host = std::string(host);
  if (!port.empty()) {
    unsigned value = 0;
    auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || ptr != port.data() + port.size() || value == 0 || value > 65535) {
      return "bad port '" + std::string(port) + "'";
    }
    endpoint.port = static_cast<std::uint16_t>(value);
  }
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    auto eq = pair.find('=');
    std::string_view name = pair.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    if (name == "starttls") {
      if (value == "required") {
        if (endpoint.implicit_tls) return std::string("starttls=required makes no sense with implicit TLS");
        endpoint.starttls_required = true;
      } else if (value == "no" || value == "optional") {
        endpoint.starttls_required = false;
      } else {
        return "starttls must be required, optional or no, not '" + std::string(value) + "'";
      }
    } else {
      return "unknown URL parameter '" + std::string(name) + "' (known: starttls)";
    }
  }
  return endpoint;
}

const Deviation* Target::deviation_for(std::string_view scenario_id) const {
  return find_deviation(deviations, scenario_id);
}

std::string Target::describe() const {
  std::string urls;
  for (const auto& [key, endpoint] : endpoints) urls += (urls.empty() ? "" : ", ") + endpoint.url;
  if (name.empty() || urls.empty()) return name.empty() ? urls : name;
  return name + " (" + urls + ")";
}

namespace {

// ${env.NAME} from the environment; anything else is left for scenarios.
std::optional<std::string> expand_environment(const std::string& text, std::string& missing) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 6, "${env.") == 0) {
      const auto close = text.find('}', i);
      if (close == std::string::npos) {
        missing = text.substr(i);
        return std::nullopt;
      }
      const std::string name = text.substr(i + 6, close - i - 6);
      const char* value = std::getenv(name.c_str());
      if (!value) {
        missing = name;
        return std::nullopt;
      }
      out += value;
      i = close + 1;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace

Expected<Target, scenario::Diagnostics> load_target_text(std::string_view yaml, const std::string& path) {
  scenario::Diagnostics diagnostics;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& error) {
    diagnostics.push_back(scenario::Diagnostic{
        scenario::SourceLocation{path, error.mark.line + 1, error.mark.column + 1}, "YAML: " + error.msg});
    return diagnostics;
  }
  const std::filesystem::path base = std::filesystem::path(path).parent_path();
  Target target;
  scenario::Fields fields(root, path, diagnostics, "target file");

  auto env_string = [&](const YAML::Node& node, const std::string& what) -> std::optional<std::string> {
    auto text = scenario::scalar_string(node, path, diagnostics, what);
    if (!text) return std::nullopt;
    std::string missing;
    auto expanded = expand_environment(*text, missing);
    if (!expanded) {
      diagnostics.push_back(
          scenario::Diagnostic{scenario::location_of(node, path), "environment variable " + missing + " is not set"});
    }
    return expanded;
  };
  auto resolve = [&](const std::string& file) {
    std::filesystem::path p(file);
    return (p.is_absolute() || base.empty() ? p : base / p).string();
  };

  if (auto name = fields.string("name")) target.name = *name;
  if (auto node = fields.get("host"); node.IsDefined()) target.host = env_string(node, "'host'").value_or("");
  if (auto node = fields.get("server_name"); node.IsDefined()) {
    target.server_name = env_string(node, "'server_name'").value_or("");
  }
  if (auto node = fields.get("ca_file"); node.IsDefined()) {
    if (auto file = env_string(node, "'ca_file'")) target.ca_file = resolve(*file);
  }
  if (auto insecure = fields.boolean("insecure")) target.insecure = *insecure;
  if (auto domain = fields.string("domain")) target.domain = *domain;

  YAML::Node endpoints = fields.get("endpoints");
  if (endpoints.IsDefined()) {
    scenario::Fields entries(endpoints, path, diagnostics, "endpoints");
    for (std::string_view key : {"smtp", "submission", "submissions", "pop3", "pop3s", "imap", "imaps"}) {
      YAML::Node url_node = entries.get(key);
      if (!url_node.IsDefined()) continue;
      auto url = env_string(url_node, "'" + std::string(key) + "'");
      if (!url) continue;
      auto endpoint = parse_endpoint_url(*url);
      if (!endpoint) {
        entries.error(url_node, endpoint.error());
        continue;
      }
      if (endpoint->key != key) {
        entries.error(url_node, "a " + endpoint->key + " URL under '" + std::string(key) + "'");
        continue;
      }
      target.endpoints[std::string(key)] = std::move(endpoint.value());
    }
    entries.finish();
  }

  YAML::Node users = fields.get("users");
  if (users.IsDefined()) {
    if (!users.IsSequence()) {
      fields.error(users, "'users' must be a list");
    } else {
      for (const auto& user_node : users) {
        scenario::Fields user(user_node, path, diagnostics, "user");
        TargetUser entry;
        if (auto name = user.required_string("name")) entry.name = *name;
        const bool has_password = user.has("password"), has_env = user.has("password_env"),
                   has_file = user.has("password_file");
        if (int(has_password) + int(has_env) + int(has_file) != 1) {
          user.error(user_node, "a user needs exactly one of password, password_env, password_file");
        }
        if (auto password = user.string("password")) entry.password = *password;
        if (auto variable = user.string("password_env")) {
          const char* value = std::getenv(variable->c_str());
          if (!value) {
            user.error(user.get("password_env"), "environment variable " + *variable + " is not set");
          } else {
            entry.password = value;
          }
        }
        if (auto node = user.get("password_file"); node.IsDefined()) {
          if (auto file = env_string(node, "'password_file'")) {
            auto text = read_file(resolve(*file));
            if (!text) {
              user.error(node, "cannot read password file " + resolve(*file));
            } else {
              while (!text->empty() && (text->back() == '\n' || text->back() == '\r')) text->pop_back();
              entry.password = *text;
            }
          }
        }
        if (auto address = user.string("address")) entry.address = *address;
        user.finish();
        target.users.push_back(std::move(entry));
      }
    }
  }

  if (YAML::Node deviations = fields.get("deviations"); deviations.IsDefined()) {
    target.deviations = read_deviations(deviations, path, diagnostics);
  }
  fields.finish();

  if (target.endpoints.empty() && diagnostics.empty()) {
    diagnostics.push_back(scenario::Diagnostic{scenario::location_of(root, path), "the target has no endpoints"});
  }
  for (auto& user : target.users) {
    if (user.address.empty()) user.address = user.name + "@" + target.domain;
  }
  if (target.host.empty() && !target.endpoints.empty()) target.host = target.endpoints.begin()->second.host;
  if (!diagnostics.empty()) return diagnostics;
  return target;
}

Expected<Target, scenario::Diagnostics> load_target_file(const std::string& path) {
  auto text = read_file(path);
  if (!text) {
    return scenario::Diagnostics{scenario::Diagnostic{scenario::SourceLocation{path, 0, 0}, "cannot read the file"}};
  }
  return load_target_text(*text, path);
}

EndpointChoice choose_endpoint(const Target& target, scenario::Protocol protocol, scenario::Service service,
                               scenario::TlsMode tls) {
  std::string plain_key, tls_key;
  switch (protocol) {
    case scenario::Protocol::imap:
      plain_key = "imap", tls_key = "imaps";
      break;
    case scenario::Protocol::pop3:
      plain_key = "pop3", tls_key = "pop3s";
      break;
    case scenario::Protocol::smtp:
      if (service == scenario::Service::submission) {
        plain_key = "submission", tls_key = "submissions";
      } else {
        plain_key = "smtp";  // relay over implicit TLS is not a standard service
      }
      break;
  }
  auto find = [&](const std::string& key) -> const Endpoint* {
    if (key.empty()) return nullptr;
    auto it = target.endpoints.find(key);
    return it == target.endpoints.end() ? nullptr : &it->second;
  };
  EndpointChoice choice;
  switch (tls) {
    case scenario::TlsMode::implicit:
      choice.endpoint = find(tls_key);
      choice.implicit_tls = true;
      if (!choice.endpoint) choice.missing = tls_key.empty() ? "an implicit-TLS " + plain_key + " service" : tls_key;
      break;
    case scenario::TlsMode::plain:
    case scenario::TlsMode::starttls:
      choice.endpoint = find(plain_key);
      choice.starttls = tls == scenario::TlsMode::starttls;
      if (!choice.endpoint) choice.missing = plain_key;
      break;
    case scenario::TlsMode::target_default:
      if (const Endpoint* plain = find(plain_key)) {
        choice.endpoint = plain;
        choice.starttls = plain->starttls_required;
      } else if (const Endpoint* implicit = find(tls_key)) {
        choice.endpoint = implicit;
        choice.implicit_tls = true;
      } else {
        choice.missing = plain_key + (tls_key.empty() ? "" : " or " + tls_key);
      }
      break;
  }
  return choice;
}

bool glob_match(std::string_view pattern, std::string_view text) {
  // Iterative '*' / '?' matching with one backtrack point: linear enough for ids.
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p, ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace conformance::engine
