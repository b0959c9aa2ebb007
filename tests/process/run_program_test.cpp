#include "harness/process/run_program.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <signal.h>

#include <cerrno>
#include <fstream>
#include <thread>

namespace conformance::process {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

// Dead, or a zombie nobody has reaped yet (in a container PID 1 may never).
bool is_running(pid_t pid) {
  if (::kill(pid, 0) != 0 && errno == ESRCH) return false;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pid_field, name, state;
  stat >> pid_field >> name >> state;
  return stat && state != "Z";
}

ProgramResult run_shell(const std::string& script, ProgramSpec spec = {}) {
  spec.argv = {"/bin/sh", "-c", script};
  auto result = run_program(spec);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error());
  return result.ok() ? *result : ProgramResult{};
}

TEST(RunProgram, ReportsTheExitCode) {
  const ProgramResult result = run_shell("exit 3");
  EXPECT_EQ(result.ending, ProgramResult::Ending::exited);
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.describe(), "exit 3");
}

TEST(RunProgram, ReportsDeathBySignal) {
  const ProgramResult result = run_shell("kill -SEGV $$");
  EXPECT_EQ(result.ending, ProgramResult::Ending::signalled);
  EXPECT_EQ(result.signal, SIGSEGV);
  EXPECT_EQ(result.describe(), "killed by SIGSEGV");
}

TEST(RunProgram, CapturesStdoutAndStderrApart) {
  const ProgramResult result = run_shell("echo out; echo err >&2");
  EXPECT_EQ(result.standard_output, "out\n");
  EXPECT_EQ(result.standard_error, "err\n");
}

TEST(RunProgram, DeliversStandardInput) {
  ProgramSpec spec;
  spec.standard_input = std::string("line one\nline two\n");
  EXPECT_EQ(run_shell("wc -l", spec).standard_output.find('2') != std::string::npos, true);
}

TEST(RunProgram, StandardInputIsEmptyWhenNotGiven) { EXPECT_EQ(run_shell("cat").standard_output, ""); }

TEST(RunProgram, LargeStandardInputDoesNotDeadlockWithLargeOutput) {
  ProgramSpec spec;
  spec.output_cap = 8u << 20;
  spec.standard_input = std::string(4u << 20, 'x');
  const ProgramResult result = run_shell("cat", spec);
  EXPECT_EQ(result.standard_output.size(), 4u << 20);
}

TEST(RunProgram, AddsAndOverridesEnvironmentVariables) {
  ProgramSpec spec;
  spec.environment = {{"CONFORMANCE_TEST_A", "alpha"}, {"HOME", "/nonexistent-home"}};
  EXPECT_EQ(run_shell("echo $CONFORMANCE_TEST_A $HOME", spec).standard_output, "alpha /nonexistent-home\n");
}

TEST(RunProgram, RunsInTheGivenDirectory) {
  ProgramSpec spec;
  spec.working_directory = "/tmp";
  EXPECT_EQ(run_shell("pwd", spec).standard_output, "/tmp\n");
}

TEST(RunProgram, CapsOutputAndDrainsTheRestWithoutBlocking) {
  ProgramSpec spec;
  spec.output_cap = 1000;
  spec.deadline = 20s;
  const ProgramResult result = run_shell("head -c 10000000 /dev/zero; echo done >&2", spec);
  EXPECT_EQ(result.ending, ProgramResult::Ending::exited);
  EXPECT_EQ(result.standard_output.size(), 1000u);
  EXPECT_TRUE(result.output_truncated);
  EXPECT_EQ(result.standard_error, "done\n");
  EXPECT_FALSE(result.error_truncated);
}

TEST(RunProgram, TheDeadlineKillsTheProgramAndItsChildren) {
  ProgramSpec spec;
  spec.deadline = 300ms;
  spec.kill_grace = 200ms;
  // The grandchild prints its pid, then both sleep past the deadline.
  const ProgramResult result = run_shell("sleep 60 & echo $!; sleep 60", spec);
  EXPECT_EQ(result.ending, ProgramResult::Ending::timed_out);
  EXPECT_LT(result.duration, 5s);
  const pid_t grandchild = static_cast<pid_t>(std::stol(result.standard_output));
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    gone = !is_running(grandchild);
    if (!gone) std::this_thread::sleep_for(10ms);
  }
  EXPECT_TRUE(gone) << "pid " << grandchild << " survived the deadline";
  EXPECT_THAT(result.describe(), HasSubstr("timed out"));
}

TEST(RunProgram, AProgramThatIgnoresSigtermIsKilledAfterTheGrace) {
  ProgramSpec spec;
  spec.deadline = 200ms;
  spec.kill_grace = 200ms;
  const ProgramResult result = run_shell("trap '' TERM; sleep 60", spec);
  EXPECT_EQ(result.ending, ProgramResult::Ending::timed_out);
  EXPECT_LT(result.duration, 5s);
}

TEST(RunProgram, AProgramNotOnPathIsAnErrorNotAnExitCode) {
  ProgramSpec spec;
  spec.argv = {"conformance-no-such-program"};
  auto result = run_program(spec);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error(), HasSubstr("not found"));
}

TEST(RunProgram, AFileThatCannotBeExecutedIsAnError) {
  ProgramSpec spec;
  spec.argv = {"/etc/hostname"};
  EXPECT_FALSE(run_program(spec).ok());
}

TEST(FindProgram, FindsProgramsOnPath) {
  EXPECT_TRUE(find_program("sh").has_value());
  EXPECT_FALSE(find_program("conformance-no-such-program").has_value());
  EXPECT_TRUE(find_program("/bin/sh").has_value());
}

}  // namespace
}  // namespace conformance::process
