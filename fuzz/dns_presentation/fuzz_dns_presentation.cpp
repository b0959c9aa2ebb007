// Fuzzes the zone-file RDATA parser (what zones in scenarios and fake
// configs are written in). The first input octet picks the record type, the
// rest is the text. Properties checked:
//  - RDATA that parses prints (presentation.hpp) to text that parses back to
//    the same RDATA;
//  - a record type that parses prints back to a name that parses the same.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/fuzz_support.hpp"
#include "harness/codec/dns/presentation.hpp"
#include "harness/codec/dns/presentation_parse.hpp"

namespace {

using namespace conformance::codec::dns;

constexpr RecordType kTypes[] = {RecordType::a,   RecordType::aaaa, RecordType::ns,  RecordType::cname,
                                 RecordType::ptr, RecordType::mx,   RecordType::txt, RecordType::soa,
                                 RecordType::srv, RecordType::tlsa, static_cast<RecordType>(65)};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const RecordType type = kTypes[data[0] % (sizeof kTypes / sizeof kTypes[0])];
  const std::string_view text = conformance::fuzz::as_view(data + 1, size - 1);
  auto rdata = rdata_from_text(type, text);
  if (rdata) {
    const std::string printed = to_text(*rdata);
    auto again = rdata_from_text(type, printed);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(*again == *rdata);
  }
  auto parsed_type = record_type_from_text(text);
  if (parsed_type) {
    auto again = record_type_from_text(to_text(*parsed_type));
    FUZZ_CHECK(again.ok() && *again == *parsed_type);
  }
  return 0;
}
