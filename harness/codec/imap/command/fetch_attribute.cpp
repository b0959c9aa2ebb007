#include "harness/codec/imap/command/fetch_attribute.hpp"

#include <iterator>

#include "harness/codec/imap/chars.hpp"

namespace conformance::codec::imap::command {
namespace {

using Kind = FetchAttribute::Kind;

enum class Shape {
  plain,             // no section
  body,              // BODY: plain, or a section with optional partial
  section_required,  // BODY.PEEK: section and optional partial
  binary,            // BINARY, BINARY.PEEK: section-binary and optional partial
  binary_size,       // BINARY.SIZE: section-binary only
};

struct AttributeSpec {
  std::string_view name;
  Kind kind;
  Shape shape;
  bool peek;
};

constexpr AttributeSpec kAttributes[] = {
    {"ENVELOPE", Kind::envelope, Shape::plain, false},
    {"FLAGS", Kind::flags, Shape::plain, false},
    {"INTERNALDATE", Kind::internal_date, Shape::plain, false},
    {"RFC822", Kind::rfc822, Shape::plain, false},
    {"RFC822.HEADER", Kind::rfc822_header, Shape::plain, false},
    {"RFC822.SIZE", Kind::rfc822_size, Shape::plain, false},
    {"RFC822.TEXT", Kind::rfc822_text, Shape::plain, false},
    {"BODYSTRUCTURE", Kind::body_structure, Shape::plain, false},
    {"UID", Kind::uid, Shape::plain, false},
    {"MODSEQ", Kind::modseq, Shape::plain, false},
    {"EMAILID", Kind::email_id, Shape::plain, false},
    {"THREADID", Kind::thread_id, Shape::plain, false},
    {"SAVEDATE", Kind::save_date, Shape::plain, false},
    {"BODY", Kind::body, Shape::body, false},
    {"BODY.PEEK", Kind::body_section, Shape::section_required, true},
    {"BINARY", Kind::binary, Shape::binary, false},
    {"BINARY.PEEK", Kind::binary, Shape::binary, true},
    {"BINARY.SIZE", Kind::binary_size, Shape::binary_size, false},
};

constexpr std::string_view kMacroNames[] = {"ALL", "FAST", "FULL"};

// Attribute names are letters, digits and dots; "[" and "<" start what follows.
constexpr bool is_name_char(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '.';
}

std::string_view take_name(Reader& reader) {
  const std::size_t begin = reader.offset();
  while (!reader.at_end() && is_name_char(static_cast<unsigned char>(reader.peek()))) reader.try_consume(reader.peek());
  return reader.input().substr(begin, reader.offset() - begin);
}

std::optional<Partial> read_partial(Reader& reader) {
  if (!reader.try_consume('<')) return std::nullopt;
  Partial partial;
  partial.offset = reader.number();
  reader.expect('.');
  partial.length = reader.nz_number();
  reader.expect('>');
  return partial;
}

}  // namespace

FetchAttribute FetchAttribute::simple(Kind kind) {
  FetchAttribute attribute;
  attribute.kind = kind;
  return attribute;
}

FetchAttribute FetchAttribute::body_part(Section section, bool peek, std::optional<Partial> partial) {
  FetchAttribute attribute = simple(Kind::body_section);
  attribute.section = std::move(section);
  attribute.peek = peek;
  attribute.partial = partial;
  return attribute;
}

FetchAttribute FetchAttribute::binary_part(Section section, bool peek, std::optional<Partial> partial) {
  FetchAttribute attribute = body_part(std::move(section), peek, partial);
  attribute.kind = Kind::binary;
  return attribute;
}

FetchAttribute read_fetch_attribute(Reader& reader) {
  FetchAttribute attribute;
  if (!reader.ok()) return attribute;
  const std::size_t at = reader.offset();
  const auto name = take_name(reader);
  const AttributeSpec* spec = nullptr;
  for (const auto& candidate : kAttributes)
    if (iequals(candidate.name, name)) spec = &candidate;
  if (spec == nullptr) {
    reader.fail_at(at, "fetch attribute");
    return attribute;
  }
  attribute.kind = spec->kind;
  attribute.peek = spec->peek;
  switch (spec->shape) {
    case Shape::plain:
      break;
    case Shape::body:
      if (reader.peek() != '[') break;
      attribute.kind = Kind::body_section;
      [[fallthrough]];
    case Shape::section_required:
      attribute.section = read_section(reader);
      attribute.partial = read_partial(reader);
      break;
    case Shape::binary:
      attribute.section = read_section_binary(reader);
      attribute.partial = read_partial(reader);
      break;
    case Shape::binary_size:
      attribute.section = read_section_binary(reader);
      break;
  }
  return reader.ok() ? attribute : FetchAttribute{};
}

void write_fetch_attribute(Writer& writer, const FetchAttribute& attribute) {
  switch (attribute.kind) {
    case Kind::body_section:
      writer.raw(attribute.peek ? "BODY.PEEK" : "BODY");
      write_section(writer, attribute.section);
      break;
    case Kind::binary:
    case Kind::binary_size: {
      writer.raw(attribute.kind == Kind::binary_size ? "BINARY.SIZE" : attribute.peek ? "BINARY.PEEK" : "BINARY");
      // section-binary holds part numbers only.
      Section part;
      part.part = attribute.section.part;
      write_section(writer, part);
      break;
    }
    default:
      for (const auto& spec : kAttributes)
        if (spec.kind == attribute.kind && spec.shape != Shape::section_required) {
          writer.raw(spec.name);
          break;
        }
      return;
  }
  if (attribute.partial && attribute.kind != Kind::binary_size) {
    writer.raw("<").number(attribute.partial->offset).raw(".").number(attribute.partial->length).raw(">");
  }
}

std::optional<FetchMacro> try_read_fetch_macro(Reader& reader) {
  if (!reader.ok()) return std::nullopt;
  Reader ahead = reader;
  const auto name = take_name(ahead);
  for (std::size_t i = 0; i < std::size(kMacroNames); ++i) {
    if (iequals(name, kMacroNames[i])) {
      take_name(reader);
      return static_cast<FetchMacro>(i);
    }
  }
  return std::nullopt;
}

std::string_view fetch_macro_name(FetchMacro macro) { return kMacroNames[static_cast<std::size_t>(macro)]; }

}  // namespace conformance::codec::imap::command
