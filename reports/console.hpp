// The console report: one line per scenario as it finishes, a progress line
// on a terminal, and a summary by protocol and by RFC section at the end.
//
// Not thread-safe: the runner calls it from one thread.
#pragma once

#include "harness/result/result.hpp"

#include <cstddef>
#include <ostream>

namespace conformance::reports {

struct ConsoleOptions {
  // The stream is a terminal: keep a progress line at the bottom, rewritten in place.
  bool is_terminal = false;
  // ANSI colours. The caller turns them off when NO_COLOR is set or the stream is not a terminal.
  bool color = false;
  // For every scenario that did not pass: the failing step's expected and
  // received, the findings and the transcripts.
  bool verbose = false;
};

class ConsoleReporter {
 public:
  ConsoleReporter(std::ostream& out, ConsoleOptions options);

  void on_start(std::size_t total);
  void on_result(const result::ScenarioResult& scenario);
  void on_finish(const result::RunResult& run);

 private:
  void clear_progress();
  void draw_progress();
  void write_details(const result::ScenarioResult& scenario);
  std::string paint(std::string_view text, std::string_view ansi) const;

  std::ostream& out_;
  ConsoleOptions options_;
  std::size_t total_ = 0;
  std::size_t finished_ = 0;
  std::size_t not_passed_ = 0;
  std::size_t failing_ = 0;
  bool progress_shown_ = false;
};

}  // namespace conformance::reports
