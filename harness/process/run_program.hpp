// Runs a client program under test: no shell, a deadline that kills its
// whole process group, stdin from bytes or /dev/null, stdout and stderr
// captured up to a cap (the rest read and dropped, so the child never blocks
// on a full pipe). Safe to call from any thread while others run
// io_contexts: it installs no signal handler and waits for its own pid only.
#pragma once

#include "harness/common/expected.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace conformance::process {

struct ProgramSpec {
  std::vector<std::string> argv;  // argv[0] looked up on PATH when it has no '/'
  // Added to (or replacing) the inherited environment.
  std::vector<std::pair<std::string, std::string>> environment;
  std::filesystem::path working_directory;  // empty: the caller's
  std::optional<std::string> standard_input;  // nullopt: /dev/null
  std::chrono::milliseconds deadline{30'000};
  // After the deadline: SIGTERM to the group, then SIGKILL this much later.
  std::chrono::milliseconds kill_grace{1'000};
  std::size_t output_cap = 1u << 20;  // per stream
};

struct ProgramResult {
  enum class Ending { exited, signalled, timed_out };
  Ending ending = Ending::exited;
  int exit_code = 0;  // when exited
  int signal = 0;     // when signalled (or the signal that ended it after the deadline)
  std::chrono::milliseconds duration{0};
  std::string standard_output;
  std::string standard_error;
  bool output_truncated = false;
  bool error_truncated = false;

  // "exit 0", "killed by SIGSEGV", "timed out after 5000 ms (then SIGTERM)"
  std::string describe() const;
};

// The error says why the program could not start ("curl: not found on PATH",
// "./client: Permission denied"); anything after exec is in the result.
Expected<ProgramResult, std::string> run_program(const ProgramSpec& spec);

// The full path of an executable `name` on PATH (or `name` itself when it
// has a '/' and is executable), or nullopt.
std::optional<std::filesystem::path> find_program(const std::string& name);

}  // namespace conformance::process
