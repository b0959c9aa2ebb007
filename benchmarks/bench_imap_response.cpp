// IMAP response decoding throughput (ResponseDecoder: framing + parsing),
// against the memchr line-scan floor over the same bytes:
//  - fetch_listing: 2,000 "* n FETCH (UID FLAGS RFC822.SIZE INTERNALDATE
//    ENVELOPE BODYSTRUCTURE)" responses of the shapes a mail client's
//    folder sync sees: plain text, multipart/alternative, mixed with an
//    attachment, forwarded message/rfc822, all with extension data;
//  - body_download: 200 "BODY[]" literals of 20-50 KB each.
// Each is decoded from one buffer and, as a client reads a socket, in
// 16 KiB pieces.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "floor.hpp"
#include "harness/codec/imap/response/decoder.hpp"

namespace {

using conformance::codec::imap::DecodeEvent;
using conformance::codec::imap::DecoderOptions;
using conformance::codec::imap::ResponseDecoder;

// A small deterministic generator, so every run measures the same bytes.
class Random {
 public:
  std::uint32_t next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state_ >> 33);
  }
  std::uint32_t between(std::uint32_t low, std::uint32_t high) { return low + next() % (high - low + 1); }

 private:
  std::uint64_t state_ = 0x853c49e6748fea9bULL;
};

const char* const kNames[] = {"Terry Gray", "John Klensin", "Alice Example", "Bob Smith", "Carol de la Vega"};
const char* const kUsers[] = {"gray", "klensin", "alice", "bob", "carol"};
const char* const kHosts[] = {"cac.washington.edu", "mit.edu", "example.org", "mail.example.com", "lists.example.net"};
const char* const kSubjects[] = {"IMAP4rev2 WG mtg summary and minutes", "Re: quarterly report",
                                 "=?UTF-8?Q?R=C3=A9union_demain?=", "Fwd: build failures on the CI runners",
                                 "[list] proposal: drop support for the old protocol"};

std::string address(Random& random) {
  const auto i = random.between(0, 4);
  return std::string("(\"") + kNames[i] + "\" NIL \"" + kUsers[i] + "\" \"" + kHosts[random.between(0, 4)] + "\")";
}

std::string envelope(Random& random, std::uint32_t n) {
  std::string e = "(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"" + std::string(kSubjects[random.between(0, 4)]) + "\" (";
  e += address(random) + ") NIL NIL (" + address(random);
  if (random.between(0, 1)) e += address(random);
  e += ") ";
  e += random.between(0, 2) == 0 ? "(" + address(random) + ")" : "NIL";
  e += " NIL ";
  e += random.between(0, 1) ? "\"<" + std::to_string(n + 1000) + "@example.org>\"" : "NIL";
  e += " \"<" + std::to_string(n) + ".B27397-0100000@cac.washington.edu>\")";
  return e;
}

std::string text_part(Random& random, const char* subtype) {
  return std::string("(\"TEXT\" \"") + subtype + "\" (\"CHARSET\" \"UTF-8\") NIL NIL \"QUOTED-PRINTABLE\" " +
         std::to_string(random.between(300, 90000)) + " " + std::to_string(random.between(10, 2000)) +
         " NIL NIL NIL NIL)";
}

std::string body_structure(Random& random, std::uint32_t n) {
  const std::string alternative =
      "(" + text_part(random, "PLAIN") + text_part(random, "HTML") + " \"ALTERNATIVE\" (\"BOUNDARY\" \"b1_" +
      std::to_string(n) + "\") NIL NIL NIL)";
  switch (random.between(0, 3)) {
    case 0:
      return text_part(random, "PLAIN");
    case 1:
      return alternative;
    case 2:
      return "(" + alternative +
             "(\"APPLICATION\" \"PDF\" (\"NAME\" \"report.pdf\") NIL NIL \"BASE64\" " +
             std::to_string(random.between(20000, 900000)) +
             " NIL (\"ATTACHMENT\" (\"FILENAME\" \"report.pdf\")) NIL NIL) \"MIXED\" (\"BOUNDARY\" \"b0_" +
             std::to_string(n) + "\") NIL NIL NIL)";
    default:
      return "(" + text_part(random, "PLAIN") + "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" " +
             std::to_string(random.between(2000, 40000)) + " " + envelope(random, n + 7) + " " +
             text_part(random, "PLAIN") + " " + std::to_string(random.between(40, 800)) +
             " NIL (\"INLINE\" NIL) NIL NIL) \"MIXED\" (\"BOUNDARY\" \"b2_" + std::to_string(n) + "\") NIL NIL NIL)";
  }
}

