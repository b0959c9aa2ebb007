#include "harness/scenario/loader.hpp"

#include "harness/scenario/client_loader.hpp"
#include "harness/scenario/fixtures.hpp"
#include "harness/scenario/load_context.hpp"
#include "harness/scenario/steps.hpp"
#include "harness/scenario/yaml_fields.hpp"
#include "harness/scenario/yaml_guard.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

namespace conformance::scenario {

namespace {

namespace fs = std::filesystem;

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// [a-z0-9][a-z0-9._-]*
bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 128 || !is_lower_alnum(id[0])) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return is_lower_alnum(c) || c == '.' || c == '_' || c == '-'; });
}

namespace {

// [A-Za-z0-9][A-Za-z0-9_-]*, at most 32
bool is_valid_connection_name(std::string_view name) {
  auto ok = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-'; };
  return !name.empty() && name.size() <= 32 && name[0] != '_' && name[0] != '-' &&
         std::all_of(name.begin(), name.end(), ok);
}

}  // namespace

// "RFC <number>" or "RFC <number> §<section>", the section dotted letters and digits: "§6.3.2", "§A.1".
bool is_valid_citation(std::string_view text) {
  if (!text.starts_with("RFC ")) return false;
  text.remove_prefix(4);
  std::size_t digits = 0;
  while (digits < text.size() && is_digit(text[digits])) ++digits;
  if (digits == 0 || digits > 5 || text[0] == '0') return false;
  text.remove_prefix(digits);
  if (text.empty()) return true;
  constexpr std::string_view kSection = " \xC2\xA7";  // " §" in UTF-8
  if (!text.starts_with(kSection)) return false;
  text.remove_prefix(kSection.size());
  bool part_open = false;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      part_open = true;
    } else if (c == '.' && part_open) {
      part_open = false;
    } else {
      return false;
    }
  }
  return part_open;
}

namespace {

bool has_space_or_comma(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return c == ',' || std::isspace(static_cast<unsigned char>(c)) != 0; });
}

// The value of `key` as a list of (string, node), whether written as one string or a list.
std::vector<std::pair<std::string, YAML::Node>> string_items(Fields& fields, std::string_view key) {
  std::vector<std::pair<std::string, YAML::Node>> items;
  const YAML::Node value = fields.get(key);
  if (!value.IsDefined()) return items;
  const std::string what = "'" + std::string(key) + "'";
  if (value.IsScalar()) {
    items.emplace_back(value.Scalar(), value);
    return items;
  }
  if (!value.IsSequence()) {
    fields.error(value, what + " must be a string or a list of strings, not " + describe_kind(value));
    return items;
  }
  for (const auto& item : value) {
    if (auto text = scalar_string(item, fields.file(), fields.diagnostics(), what + " items")) {
      items.emplace_back(*text, item);
    }
  }
  return items;
}

class ScenarioReader {
 public:
  ScenarioReader(const std::string& file, const RulesLookup& rules, const ClientSupport* client_support,
                 Diagnostics& diagnostics)
      : rules_(rules), client_support_(client_support), context_{file, diagnostics, nullptr, "", {}} {}

