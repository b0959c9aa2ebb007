#include "harness/cli/commands.hpp"
#include "harness/cli/embedded_target.hpp"
#include "harness/engine/client_support.hpp"
#include "harness/engine/protocol.hpp"
#include "harness/engine/run_context.hpp"
#include "harness/engine/runner.hpp"
#include "harness/engine/target.hpp"
#include "harness/scenario/loader.hpp"
#include "reports/console.hpp"
#include "reports/write_reports.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <iostream>

namespace conformance::cli {

std::vector<std::string> split_commas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const auto comma = value.find(',', start);
      const std::string item = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!item.empty()) out.push_back(item);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

namespace {

void print_diagnostics(const scenario::Diagnostics& diagnostics) {
  for (const auto& diagnostic : diagnostics) std::cerr << diagnostic.to_string() << "\n";
}

std::optional<engine::Target> build_target(const RunArguments& arguments) {
  engine::Target target;
  if (!arguments.target_file.empty()) {
    auto loaded = engine::load_target_file(arguments.target_file);
    if (!loaded) {
      print_diagnostics(loaded.error());
      return std::nullopt;
    }
    target = std::move(loaded.value());
  }
  std::string url_user;
  for (const auto& url : arguments.targets) {
    auto endpoint = engine::parse_endpoint_url(url);
    if (!endpoint) {
      std::cerr << "conformance: --target " << url << ": " << endpoint.error() << "\n";
      return std::nullopt;
    }
    if (target.host.empty()) target.host = endpoint->host;
    if (url_user.empty()) url_user = endpoint->user;
    target.endpoints[endpoint->key] = std::move(endpoint.value());
  }
  if (target.endpoints.empty()) {
    std::cerr << "conformance: give the server under test with --target URL or --target-file FILE\n";
    return std::nullopt;
  }
  const std::string user = !arguments.user.empty() ? arguments.user : url_user;
  if (!user.empty()) {
    if (arguments.password_env.empty()) {
      std::cerr << "conformance: --user needs --password-env VAR (passwords never go on the command line)\n";
      return std::nullopt;
    }
    const char* password = std::getenv(arguments.password_env.c_str());
    if (!password) {
      std::cerr << "conformance: environment variable " << arguments.password_env << " is not set\n";
      return std::nullopt;
    }
    target.users = {engine::TargetUser{user, password, user.find('@') == std::string::npos
                                                           ? user + "@" + target.domain
                                                           : user}};
  } else if (!arguments.password_env.empty()) {
    std::cerr << "conformance: --password-env without --user\n";
    return std::nullopt;
  }
  if (!arguments.ca_file.empty()) target.ca_file = arguments.ca_file;
  if (!arguments.server_name.empty()) target.server_name = arguments.server_name;
  if (arguments.insecure) target.insecure = true;
  return target;
}

}  // namespace

int run_command(const RunArguments& arguments) {
  auto shard = arguments.shard.empty() ? std::optional<engine::Shard>() : engine::parse_shard(arguments.shard);
  if (!arguments.shard.empty() && !shard) {
    std::cerr << "conformance: --shard must be I/N with 1 <= I <= N, e.g. 2/4\n";
    return kUsage;
  }
  auto requests = reports::parse_report_requests(arguments.reports);
  if (!requests) {
    std::cerr << "conformance: --report: " << requests.error() << "\n";
    return kUsage;
  }
  // No server named: the built-in fakes play it (started once the
  // scenarios say which protocols are needed).
  const bool embedded = arguments.targets.empty() && arguments.target_file.empty();
  std::optional<engine::Target> target;
  if (!embedded) {
    target = build_target(arguments);
    if (!target) return kUsage;
  } else if (!arguments.user.empty() || !arguments.password_env.empty() || !arguments.ca_file.empty() ||
             !arguments.server_name.empty() || arguments.insecure) {
    std::cerr << "conformance: --user, --password-env, --ca-file, --server-name and --insecure need a --target or "
                 "--target-file; without one the built-in fakes are the server under test\n";
    return kUsage;
  }

  auto loaded = scenario::load_paths(arguments.paths, engine::rules_for, &engine::client_support());
  if (!loaded.diagnostics.empty()) {
    print_diagnostics(loaded.diagnostics);
    return kUsage;
  }
  engine::Selection selection;
  selection.filters = arguments.filters;
  selection.tags = split_commas(arguments.tags);
  selection.exclude_tags = split_commas(arguments.exclude_tags);
  selection.shard = shard;
  const auto chosen = engine::select_scenarios(loaded.scenarios, selection);

  std::optional<EmbeddedTarget> fakes;
  // Client-under-test scenarios bring their own fakes; only server
  // scenarios need the embedded target.
  std::set<std::string> protocols;
  for (const auto* scenario : chosen) {
    if (!scenario->client) protocols.insert(std::string(scenario::to_string(scenario->protocol)));
  }
  if (embedded && protocols.empty()) {
    target = engine::Target{};
    target->name = "none (client-under-test scenarios only)";
  } else if (embedded) {
    auto started = start_embedded_target(protocols);
    if (!started) {
      std::cerr << "conformance: " << started.error() << "\n";
      return kUsage;
    }
    fakes = std::move(*started);
    target = fakes->target;
    std::cerr << "conformance: no --target given: running against the built-in fakes (" << target->describe()
              << ")\n";
  }

  for (const auto& file : arguments.deviation_files) {
    auto deviations = engine::load_deviations_file(file);
    if (!deviations) {
      print_diagnostics(deviations.error());
      return kUsage;
    }
    target->deviations.insert(target->deviations.end(), deviations->begin(), deviations->end());
  }

  engine::RunSettings settings;
  settings.step_timeout = std::chrono::milliseconds(std::llround(arguments.timeout_seconds * 1000));
  engine::RunContext run(std::move(*target), settings);

  reports::ConsoleOptions console_options;
  console_options.is_terminal = isatty(STDOUT_FILENO) != 0;
  console_options.color = console_options.is_terminal && std::getenv("NO_COLOR") == nullptr;
  console_options.verbose = arguments.verbose;
  reports::ConsoleReporter console(std::cout, console_options);
  if (run.target.insecure) {
    std::cerr << "conformance: WARNING: --insecure: certificates that fail verification are accepted; "
                 "the reports say so\n";
  }
  console.on_start(chosen.size());
  auto outcome = engine::run_scenarios(chosen, run, arguments.jobs,
                                       [&](const result::ScenarioResult& scenario) { console.on_result(scenario); });
  outcome.tool_version = std::string("conformance ") + CONFORMANCE_VERSION;
  outcome.shard = arguments.shard;
  console.on_finish(outcome);

  auto written = reports::write_reports(outcome, *requests);
  int code = kPassed;
  if (!written.empty()) {
    for (const auto& failure : written) std::cerr << "conformance: " << failure << "\n";
    code = kUsage;
  }
  for (const auto& scenario : outcome.scenarios) {
    if (result::fails_run(scenario.verdict)) code = code == kPassed ? kFailed : code;
  }
  if (run.connection_attempts > 0 && !run.any_connection_made) return kUnreachable;
  return code;
}

}  // namespace conformance::cli
