#include "harness/process/run_program.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>

extern char** environ;

namespace conformance::process {
namespace {

using Clock = std::chrono::steady_clock;

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  ~Fd() { reset(); }
  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read, write;
};

std::optional<Pipe> make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return std::nullopt;
  return Pipe{Fd(fds[0]), Fd(fds[1])};
}

std::vector<std::string> environment_with(const std::vector<std::pair<std::string, std::string>>& added) {
  std::map<std::string, std::string> values;
  for (char** entry = environ; entry && *entry; ++entry) {
    const std::string text(*entry);
    const auto equals = text.find('=');
    if (equals != std::string::npos) values[text.substr(0, equals)] = text.substr(equals + 1);
  }
  for (const auto& [name, value] : added) values[name] = value;
  std::vector<std::string> out;
  for (const auto& [name, value] : values) out.push_back(name + "=" + value);
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& text : strings) out.push_back(text.data());
  out.push_back(nullptr);
  return out;
}

bool is_executable_file(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error) && ::access(path.c_str(), X_OK) == 0;
}

// Reads what is there; false at end of file or error.
bool drain(int fd, std::string& into, std::size_t cap, bool& truncated) {
  char buffer[16384];
  const ssize_t got = ::read(fd, buffer, sizeof buffer);
  if (got < 0 && (errno == EINTR || errno == EAGAIN)) return true;
  if (got <= 0) return false;
  const std::size_t room = cap > into.size() ? cap - into.size() : 0;
  const std::size_t kept = std::min<std::size_t>(room, static_cast<std::size_t>(got));
  into.append(buffer, kept);
  if (kept < static_cast<std::size_t>(got)) truncated = true;
  return true;
}

}  // namespace