  std::optional<Scenario> read(const YAML::Node& root) {
    Fields fields(root, context_.file, context_.diagnostics, "a scenario");
    if (!fields.ok()) return std::nullopt;
    Scenario scenario;
    scenario.file = context_.file;
    scenario.where = location_of(root, context_.file);

    const YAML::Node version = fields.get("version");
    if (version.IsDefined()) {
      auto text = scalar_string(version, context_.file, context_.diagnostics, "'version'");
      if (text && *text != "1") context_.error(version, "format version '" + *text + "' is not supported (only 1)");
    }
    // A client-under-test scenario has its own keys instead of steps (client_loader.cpp).
    const bool client = fields.choice("role", {"server", "client"}) == "client";
    if (!client) {
      read_protocol(fields, scenario);
      read_id(fields, scenario);
    }
    if (auto title = fields.required_string("title")) {
      if (title->find_first_not_of(" \t\r\n") == std::string::npos) {
        context_.error(fields.get("title"), "'title' is empty");
      }
      scenario.title = std::move(*title);
    }
    for (auto& [citation, node] : string_items(fields, "rfc")) {
      if (!is_valid_citation(citation)) {
        context_.error(node, "RFC citation '" + citation +
                                 "' must read 'RFC <number> §<section>' or 'RFC <number>', e.g. 'RFC 9051 §6.3.2'");
      }
      scenario.rfc.push_back(citation);
    }
    if (auto level = fields.choice("level", {"MUST", "SHOULD", "MAY"})) {
      scenario.level = *level == "MUST" ? Level::must : *level == "SHOULD" ? Level::should : Level::may;
    }
    for (auto& [tag, node] : string_items(fields, "tags")) {
      if (tag.empty() || has_space_or_comma(tag)) {
        context_.error(node, "tag '" + tag + "' must be a non-empty word without spaces or commas");
      }
      scenario.tags.push_back(tag);
    }
    if (client) {
      read_client_scenario(fields, scenario, context_, client_support_);
      fields.finish();
      return scenario;
    }
    for (auto& [capability, node] : string_items(fields, "requires")) {
      if (capability.empty() || has_space_or_comma(capability)) {
        context_.error(node, "capability '" + capability +
                                 "' must be one word as the server advertises it, such as IDLE or AUTH=PLAIN");
      }
      scenario.requires_capabilities.push_back(capability);
    }
    const std::optional<std::string> isolation = fields.choice("isolation", {"shared", "exclusive"});
    read_connections(fields, scenario);
    if (const YAML::Node fixtures = fields.get("fixtures"); fixtures.IsDefined()) {
      scenario.fixtures = read_fixtures(fixtures, context_);
    }
    const YAML::Node steps = fields.required("steps");
    if (steps.IsDefined()) scenario.steps = read_steps(steps, context_);
    fields.finish();

    scenario.exclusive_user = needs_own_user(scenario, isolation, fields.get("isolation"));
    return scenario;
  }

 private:
  void read_protocol(Fields& fields, Scenario& scenario) {
    const YAML::Node node = fields.required("protocol");
    if (!node.IsDefined()) return;
    auto name = scalar_string(node, context_.file, context_.diagnostics, "'protocol'");
    if (!name) return;
    auto protocol = protocol_from_string(*name);
    if (!protocol) {
      context_.error(node, "unknown protocol '" + *name + "' (known: smtp, pop3, imap)");
      return;
    }
    scenario.protocol = *protocol;
    protocol_known_ = true;
    context_.protocol_name = *name;
    context_.rules = rules_ ? rules_(*protocol) : nullptr;
    if (!context_.rules) context_.error(node, "no rules for protocol '" + *name + "'");
  }

  void read_id(Fields& fields, Scenario& scenario) {
    auto id = fields.required_string("id");
    if (!id) return;
    const YAML::Node node = fields.get("id");
    scenario.where = location_of(node, context_.file);  // where duplicate ids point
    if (!is_valid_id(*id)) {
      context_.error(node, "id '" + *id +
                               "' must be lower-case letters, digits, '.', '_' and '-', starting with a "
                               "letter or digit (at most 128)");
    } else if (protocol_known_ && !id->starts_with(context_.protocol_name + ".")) {
      context_.error(node, "id '" + *id + "' must start with '" + context_.protocol_name + ".'");
    }
    scenario.id = std::move(*id);
  }