const std::string& fetch_listing() {
  static const std::string listing = [] {
    Random random;
    std::string out;
    for (std::uint32_t n = 1; n <= 2000; ++n) {
      out += "* " + std::to_string(n) + " FETCH (UID " + std::to_string(n * 3 + 4000) + " FLAGS (";
      out += random.between(0, 1) ? "\\Seen" : "\\Seen \\Answered $Forwarded";
      out += ") RFC822.SIZE " + std::to_string(random.between(1500, 900000));
      out += " INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" ENVELOPE " + envelope(random, n);
      out += " BODYSTRUCTURE " + body_structure(random, n) + ")\r\n";
    }
    out += "A0042 OK UID FETCH completed\r\n";
    return out;
  }();
  return listing;
}

const std::string& body_download() {
  static const std::string download = [] {
    Random random;
    const std::string line =
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore\r\n";
    std::string out;
    for (std::uint32_t n = 1; n <= 200; ++n) {
      const std::size_t size = random.between(20 * 1024, 50 * 1024);
      std::string message = "From: Alice <alice@example.org>\r\nSubject: message " + std::to_string(n) + "\r\n\r\n";
      while (message.size() < size) message += line;
      message.resize(size);
      out += "* " + std::to_string(n) + " FETCH (UID " + std::to_string(n + 100) + " BODY[] {" +
             std::to_string(message.size()) + "}\r\n" + message + ")\r\n";
    }
    out += "A0043 OK UID FETCH completed\r\n";
    return out;
  }();
  return download;
}

void decode(benchmark::State& state, const std::string& buffer, std::size_t piece) {
  DecoderOptions options;
  std::size_t responses = 0;
  for (auto _ : state) {
    ResponseDecoder decoder(options);
    responses = 0;
    for (std::size_t at = 0; at < buffer.size(); at += piece) {
      std::string_view chunk = std::string_view(buffer).substr(at, piece);
      while (!chunk.empty()) {
        DecodeEvent event = decoder.decode(chunk);
        chunk.remove_prefix(event.consumed());
        if (event.complete()) {
          ++responses;
          benchmark::DoNotOptimize(event.response());
        } else if (event.failed()) {
          state.SkipWithError(event.error().message().c_str());
          return;
        } else {
          break;
        }
      }
    }
  }
  state.counters["responses"] = static_cast<double>(responses);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(buffer.size()));
}

void BM_ImapFetchListing_Decoder(benchmark::State& state) { decode(state, fetch_listing(), fetch_listing().size()); }
void BM_ImapFetchListing_Decoder16KiB(benchmark::State& state) { decode(state, fetch_listing(), 16 * 1024); }
void BM_ImapFetchListing_MemchrFloor(benchmark::State& state) {
  conformance::bench::memchr_line_scan(state, fetch_listing());
}
void BM_ImapBodyDownload_Decoder(benchmark::State& state) { decode(state, body_download(), body_download().size()); }
void BM_ImapBodyDownload_Decoder16KiB(benchmark::State& state) { decode(state, body_download(), 16 * 1024); }
void BM_ImapBodyDownload_MemchrFloor(benchmark::State& state) {
  conformance::bench::memchr_line_scan(state, body_download());
}

BENCHMARK(BM_ImapFetchListing_Decoder);
BENCHMARK(BM_ImapFetchListing_Decoder16KiB);
BENCHMARK(BM_ImapFetchListing_MemchrFloor);
BENCHMARK(BM_ImapBodyDownload_Decoder);
BENCHMARK(BM_ImapBodyDownload_Decoder16KiB);
BENCHMARK(BM_ImapBodyDownload_MemchrFloor);

}  // namespace
