// Body section specifiers (RFC 9051 §6.4.5 and §9: section, section-binary)
// and flag lists: grammar that commands (FETCH, STORE, APPEND) and responses
// (FETCH, FLAGS, PERMANENTFLAGS) share.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/codec/imap/reader.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap {

struct Section {
  enum class Text {
    none,               // "[]" or "[1.2]": the whole message or part
    header,             // HEADER
    header_fields,      // HEADER.FIELDS (...)
    header_fields_not,  // HEADER.FIELDS.NOT (...)
    text,               // TEXT
    mime,               // MIME (only after a part number)
  };
  std::vector<std::uint32_t> part;  // "1.2.3" as {1,2,3}; empty for the top level
  Text text = Text::none;
  std::vector<std::string> header_fields;  // for header_fields / header_fields_not
  friend bool operator==(const Section&, const Section&) = default;
};

// section = "[" [section-spec] "]"
Section read_section(Reader& reader);
void write_section(Writer& writer, const Section& section);

// section-binary = "[" [section-part] "]" (RFC 3516 / RFC 9051 BINARY[...])
Section read_section_binary(Reader& reader);

// flag-list = "(" [flag *(SP flag)] ")"
std::vector<std::string> read_flag_list(Reader& reader);
void write_flag_list(Writer& writer, const std::vector<std::string>& flags);

}  // namespace conformance::codec::imap
