// Fuzz target for the MIME codec: parse a message, check that every entity's
// header section writes back byte for byte and that the byte ranges nest,
// compute ENVELOPE and BODYSTRUCTURE, serve sections, and round-trip the
// message structure and the structured fields through their serializers.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "common/fuzz_support.hpp"
#include "harness/codec/mime/address.hpp"
#include "harness/codec/mime/ascii.hpp"
#include "harness/codec/mime/date.hpp"
#include "harness/codec/mime/encoded_word.hpp"
#include "harness/codec/mime/entity.hpp"
#include "harness/codec/mime/imap_view.hpp"
#include "harness/codec/mime/media_type.hpp"
#include "harness/codec/mime/message_id.hpp"
#include "harness/codec/mime/rfc2231.hpp"
#include "harness/codec/mime/section.hpp"
#include "harness/codec/mime/structure.hpp"
#include "harness/codec/mime/transfer_encoding.hpp"

namespace {

using namespace conformance::codec::mime;

constexpr std::size_t kMaxPathsChecked = 16;

// Every entity: header then body, inside its parent, header written back exactly.
void check_part(const Part& part, std::string_view input, ByteRange parent) {
  FUZZ_CHECK(part.header.begin >= parent.begin && part.body.end <= parent.end);
  FUZZ_CHECK(part.header.end == part.body.begin && part.header.begin <= part.header.end && part.body.begin <= part.body.end);
  FUZZ_CHECK(part.fields.serialize() == part.header.in(input));
  if (part.kind == Part::Kind::multipart) {
    FUZZ_CHECK(part.preamble.begin == part.body.begin && part.preamble.end <= part.body.end);
    for (const auto& child : part.parts) check_part(child, input, part.body);
  } else if (part.kind == Part::Kind::message) {
    FUZZ_CHECK(part.message.has_value());
    FUZZ_CHECK((*part.message)->whole() == part.body);
    check_part(**part.message, input, part.body);
  }
}

void check_address_field(std::string_view value) {
  auto list = parse_address_list(value);
  if (!list) return;
  auto again = parse_address_list(serialize_address_list(*list));
  FUZZ_CHECK(again && *again == *list);
  (void)to_imap_addresses(*list);
}

void check_date_field(std::string_view value) {
  auto date = parse_date_time(value);
  if (!date) return;
  auto again = parse_date_time(serialize_date_time(*date));
  FUZZ_CHECK(again && *again == *date);
}

void check_message_id_field(std::string_view value) {
  auto ids = parse_message_id_list(value);
  if (!ids) return;
  auto again = parse_message_id_list(serialize_message_id_list(*ids));
  FUZZ_CHECK(again && *again == *ids);
}

void check_content_type_field(std::string_view value) {
  auto type = parse_content_type(value);
  if (!type) return;
  auto again = parse_content_type(serialize_content_type(*type));
  FUZZ_CHECK(again && *again == *type);
  for (const auto& decoded : decode_parameters(type->params)) {
    if (!decoded.converted) continue;
    // Re-encoding a decoded UTF-8 value gives it back.
    auto reencoded = decode_parameters(encode_parameter(decoded.name.empty() ? "p" : decoded.name, decoded.value));
    FUZZ_CHECK(reencoded.size() == 1 && reencoded[0].value == decoded.value);
  }
}

void check_disposition_field(std::string_view value) {
  auto disposition = parse_content_disposition(value);
  if (!disposition) return;
  auto again = parse_content_disposition(serialize_content_disposition(*disposition));
  FUZZ_CHECK(again && *again == *disposition);
}

void check_text_field(std::string_view value) {
  const DecodedText decoded = decode_encoded_words(value);
  for (auto encoding : {WordEncoding::q, WordEncoding::b}) {
    const DecodedText again = decode_encoded_words(encode_encoded_words(decoded.text, encoding));
    FUZZ_CHECK(again.text == decoded.text);
  }
}

// Part paths in IMAP numbering (RFC 9051 §6.4.5), breadth first, a bounded number.
std::vector<std::vector<std::uint32_t>> part_paths(const Part& root) {
  std::vector<std::vector<std::uint32_t>> paths;
  std::vector<std::vector<std::uint32_t>> queue{{}};
  for (std::size_t next = 0; next < queue.size() && paths.size() < kMaxPathsChecked; ++next) {
    for (std::uint32_t number = 1; paths.size() < kMaxPathsChecked; ++number) {
      std::vector<std::uint32_t> path = queue[next];
      path.push_back(number);
      if (find_part(root, path) == nullptr) break;
      paths.push_back(path);
      queue.push_back(std::move(path));
    }
  }
  return paths;
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (auto candidate : names)
    if (iequals(name, candidate)) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = conformance::fuzz::as_view(data, size);
  auto parsed = parse_message(input);
  if (!parsed) {
    FUZZ_CHECK(parsed.error().offset <= size + 1);
    return 0;
  }
  const Part& root = parsed->root;
  FUZZ_CHECK(root.header.begin == 0 && root.body.end == size);
  // The header section written back is the input's header, byte for byte.
  FUZZ_CHECK(root.fields.serialize() == input.substr(0, root.header.end));

  check_part(root, input, ByteRange{0, size});

  (void)compute_envelope(root.fields);
  (void)compute_body_structure(root, input);
  BodyStructureOptions raw;
  raw.decode_parameters = false;
  raw.extension_data = false;
  (void)compute_body_structure(root, input, raw);

  using Text = SectionSpec::Text;
  auto whole = fetch_section(*parsed, input, SectionSpec{{}, Text::none, {}});
  FUZZ_CHECK(whole && *whole == input);
  auto header = fetch_section(*parsed, input, SectionSpec{{}, Text::header, {}});
  auto text = fetch_section(*parsed, input, SectionSpec{{}, Text::text, {}});
  FUZZ_CHECK(header && text && *header + *text == input);
  for (const auto& part_path : part_paths(root)) {
    const Part* part = find_part(root, part_path);
    FUZZ_CHECK(part != nullptr);
    auto mime = fetch_section(*parsed, input, SectionSpec{part_path, Text::mime, {}});
    FUZZ_CHECK(mime && *mime == part->header.in(input));
    auto fields = fetch_section(*parsed, input, SectionSpec{part_path, Text::header_fields, {"Subject", "From"}});
    FUZZ_CHECK(fields.ok() == (part->kind == Part::Kind::message));
  }

  // The message structure survives serialize and parse.
  const Entity entity = to_entity(root, input);
  const std::string written = serialize_entity(entity);
  auto reparsed = parse_entity(written);
  FUZZ_CHECK(reparsed.ok());
  FUZZ_CHECK(*reparsed == entity);

  // Structured fields of the top-level header round-trip through their writers.
  for (const auto& field : root.fields.fields) {
    const std::string_view name = field.name;
    if (is_one_of(name, {"From", "To", "Cc", "Bcc", "Reply-To", "Sender", "Resent-From", "Resent-To"})) {
      check_address_field(field.value);
    } else if (is_one_of(name, {"Date", "Resent-Date"})) {
      check_date_field(field.value);
    } else if (is_one_of(name, {"Message-ID", "In-Reply-To", "References", "Content-ID"})) {
      check_message_id_field(field.value);
    } else if (is_one_of(name, {"Content-Type"})) {
      check_content_type_field(field.value);
    } else if (is_one_of(name, {"Content-Disposition"})) {
      check_disposition_field(field.value);
    } else if (is_one_of(name, {"Subject", "Content-Description"})) {
      check_text_field(field.unfolded());
    }
  }

  // Quoted-printable gives back any body it encodes.
  const std::string_view body = root.body.in(input).substr(0, 4096);
  FUZZ_CHECK(decode_quoted_printable(encode_quoted_printable(body)) == body);
  (void)decode_quoted_printable_strict(body);
  return 0;
}
