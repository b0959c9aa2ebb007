// The floor every line-oriented parser is measured against: a plain memchr
// scan for line ends over the same buffer. A parser cannot beat it; the
// ratio parser/floor is the figure to track from run to run.
#pragma once

#include <benchmark/benchmark.h>

#include <cstring>
#include <string>

namespace conformance::bench {

inline void memchr_line_scan(benchmark::State& state, const std::string& buffer) {
  for (auto _ : state) {
    std::size_t lines = 0;
    const char* at = buffer.data();
    const char* end = at + buffer.size();
    while (const void* hit = std::memchr(at, '\n', static_cast<std::size_t>(end - at))) {
      ++lines;
      at = static_cast<const char*>(hit) + 1;
    }
    benchmark::DoNotOptimize(lines);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(buffer.size()));
}

}  // namespace conformance::bench
