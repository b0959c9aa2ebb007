// The subcommands of `conformance`. Each returns the process exit code:
// 0 all passed (skips and expected failures allowed), 1 a scenario failed,
// 2 bad usage or bad scenario/target files, 3 the target could not be reached.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace conformance::cli {

enum ExitCode { kPassed = 0, kFailed = 1, kUsage = 2, kUnreachable = 3 };

struct RunArguments {
  std::vector<std::string> paths;
  std::vector<std::string> targets;  // URLs
  std::string target_file;
  std::vector<std::string> deviation_files;
  std::string user;
  std::string password_env;
  std::string ca_file;
  std::string server_name;
  bool insecure = false;
  std::vector<std::string> filters;
  std::vector<std::string> tags;
  std::vector<std::string> exclude_tags;
  std::size_t jobs = 4;
  std::string shard;
  double timeout_seconds = 10;
  std::vector<std::string> reports;  // "junit=FILE"
  bool verbose = false;
};

struct ListArguments {
  std::vector<std::string> paths;
  std::vector<std::string> filters;
  std::vector<std::string> tags;
  std::vector<std::string> exclude_tags;
  bool json = false;
};

struct FakeArguments {
  std::vector<std::string> protocols;  // smtp pop3 imap: one or more, sharing one store
  std::vector<std::string> listen;  // "127.0.0.1:2525" or "imaps://127.0.0.1:9993"
  std::string config_file;          // docs/fakes/config.md
  std::string ca_out;
  std::string certificate = "valid";
  std::string starttls = "offered";
  std::string certificate_file;
  std::string key_file;
  bool local_recipients_only = false;
  bool quiet = false;
};

int run_command(const RunArguments& arguments);
int fake_command(const FakeArguments& arguments);
int list_command(const ListArguments& arguments);
int validate_command(const std::vector<std::string>& paths);

// Comma-separated lists ("core,tls") as given to --tags, flattened.
std::vector<std::string> split_commas(const std::vector<std::string>& values);

}  // namespace conformance::cli
