#include "harness/cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

using conformance::cli::ExitCode;

int main(int argc, char** argv) {
  CLI::App app{"conformance: RFC conformance tests for SMTP, POP3 and IMAP servers and clients", "conformance"};
  app.set_version_flag("--version", std::string("conformance ") + CONFORMANCE_VERSION);
  app.require_subcommand(1);

  conformance::cli::RunArguments run;
  auto* run_cmd = app.add_subcommand("run", "Run scenarios against a server under test");
  run_cmd->add_option("paths", run.paths, "Scenario files or directories")->required();
  run_cmd->add_option("--target", run.targets,
                      "Endpoint URL, repeatable: smtp:// submission:// smtps:// pop3:// pop3s:// imap:// imaps://, "
                      "with ?starttls=required");
  run_cmd->add_option("--target-file", run.target_file, "YAML file describing the target (docs/target-file.md)");
  run_cmd->add_option("--deviations", run.deviation_files,
                      "YAML file of known deviations: failures reported as expected (repeatable)");
  run_cmd->add_option("--user", run.user, "User to log in as");
  run_cmd->add_option("--password-env", run.password_env, "Environment variable holding the user's password");
  run_cmd->add_option("--ca-file", run.ca_file, "PEM file of CAs to trust instead of the system store");
  run_cmd->add_option("--server-name", run.server_name, "Name to check the certificate against and send as SNI");
  run_cmd->add_flag("--insecure", run.insecure, "Do not reject certificates that fail verification (reported)");
  run_cmd->add_option("--filter", run.filters, "Only scenarios whose id matches this glob (repeatable)");
  run_cmd->add_option("--tags", run.tags, "Only scenarios with one of these tags (comma-separated)");
  run_cmd->add_option("--exclude-tags", run.exclude_tags, "Skip scenarios with any of these tags");
  run_cmd->add_option("--jobs,-j", run.jobs, "Scenarios run at once")->check(CLI::Range(1, 256));
  run_cmd->add_option("--shard", run.shard, "Run part I of N (I/N), e.g. 2/4; the parts add up to the whole");
  run_cmd->add_option("--timeout", run.timeout_seconds, "Deadline of each step, connect and handshake, in seconds")
      ->check(CLI::Range(0.01, 3600.0));
  run_cmd->add_option("--report", run.reports, "Write a report: junit=FILE, json=FILE or html=FILE (repeatable)");
  run_cmd->add_flag("--verbose,-v", run.verbose, "Show the failing step and transcript of each failure");

  conformance::cli::ListArguments list;
  auto* list_cmd = app.add_subcommand("list", "List scenarios: ids, titles, RFC clauses, tags");
  list_cmd->add_option("paths", list.paths, "Scenario files or directories")->required();
  list_cmd->add_option("--filter", list.filters, "Only ids matching this glob");
  list_cmd->add_option("--tags", list.tags, "Only scenarios with one of these tags");
  list_cmd->add_option("--exclude-tags", list.exclude_tags, "Leave out scenarios with these tags");
  list_cmd->add_flag("--json", list.json, "Print JSON instead of text");

  std::vector<std::string> validate_paths;
  auto* validate_cmd = app.add_subcommand("validate", "Check scenario files against the format and its meaning");
  validate_cmd->add_option("paths", validate_paths, "Scenario files or directories")->required();

  conformance::cli::FakeArguments fake;
  auto* fake_cmd = app.add_subcommand("fake", "Run one built-in fake server until SIGINT/SIGTERM (docs/fakes/)");
  fake_cmd->add_option("protocols", fake.protocols,
                       "smtp, pop3, imap (sharing one mail store) and/or dns; with --config, also those it configures")
      ->check(CLI::IsMember({"smtp", "pop3", "imap", "dns"}));
  fake_cmd->add_option("--listen", fake.listen,
                       "Address to listen on, repeatable: HOST:PORT (plain, STARTTLS offered) or a URL such as "
                       "imaps://127.0.0.1:9993 (implicit TLS); default: every service on 127.0.0.1, ephemeral ports");
  fake_cmd->add_option("--config", fake.config_file,
                       "YAML file: store (users, mailboxes, messages), TLS, fault plans and options per fake "
                       "(docs/fakes/config.md)");
  fake_cmd->add_option("--ca-out", fake.ca_out, "Write the CA certificate clients should trust to this file");
  fake_cmd->add_option("--certificate", fake.certificate,
                       "Certificate to present: valid, expired, not-yet-valid, wrong-host, self-signed, untrusted-root");
  fake_cmd->add_option("--starttls", fake.starttls, "offered, not-offered or refused");
  fake_cmd->add_option("--cert-file", fake.certificate_file, "PEM certificate chain to use instead of a throwaway one");
  fake_cmd->add_option("--key-file", fake.key_file, "PEM private key of --cert-file");
  fake_cmd->add_flag("--local-recipients-only", fake.local_recipients_only,
                     "SMTP: accept mail for the store's users only and refuse relaying (default: accept any)");
  fake_cmd->add_flag("--quiet,-q", fake.quiet, "Do not print connections and transcripts");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return ExitCode::kUsage;
  }

  try {
    if (*run_cmd) return conformance::cli::run_command(run);
    if (*fake_cmd) return conformance::cli::fake_command(fake);
    if (*list_cmd) return conformance::cli::list_command(list);
    if (*validate_cmd) return conformance::cli::validate_command(validate_paths);
  } catch (const std::exception& failure) {
    std::cerr << "conformance: internal error: " << failure.what() << "\n";
    return ExitCode::kFailed;
  }
  return ExitCode::kUsage;
}
