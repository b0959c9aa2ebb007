#include "harness/engine/client_run.hpp"

#include "fakes/suite/fake_suite.hpp"
#include "harness/engine/client_assertions.hpp"
#include "harness/engine/client_support.hpp"
#include "harness/engine/login_variables.hpp"
#include "harness/engine/scenario_run.hpp"
#include "harness/process/command_template.hpp"
#include "harness/process/run_program.hpp"
#include "harness/scenario/client_scenario.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace conformance::engine {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kHost = "127.0.0.1";
constexpr std::size_t kShownOutputBytes = 4096;  // of stdout and stderr, in the run step

// The scenario's private {tmp}, removed with everything the client left in it.
class TemporaryDirectory {
 public:
  static Expected<TemporaryDirectory, std::string> create() {
    std::string pattern = (fs::temp_directory_path() / "conformance-client-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) return std::string("cannot create a temporary directory");
    return TemporaryDirectory(fs::path(pattern));
  }
  TemporaryDirectory(TemporaryDirectory&& other) noexcept : path_(std::exchange(other.path_, {})) {}
  TemporaryDirectory& operator=(TemporaryDirectory&&) = delete;
  ~TemporaryDirectory() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  explicit TemporaryDirectory(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
};

class ClientRun {
 public:
  ClientRun(const scenario::Scenario& scenario, const ClientRunSettings& settings)
      : scenario_(scenario), client_(*scenario.client), settings_(settings), result_(result_for(scenario)) {
    result_.protocol = client_.protocol;  // may be "dns", which server scenarios never are
  }

  result::ScenarioResult run() {
    const auto started = Clock::now();
    execute();
    apply_deviation(result_, find_deviation(settings_.deviations, scenario_.id));
    result_.duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    return std::move(result_);
  }

 private:
  void execute() {
    const auto* configured = dynamic_cast<const ConfiguredFakes*>(client_.fakes.get());
    if (!configured) return error("internal: the scenario's fakes were not read by this engine");
    const fakes::config::FakeFileConfig& config = configured->config();
    for (const std::string& name : client_.program.requires_programs) {
      if (!process::find_program(name)) return skip(name + " is not installed (requires_programs)");
    }

    auto directory = TemporaryDirectory::create();
    if (!directory) return error(directory.error());
    auto suite = start_fakes(config);
    if (!suite) return error("cannot start the fakes: " + suite.error());
    if (!fill_values(config, **suite, directory->path())) return;

    auto argv = process::expand_command(client_.program.command, values_);
    if (!argv) return error("client command: " + argv.error().to_string());
    if (!process::find_program(argv->front())) return skip(argv->front() + " is not installed (not found on PATH)");
    process::ProgramSpec spec;
    spec.argv = std::move(*argv);
    spec.working_directory = directory->path();
    spec.deadline = client_.program.timeout;
    // Its own HOME, so the client reads the configuration the scenario
    // wrote and none of the user's.
    spec.environment.emplace_back("HOME", directory->path().string());
    for (const auto& [name, value] : client_.program.env) {
      auto expanded = substitute(value, "env " + name);
      if (!expanded) return;
      spec.environment.emplace_back(name, *expanded);
    }
    if (client_.program.standard_input) {
      spec.standard_input = substitute(*client_.program.standard_input, "stdin");
      if (!spec.standard_input) return;
    }
    if (!write_files(directory->path())) return;

    auto ran = process::run_program(spec);
    (*suite)->stop(settings_.settle);
    ClientObservation observed = observe(**suite);
    record_run_step(ran);
    if (!ran) {
      observed.outcome = "could not start: " + ran.error();
      return error("the client could not start: " + variables_.scrub(ran.error()));
    }
    observed.started = true;
    observed.outcome = ran->describe();
    observed.timed_out = ran->ending == process::ProgramResult::Ending::timed_out;
    if (ran->ending == process::ProgramResult::Ending::exited) observed.exit_code = ran->exit_code;
    if (ran->ending == process::ProgramResult::Ending::signalled) observed.signal = ran->signal;
    observed.standard_output = ran->standard_output;
    observed.standard_error = ran->standard_error;
    judge(observed);
  }

  Expected<std::unique_ptr<fakes::FakeSuite>, std::string> start_fakes(const fakes::config::FakeFileConfig& config) {
    fakes::FakeSuiteOptions options;
    options.smtp = config.smtp;
    options.pop3 = config.pop3;
    options.imap = config.imap;
    if (config.dns) {
      options.dns.emplace();
      options.dns->zone = *config.dns;
    }
    options.store = fakes::config::store_options(config.store);
    options.seed = [&seed = config.store](fakes::store::MailStore& store) {
      return fakes::config::seed_store(seed, store);
    };
    return fakes::FakeSuite::start(std::move(options));
  }

  // The {placeholders} and the ${variables} text conditions may use.
  bool fill_values(const fakes::config::FakeFileConfig& config, const fakes::FakeSuite& suite, const fs::path& tmp) {
    values_["host"] = kHost;
    values_["tmp"] = tmp.string();
    values_["ca_file"] = suite.ca_file().string();
    for (const char* service : {"smtp", "submission", "submissions", "pop3", "pop3s", "imap", "imaps"}) {
      if (const fakes::BoundEndpoint* bound = suite.endpoint(service)) {
        values_[std::string(service) + "_port"] = std::to_string(bound->endpoint.port());
      }
    }
    if (suite.dns_port() != 0) values_["dns_port"] = std::to_string(suite.dns_port());
    for (const auto& [name, path] : client_.program.fixtures) values_["fixture:" + name] = path;
    variables_.set("host", kHost);
    if (!client_.program.user.empty()) {
      auto login = config.store.login(client_.program.user);
      if (!login) {
        error("user '" + client_.program.user + "' is not in the store");
        return false;
      }
      values_["user"] = login->name;
      values_["password"] = login->password;
      values_["address"] = login->address;
      set_login_variables(variables_, login->name, login->address, login->password);
      result_.user = login->name;
    }
    // Every password the store knows stays out of the report, whoever's it is.
    std::size_t n = 0;
    for (const std::string& name : config.store.user_names()) {
      if (auto login = config.store.login(name)) {
        add_password_secrets(variables_, "store_password_" + std::to_string(++n), login->name, login->password);
      }
    }
    return true;
  }

  std::optional<std::string> substitute(const std::string& text, const std::string& what) {
    auto expanded = scenario::substitute_placeholders(text, values_);
    if (!expanded) {
      error("client " + what + ": " + expanded.error().message);
      return std::nullopt;
    }
    return *expanded;
  }

  bool write_files(const fs::path& tmp) {
    for (const auto& [name, content] : client_.program.files) {
      auto expanded = substitute(content, "file " + name);
      if (!expanded) return false;
      const fs::path path = tmp / name;
      {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << *expanded;
        if (!out) {
          error("cannot write " + path.string());
          return false;
        }
      }
      // Clients such as fetchmail refuse a configuration others can read.
      ::chmod(path.c_str(), 0600);
    }
    return true;
  }

  ClientObservation observe(const fakes::FakeSuite& suite) {
    ClientObservation observed;
    for (const fakes::FakeRecords& records : suite.records()) {
      ObservedFake& fake = observed.fakes[records.protocol];
      for (const fakes::ConnectionRecord& record : records.connections) {
        ObservedConnection connection{record.number, record.service, {}};
        if (record.transcript) connection.events = record.transcript->events();
        add_transcript(records.protocol, connection, suite);
        fake.connections.push_back(std::move(connection));
      }
      if (records.received) {
        for (const fakes::smtp::Transaction& transaction : records.received->transactions()) {
          ObservedTransaction seen{transaction.connection, transaction.mail_from, {}, transaction.message};
          for (const auto& recipient : transaction.recipients) seen.rcpt_to.push_back(recipient.address);
          fake.transactions.push_back(std::move(seen));
        }
      }
    }
    for (const fakes::dns::QueryRecord& query : suite.dns_queries()) {
      observed.dns_queries.push_back({query.name, query.type, std::string(fakes::dns::to_string(query.transport))});
    }
    observed.message_count = [&suite](std::string_view user, std::string_view mailbox) -> std::optional<std::size_t> {
      auto found = suite.store().find_mailbox(user, mailbox);
      if (!found) return std::nullopt;
      return found->messages().size();
    };
    return observed;
  }

  void add_transcript(const std::string& protocol, const ObservedConnection& connection,
                      const fakes::FakeSuite& suite) {
    result::ConnectionTranscript transcript;
    transcript.name = protocol + " #" + std::to_string(connection.number);
    const fakes::BoundEndpoint* bound = suite.endpoint(connection.service);
    transcript.endpoint = connection.service + "://" + kHost + ":" +
                          (bound ? std::to_string(bound->endpoint.port()) : std::string("?"));
    transcript.events = connection.events;
    for (auto& event : transcript.events) event.bytes = variables_.scrub(event.bytes);
    result_.transcripts.push_back(std::move(transcript));
  }

  void record_run_step(const Expected<process::ProgramResult, std::string>& ran) {
    result::StepRecord step;
    step.index = 0;
    step.kind = "run";
    step.location = client_.program.command_where.to_string();
    // The template, not the expansion: placeholders are clearer, and
    // {password} stays a placeholder.
    step.summary = "run: " + client_.program.command;
    step.ok = ran.ok();
    if (!ran) {
      step.reason = variables_.scrub(ran.error());
    } else {
      step.duration = ran->duration;
      step.received = ran->describe() + output_excerpt("stdout", ran->standard_output, ran->output_truncated) +
                      output_excerpt("stderr", ran->standard_error, ran->error_truncated);
    }
    result_.steps.push_back(std::move(step));
  }

  std::string output_excerpt(const std::string& name, const std::string& text, bool truncated) const {
    if (text.empty()) return "";
    std::string shown = text.size() > kShownOutputBytes ? "..." + text.substr(text.size() - kShownOutputBytes) : text;
    if (truncated) shown += " (output cut at the capture cap)";
    return "\n" + name + ":\n" + variables_.scrub(shown);
  }

  void judge(const ClientObservation& observed) {
    std::size_t index = 1;
    for (const scenario::ClientAssertion& assertion : client_.expect) {
      AssertionOutcome outcome = evaluate_assertion(assertion, observed, variables_);
      result::StepRecord step;
      step.index = index++;
      step.kind = assertion.kind;
      step.connection = assertion.fake;
      step.location = assertion.where.to_string();
      step.summary = variables_.scrub(outcome.summary);
      step.ok = outcome.ok;
      step.reason = variables_.scrub(outcome.reason);
      step.expected = variables_.scrub(outcome.expected);
      step.received = variables_.scrub(outcome.received);
      if (!outcome.ok && !result_.failed_step) {
        result_.failed_step = step;
        result_.verdict =
            scenario_.level == scenario::Level::must ? result::Verdict::failed : result::Verdict::warned;
        result_.reason = step.reason + (assertion.rfc.empty() ? "" : " (" + assertion.rfc.front() + ")");
        const std::vector<std::string>& cited = assertion.rfc.empty() ? scenario_.rfc : assertion.rfc;
        for (const auto& rfc : cited) result_.findings.push_back({rfc, step.reason, assertion.fake});
      }
      result_.steps.push_back(std::move(step));
    }
  }

  void skip(std::string reason) {
    result_.verdict = result::Verdict::skipped;
    result_.reason = std::move(reason);
  }
  void error(std::string reason) {
    result_.verdict = result::Verdict::error;
    result_.reason = std::move(reason);
  }

  const scenario::Scenario& scenario_;
  const scenario::ClientScenario& client_;
  const ClientRunSettings& settings_;
  result::ScenarioResult result_;
  process::PlaceholderValues values_;
  scenario::Variables variables_;
};

}  // namespace

result::ScenarioResult run_client_scenario(const scenario::Scenario& scenario, const ClientRunSettings& settings) {
  return ClientRun(scenario, settings).run();
}

}  // namespace conformance::engine
