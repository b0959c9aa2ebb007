// Fuzzes the mbox reader that seeds the fakes' store from archive files
// (RFC 4155). Properties checked:
//  - a file that parses is empty or starts with a From_ line, and its
//    messages come in file order (rising From_ line numbers);
//  - reading never adds bytes: the messages together are no longer than the
//    file (unquoting and framing only remove);
//  - the Status/X-Status flags of a message are distinct system flags;
//  - a From_ line that parses gives a date with a sane zone offset.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/fuzz_support.hpp"
#include "harness/codec/mime/mbox.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace conformance::codec::mime;
  const std::string_view file = conformance::fuzz::as_view(data, size);

  const auto parsed = parse_mbox(file);
  if (parsed) {
    FUZZ_CHECK(file.empty() == parsed->empty());
    if (!file.empty()) FUZZ_CHECK(file.starts_with("From "));
    std::size_t total = 0;
    std::size_t previous_line = 0;
    for (const auto& message : *parsed) {
      FUZZ_CHECK(message.line > previous_line);
      previous_line = message.line;
      total += message.bytes.size();
      FUZZ_CHECK(message.delivered_offset_minutes > -24 * 60 && message.delivered_offset_minutes < 24 * 60);
      const auto flags = mbox_status_flags(message.bytes);
      FUZZ_CHECK(flags.size() <= 5);
      for (const auto& flag : flags) {
        FUZZ_CHECK(flag.starts_with('\\'));
        FUZZ_CHECK(std::count(flags.begin(), flags.end(), flag) == 1);
      }
    }
    FUZZ_CHECK(total <= file.size());
  } else {
    FUZZ_CHECK(parsed.error().offset == 0);
  }

  std::string_view first_line = file.substr(0, file.find('\n'));
  if (first_line.starts_with("From ")) first_line.remove_prefix(5);
  if (const auto from = parse_from_line(first_line)) {
    FUZZ_CHECK(from->offset_minutes > -24 * 60 && from->offset_minutes < 24 * 60);
    FUZZ_CHECK(from->envelope_sender.find(' ') == std::string::npos);
  }
  return 0;
}
