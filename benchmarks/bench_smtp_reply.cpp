// Throughput of the SMTP reply decoder over about 1 MB of realistic server
// output: multi-line EHLO replies as large providers send them, between the
// one-line replies of a transaction (250, 354, 221). The memchr line scan
// over the same buffer is the floor to compare against.
#include <benchmark/benchmark.h>

#include <string>

#include "floor.hpp"
#include "harness/codec/smtp/reply.hpp"

namespace {

using namespace conformance::codec::smtp;

constexpr std::string_view kSession =
    "220 mx.example.com ESMTP ready\r\n"
    "250-mx.example.com at your service, [192.0.2.7]\r\n"
    "250-SIZE 35882577\r\n"
    "250-8BITMIME\r\n"
    "250-STARTTLS\r\n"
    "250-ENHANCEDSTATUSCODES\r\n"
    "250-PIPELINING\r\n"
    "250-CHUNKING\r\n"
    "250-DSN\r\n"
    "250-AUTH PLAIN LOGIN XOAUTH2\r\n"
    "250 SMTPUTF8\r\n"
    "250 2.1.0 Sender OK\r\n"
    "250 2.1.5 Recipient OK\r\n"
    "250 2.1.5 Recipient OK\r\n"
    "354 End data with <CR><LF>.<CR><LF>\r\n"
    "250 2.0.0 Ok: queued as 4XyZ1k2Lm3\r\n"
    "221 2.0.0 Bye\r\n";

const std::string& replies() {
  static const std::string buffer = [] {
    std::string out;
    while (out.size() < 1024 * 1024) out += kSession;
    return out;
  }();
  return buffer;
}

void BM_SmtpReplyDecode(benchmark::State& state) {
  const std::string& buffer = replies();
  std::size_t count = 0;
  for (auto _ : state) {
    std::string_view rest = buffer;
    while (!rest.empty()) {
      auto step = parse_reply(rest);
      if (!step.complete()) {
        state.SkipWithError("reply did not parse");
        return;
      }
      benchmark::DoNotOptimize(step.value().code);
      rest.remove_prefix(step.consumed());
      ++count;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(buffer.size()));
  state.counters["replies"] = benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SmtpReplyDecode);

void BM_SmtpReplyMemchrFloor(benchmark::State& state) { conformance::bench::memchr_line_scan(state, replies()); }
BENCHMARK(BM_SmtpReplyMemchrFloor);

}  // namespace
