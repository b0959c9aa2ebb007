#include "harness/codec/imap/section.hpp"

namespace conformance::codec::imap {
namespace {

std::vector<std::uint32_t> read_part(Reader& reader) {
  std::vector<std::uint32_t> part;
  part.push_back(reader.nz_number());
  // A "." is followed either by another number or by section-text.
  while (reader.ok() && reader.peek() == '.' && reader.peek(1) >= '0' && reader.peek(1) <= '9') {
    reader.expect('.');
    part.push_back(reader.nz_number());
  }
  return part;
}

void read_header_list(Reader& reader, std::vector<std::string>& fields) {
  reader.sp();
  reader.open();
  do {
    fields.push_back(reader.astring());
  } while (reader.ok() && reader.try_consume(' '));
  reader.close();
}

void read_msgtext(Reader& reader, Section& section, bool allow_mime) {
  if (reader.try_keyword("HEADER.FIELDS.NOT")) {
    section.text = Section::Text::header_fields_not;
    read_header_list(reader, section.header_fields);
  } else if (reader.try_keyword("HEADER.FIELDS")) {
    section.text = Section::Text::header_fields;
    read_header_list(reader, section.header_fields);
  } else if (reader.try_keyword("HEADER")) {
    section.text = Section::Text::header;
  } else if (reader.try_keyword("TEXT")) {
    section.text = Section::Text::text;
  } else if (allow_mime && reader.try_keyword("MIME")) {
    section.text = Section::Text::mime;
  } else {
    reader.fail(allow_mime ? "HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or MIME"
                           : "part number, HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT or TEXT");
  }
}

const char* text_keyword(Section::Text text) {
  switch (text) {
    case Section::Text::header: return "HEADER";
    case Section::Text::header_fields: return "HEADER.FIELDS";
    case Section::Text::header_fields_not: return "HEADER.FIELDS.NOT";
    case Section::Text::text: return "TEXT";
    case Section::Text::mime: return "MIME";
    case Section::Text::none: break;
  }
  return "";
}

}  // namespace

Section read_section(Reader& reader) {
  Section section;
  reader.expect('[');
  if (reader.try_consume(']')) return section;
  if (reader.peek() >= '0' && reader.peek() <= '9') {
    section.part = read_part(reader);
    if (reader.try_consume('.')) read_msgtext(reader, section, /*allow_mime=*/true);
  } else {
    read_msgtext(reader, section, /*allow_mime=*/false);
  }
  reader.expect(']');
  return reader.ok() ? section : Section{};
}

Section read_section_binary(Reader& reader) {
  Section section;
  reader.expect('[');
  if (reader.try_consume(']')) return section;
  section.part = read_part(reader);
  reader.expect(']');
  return reader.ok() ? section : Section{};
}

void write_section(Writer& writer, const Section& section) {
  writer.raw("[");
  for (std::size_t i = 0; i < section.part.size(); ++i) {
    if (i > 0) writer.raw(".");
    writer.number(section.part[i]);
  }
  if (section.text != Section::Text::none) {
    if (!section.part.empty()) writer.raw(".");
    writer.raw(text_keyword(section.text));
    if (section.text == Section::Text::header_fields || section.text == Section::Text::header_fields_not) {
      writer.sp().open();
      for (std::size_t i = 0; i < section.header_fields.size(); ++i) {
        if (i > 0) writer.sp();
        writer.astring(section.header_fields[i]);
      }
      writer.close();
    }
  }
  writer.raw("]");
}

std::vector<std::string> read_flag_list(Reader& reader) {
  std::vector<std::string> flags;
  reader.open();
  if (reader.try_close()) return flags;
  do {
    flags.push_back(reader.flag());
  } while (reader.ok() && reader.try_consume(' '));
  reader.close();
  return reader.ok() ? flags : std::vector<std::string>{};
}

void write_flag_list(Writer& writer, const std::vector<std::string>& flags) {
  writer.open();
  for (std::size_t i = 0; i < flags.size(); ++i) {
    if (i > 0) writer.sp();
    writer.raw(flags[i]);
  }
  writer.close();
}

}  // namespace conformance::codec::imap