  void read_connections(Fields& fields, Scenario& scenario) {
    const YAML::Node node = fields.get("connections");
    if (node.IsDefined()) {
      if (!node.IsSequence() || node.size() == 0) {
        context_.error(node, "'connections' must be a non-empty list of names such as [main, other]");
      } else {
        for (const auto& item : node) {
          auto name = scalar_string(item, context_.file, context_.diagnostics, "'connections' items");
          if (!name) continue;
          if (!is_valid_connection_name(*name)) {
            context_.error(item, "connection name '" + *name +
                                     "' must be letters, digits, '_' and '-', starting with a letter or digit");
          } else if (*name == "fixtures" || *name == "fixtures-teardown") {
            context_.error(item, "connection name '" + *name + "' is reserved for setting up fixtures");
          } else if (std::find(scenario.connections.begin(), scenario.connections.end(), *name) !=
                     scenario.connections.end()) {
            context_.error(item, "connection '" + *name + "' is declared twice");
          } else {
            scenario.connections.push_back(*name);
          }
        }
      }
    }
    if (scenario.connections.empty()) scenario.connections.push_back("main");
    context_.connections = scenario.connections;
  }

  bool needs_own_user(const Scenario& scenario, const std::optional<std::string>& isolation,
                      const YAML::Node& isolation_node) {
    const auto shared = shared_mailbox(scenario.fixtures);
    if (isolation == "exclusive") return true;
    if (isolation == "shared") {
      if (shared) {
        context_.error(isolation_node, "'isolation: shared', but the fixtures change mailbox '" + *shared +
                                           "', which other scenarios of the same user see; use ${mailbox} in the "
                                           "name or drop 'isolation'");
      }
      return false;
    }
    // POP3 locks the maildrop for a whole session (RFC 1939 §8).
    return (protocol_known_ && scenario.protocol == Protocol::pop3) || shared.has_value();
  }

  const RulesLookup& rules_;
  const ClientSupport* client_support_;
  LoadContext context_;
  bool protocol_known_ = false;
};

void sort_by_position(Diagnostics& diagnostics, std::size_t from) {
  std::stable_sort(diagnostics.begin() + static_cast<std::ptrdiff_t>(from), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
                   });
}

}  // namespace

LoadResult load_scenario_text(std::string_view yaml, const std::string& file, const RulesLookup& rules) {
  return load_scenario_text(yaml, file, rules, nullptr);
}

LoadResult load_scenario_text(std::string_view yaml, const std::string& file, const RulesLookup& rules,
                              const ClientSupport* client_support) {
  LoadResult result;
  try {
    auto root = parse_yaml_document(yaml, file, result.diagnostics);
    if (!root) return result;
    auto scenario = ScenarioReader(file, rules, client_support, result.diagnostics).read(*root);
    sort_by_position(result.diagnostics, 0);
    if (scenario && result.diagnostics.empty()) result.scenarios.push_back(std::move(*scenario));
  } catch (const std::exception& error) {
    // yaml-cpp throws on a few node operations; none should reach here, but a
    // loader must never take the program down over one file.
    result.scenarios.clear();
    result.diagnostics.push_back(Diagnostic{SourceLocation{file, 0, 0}, std::string("cannot load: ") + error.what()});
  }
  return result;
}

LoadResult load_scenario_file(const std::string& path, const RulesLookup& rules) {
  return load_scenario_file(path, rules, nullptr);
}

LoadResult load_scenario_file(const std::string& path, const RulesLookup& rules, const ClientSupport* client_support) {
  LoadResult result;
  auto fail = [&](std::string message) {
    result.diagnostics.push_back(Diagnostic{SourceLocation{path, 0, 0}, std::move(message)});
    return result;
  };
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) return fail("no such file");
  if (fs::is_directory(status)) return fail("is a folder, not a scenario file");
  if (!fs::is_regular_file(status)) return fail("is not a regular file");
  const auto size = fs::file_size(path, error);
  if (error) return fail("cannot read: " + error.message());
  if (size > kMaxScenarioFileBytes) {  // before reading it
    return fail("the file is " + std::to_string(size) + " bytes; scenario files are limited to " +
                std::to_string(kMaxScenarioFileBytes) + " bytes");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot open for reading");
  std::string text(static_cast<std::size_t>(size) + 1, '\0');  // a byte more tells a file that grew
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) return fail("cannot read");
  text.resize(static_cast<std::size_t>(in.gcount()));
  return load_scenario_text(text, path, rules, client_support);
}

}  // namespace conformance::scenario
