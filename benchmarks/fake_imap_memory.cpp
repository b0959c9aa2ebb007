// The fake IMAP server's memory with 100,000 messages in one mailbox, and
// how long a client takes to select it and fetch from it. Not a timed
// test: a program that prints figures (run by benchmarks/imap_memory).
//
//   fake_imap_memory [MESSAGES] [CLIENT-SCRIPT]
//
// Seeds the store with MESSAGES generated messages (default 100,000; about
// 1.6 KB each, varied senders and subjects), starts the fake, reads the
// process's resident memory, then runs the Python client script against
// the implicit-TLS port (it selects INBOX, fetches flags and sizes of every
// message, searches, fetches envelopes and a body) and reads the peak.
#include "fakes/suite/fake_suite.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

namespace {

// VmRSS or VmHWM of this process, in KiB.
long status_kib(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::strtol(line.c_str() + field.size() + 1, nullptr, 10);
  }
  return -1;
}

std::string generated_message(std::size_t i) {
  const std::string n = std::to_string(i);
  std::string body;
  for (int line = 0; line < 16; ++line)
    body += "Line " + std::to_string(line) + " of message " + n + ": the quick brown fox jumps over the lazy dog.\r\n";
  return "From: Sender " + std::to_string(i % 97) + " <sender" + std::to_string(i % 97) + "@example.test>\r\n"
         "To: bench@example.test\r\n"
         "Subject: Benchmark message " + n + (i % 10 == 0 ? " invoice" : "") + "\r\n"
         "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\n"
         "Message-ID: <bench." + n + "@example.test>\r\n"
         "MIME-Version: 1.0\r\n"
         "Content-Type: text/plain; charset=us-ascii\r\n"
         "\r\n" + body;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t count = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  const std::string script = argc > 2 ? argv[2] : "";
  const long rss_start = status_kib("VmRSS");

  conformance::fakes::FakeSuiteOptions options;
  options.protocols = {"imap"};
  std::size_t bytes = 0;
  options.seed = [&](conformance::fakes::store::MailStore& store) -> conformance::Expected<void, std::string> {
    store.add_user({"bench", "bench-pw", {"bench@example.test"}});
    for (std::size_t i = 1; i <= count; ++i) {
      std::string message = generated_message(i);
      bytes += message.size();
      std::vector<std::string> flags;
      if (i % 3 == 0) flags.push_back("\\Seen");
      auto appended = store.append("bench", "INBOX", std::move(message), std::move(flags));
      if (!appended) return "append failed: " + std::string(conformance::fakes::store::to_string(appended.error()));
    }
    return {};
  };
  const auto seed_start = std::chrono::steady_clock::now();
  auto suite = conformance::fakes::FakeSuite::start(std::move(options));
  if (!suite) {
    std::cerr << "fake_imap_memory: " << suite.error() << "\n";
    return 1;
  }
  const double seed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - seed_start).count();
  const long rss_loaded = status_kib("VmRSS");

  std::printf("messages                 %zu (%.1f MB of message data)\n", count, bytes / 1e6);
  std::printf("seeding + start          %.2f s\n", seed_seconds);
  std::printf("RSS before seeding       %.1f MB\n", rss_start / 1024.0);
  std::printf("RSS with the mailbox     %.1f MB (%.0f bytes per message above the data)\n", rss_loaded / 1024.0,
              (rss_loaded - rss_start) * 1024.0 / count - static_cast<double>(bytes) / count);
  std::fflush(stdout);

  int status = 0;
  if (!script.empty()) {
    int port = 0;
    for (const auto& bound : (*suite)->endpoints())
      if (bound.service == "imaps") port = bound.endpoint.port();
    const std::string command = "python3 '" + script + "' 127.0.0.1 " + std::to_string(port) + " '" +
                                (*suite)->ca_file().string() + "' bench bench-pw " + std::to_string(count);
    status = std::system(command.c_str());
    std::printf("peak RSS after the client %.1f MB\n", status_kib("VmHWM") / 1024.0);
  }
  return status == 0 ? 0 : 1;
}