std::optional<std::filesystem::path> find_program(const std::string& name) {
  if (name.empty()) return std::nullopt;
  if (name.find('/') != std::string::npos) {
    if (is_executable_file(name)) return std::filesystem::path(name);
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  const std::string directories = path ? path : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= directories.size()) {
    const auto colon = directories.find(':', start);
    const std::string directory =
        directories.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    const std::filesystem::path candidate = std::filesystem::path(directory.empty() ? "." : directory) / name;
    if (is_executable_file(candidate)) return candidate;
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return std::nullopt;
}

std::string ProgramResult::describe() const {
  switch (ending) {
    case Ending::exited:
      return "exit " + std::to_string(exit_code);
    case Ending::signalled:
      return std::string("killed by SIG") + (sigabbrev_np(signal) ? sigabbrev_np(signal) : std::to_string(signal).c_str());
    case Ending::timed_out:
      return "timed out after " + std::to_string(duration.count()) + " ms (process group killed)";
  }
  return "?";
}

Expected<ProgramResult, std::string> run_program(const ProgramSpec& spec) {
  if (spec.argv.empty() || spec.argv.front().empty()) return std::string("no program to run");
  const auto program = find_program(spec.argv.front());
  if (!program) return spec.argv.front() + ": not found (or not executable) on PATH";

  // Everything the child needs is built before fork: after it, only
  // async-signal-safe calls.
  std::vector<std::string> argv_strings = spec.argv;
  std::vector<std::string> env_strings = environment_with(spec.environment);
  std::vector<char*> argv = pointers(argv_strings);
  std::vector<char*> envp = pointers(env_strings);
  const std::string program_path = program->string();
  const std::string directory = spec.working_directory.string();

  auto input = make_pipe();
  auto output = make_pipe();
  auto error_output = make_pipe();
  auto exec_failure = make_pipe();  // CLOEXEC: closes silently when exec works
  if (!input || !output || !error_output || !exec_failure) return std::string("cannot create pipes: ") + std::strerror(errno);
  Fd null_input(::open("/dev/null", O_RDONLY | O_CLOEXEC));

  const auto started = Clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) return std::string("fork: ") + std::strerror(errno);
  if (pid == 0) {
    ::setpgid(0, 0);  // its own group, so the deadline kills grandchildren too
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);  // the harness may block signals in its threads
    ::signal(SIGPIPE, SIG_DFL);
    const int stdin_fd = spec.standard_input ? input->read.get() : null_input.get();
    if (::dup2(stdin_fd, 0) < 0 || ::dup2(output->write.get(), 1) < 0 || ::dup2(error_output->write.get(), 2) < 0) {
      const int code = errno;
      (void)!::write(exec_failure->write.get(), &code, sizeof code);
      ::_exit(127);
    }
    if (!directory.empty() && ::chdir(directory.c_str()) != 0) {
      const int code = errno;
      (void)!::write(exec_failure->write.get(), &code, sizeof code);
      ::_exit(127);
    }
    ::execve(program_path.c_str(), argv.data(), envp.data());
    const int code = errno;
    (void)!::write(exec_failure->write.get(), &code, sizeof code);
    ::_exit(127);
  }
  ::setpgid(pid, pid);  // also from here, so the group exists before any kill
  input->read.reset();
  output->write.reset();
  error_output->write.reset();
  exec_failure->write.reset();

  int exec_errno = 0;
  if (::read(exec_failure->read.get(), &exec_errno, sizeof exec_errno) == static_cast<ssize_t>(sizeof exec_errno)) {
    ::waitpid(pid, nullptr, 0);
    return spec.argv.front() + ": " + std::strerror(exec_errno);
  }

  ProgramResult result;
  std::string_view pending_input = spec.standard_input ? std::string_view(*spec.standard_input) : std::string_view();
  if (spec.standard_input) {
    ::fcntl(input->write.get(), F_SETFL, O_NONBLOCK);
    if (pending_input.empty()) input->write.reset();
  } else {
    input->write.reset();
  }
  bool output_open = true, error_open = true;
  bool killed = false, killed_hard = false;
  const auto deadline = started + spec.deadline;
  int status = 0;
  bool reaped = false;
  while (!reaped) {
    // Reaped first, then the pipes drained below: a grandchild holding them
    // open must not keep the run alive past the child's end.
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      reaped = true;
      break;
    }
    const auto now = Clock::now();
    if (!killed && now >= deadline) {
      ::kill(-pid, SIGTERM);
      killed = true;
    }
    if (killed && !killed_hard && now >= deadline + spec.kill_grace) {
      ::kill(-pid, SIGKILL);
      killed_hard = true;
    }
    std::vector<pollfd> watched;
    if (output_open) watched.push_back({output->read.get(), POLLIN, 0});
    if (error_open) watched.push_back({error_output->read.get(), POLLIN, 0});
    if (input->write) watched.push_back({input->write.get(), POLLOUT, 0});
    // Short waits: the child's end is noticed by waitpid, not by a signal.
    const int ready = ::poll(watched.data(), watched.size(), 10);
    if (ready <= 0) continue;
    for (const pollfd& entry : watched) {
      if (entry.revents == 0) continue;
      if (entry.fd == output->read.get()) {
        output_open = drain(entry.fd, result.standard_output, spec.output_cap, result.output_truncated);
      } else if (entry.fd == error_output->read.get()) {
        error_open = drain(entry.fd, result.standard_error, spec.output_cap, result.error_truncated);
      } else if (input->write && entry.fd == input->write.get()) {
        const ssize_t wrote = ::write(entry.fd, pending_input.data(), pending_input.size());
        if (wrote > 0) pending_input.remove_prefix(static_cast<std::size_t>(wrote));
        if (wrote < 0 && errno != EAGAIN && errno != EINTR) pending_input = {};
        if (pending_input.empty()) input->write.reset();
      }
    }
  }
  // What the child wrote before it ended; leftovers of a grandchild still
  // holding the pipes are not waited for.
  for (int round = 0; round < 100 && (output_open || error_open); ++round) {
    std::vector<pollfd> watched;
    if (output_open) watched.push_back({output->read.get(), POLLIN, 0});
    if (error_open) watched.push_back({error_output->read.get(), POLLIN, 0});
    if (::poll(watched.data(), watched.size(), 0) <= 0) break;
    for (const pollfd& entry : watched) {
      if (entry.revents == 0) continue;
      if (entry.fd == output->read.get()) {
        output_open = drain(entry.fd, result.standard_output, spec.output_cap, result.output_truncated);
      } else {
        error_open = drain(entry.fd, result.standard_error, spec.output_cap, result.error_truncated);
      }
    }
  }
  // Anything left in the group (a daemonised helper of the client) goes too.
  ::kill(-pid, SIGKILL);
  result.duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
  if (killed) {
    result.ending = ProgramResult::Ending::timed_out;
    result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  } else if (WIFSIGNALED(status)) {
    result.ending = ProgramResult::Ending::signalled;
    result.signal = WTERMSIG(status);
  } else {
    result.exit_code = WEXITSTATUS(status);
  }
  return result;
}

}  // namespace conformance::process
