// Throughput of the MIME codec on realistic messages: parse_message (header
// sections, boundary search, nested parts) and the IMAP views computed from
// the parse, each next to the memchr line-scan floor over the same bytes.
#include <benchmark/benchmark.h>

#include <string>

#include "floor.hpp"
#include "harness/codec/mime/builder.hpp"
#include "harness/codec/mime/imap_view.hpp"
#include "harness/codec/mime/structure.hpp"

namespace {

using namespace conformance::codec::mime;

// About 1 MB: a text part, a 700 KB base64 attachment and a forwarded
// multipart/alternative message, under a typical header section.
const std::string& large_message() {
  static const std::string message = [] {
    MessageFields fields;
    fields.date = DateTime{4, 21, 11, 1997, 9, 55, 6, -360, false};
    fields.from = {Mailbox{"John Doe", {}, "jdoe", "machine.example"}};
    fields.to = {Mailbox{"Mary Smith", {}, "mary", "example.net"}};
    fields.message_id = MessageId{"1234", "local.machine.example"};
    fields.subject = "Quarterly figures";
    for (int i = 0; i < 12; ++i)
      fields.extra.emplace_back("Received", "from relay" + std::to_string(i) + ".example by mx.example with ESMTP id " +
                                                std::to_string(1000 + i) + "; Fri, 21 Nov 1997 09:55:06 -0600");
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "Line " + std::to_string(i) + " of the covering note, plain ASCII text.\n";
    std::string binary;
    for (int i = 0; i < 700 * 1024; ++i) binary += static_cast<char>((i * 7919) & 0xFF);
    Entity forwarded = compose_message(
        fields, make_multipart("alternative", {make_text_part(text), make_text_part("<p>" + text + "</p>", "html")}));
    return serialize_entity(compose_message(
        fields, make_multipart("mixed", {make_text_part(text), make_attachment("figures.bin", "application/octet-stream", binary),
                                         make_message_part(forwarded)})));
  }();
  return message;
}

// A small message as most of a mailbox is: headers dominate.
const std::string& small_message() {
  static const std::string message = [] {
    MessageFields fields;
    fields.date = DateTime{4, 21, 11, 1997, 9, 55, 6, -360, false};
    fields.from = {Mailbox{"John Doe", {}, "jdoe", "machine.example"}};
    fields.to = {Mailbox{"Mary Smith", {}, "mary", "example.net"}, Mailbox{std::nullopt, {}, "boss", "nil.test"}};
    fields.message_id = MessageId{"1234", "local.machine.example"};
    fields.subject = "Saying Hello";
    for (int i = 0; i < 8; ++i)
      fields.extra.emplace_back("Received", "from relay" + std::to_string(i) + ".example by mx.example; 21 Nov 1997 10:05:43 -0600");
    return serialize_entity(compose_message(fields, make_text_part("This is a message just to say hello.\nSo, \"Hello\".\n")));
  }();
  return message;
}

void BM_ParseLargeMessage(benchmark::State& state) {
  const std::string& message = large_message();
  for (auto _ : state) {
    auto parsed = parse_message(message);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(message.size()));
}
BENCHMARK(BM_ParseLargeMessage);

void BM_BodyStructureLargeMessage(benchmark::State& state) {
  const std::string& message = large_message();
  auto parsed = parse_message(message);
  for (auto _ : state) {
    auto body = compute_body_structure(parsed->root, message);
    benchmark::DoNotOptimize(body);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(message.size()));
}
BENCHMARK(BM_BodyStructureLargeMessage);

void BM_FloorLargeMessage(benchmark::State& state) { conformance::bench::memchr_line_scan(state, large_message()); }
BENCHMARK(BM_FloorLargeMessage);

void BM_ParseSmallMessageAndEnvelope(benchmark::State& state) {
  const std::string& message = small_message();
  for (auto _ : state) {
    auto parsed = parse_message(message);
    auto envelope = compute_envelope(parsed->root.fields);
    benchmark::DoNotOptimize(envelope);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(message.size()));
}
BENCHMARK(BM_ParseSmallMessageAndEnvelope);

void BM_FloorSmallMessage(benchmark::State& state) { conformance::bench::memchr_line_scan(state, small_message()); }
BENCHMARK(BM_FloorSmallMessage);

}  // namespace
