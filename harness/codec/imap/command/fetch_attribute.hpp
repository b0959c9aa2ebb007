// FETCH data items a client asks for (RFC 9051 §6.4.5 and §9 fetch-att;
// RFC 3501 §6.4.5 for RFC822, RFC822.HEADER, RFC822.TEXT; RFC 7162 MODSEQ;
// RFC 8474 EMAILID, THREADID; RFC 8514 SAVEDATE).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "harness/codec/imap/reader.hpp"
#include "harness/codec/imap/section.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap::command {

// partial = "<" number "." nz-number ">": `length` octets from `offset`.
struct Partial {
  std::uint32_t offset = 0;
  std::uint32_t length = 1;
  friend bool operator==(const Partial&, const Partial&) = default;
};

struct FetchAttribute {
  enum class Kind {
    envelope,
    flags,
    internal_date,
    rfc822,         // RFC 3501
    rfc822_header,  // RFC 3501
    rfc822_size,
    rfc822_text,     // RFC 3501
    body,            // BODY without a section: the non-extensible BODYSTRUCTURE
    body_structure,
    uid,
    body_section,  // BODY[section]<partial> or, with `peek`, BODY.PEEK[...]
    binary,        // BINARY[section-binary]<partial> or BINARY.PEEK[...] (RFC 3516, RFC 9051)
    binary_size,   // BINARY.SIZE[section-binary]
    modseq,        // RFC 7162
    email_id,      // RFC 8474
    thread_id,     // RFC 8474
    save_date,     // RFC 8514
  };
  Kind kind = Kind::flags;
  bool peek = false;               // body_section, binary: the .PEEK form
  Section section;                 // body_section, binary, binary_size (part numbers only for the binary ones)
  std::optional<Partial> partial;  // body_section, binary

  static FetchAttribute simple(Kind kind);
  static FetchAttribute body_part(Section section, bool peek = false, std::optional<Partial> partial = std::nullopt);
  static FetchAttribute binary_part(Section section, bool peek = false, std::optional<Partial> partial = std::nullopt);
  friend bool operator==(const FetchAttribute&, const FetchAttribute&) = default;
};

// The macros stand for lists of attributes (RFC 9051 §6.4.5).
enum class FetchMacro { all, fast, full };

// fetch-att; an unknown name fails at its first byte, "fetch attribute".
FetchAttribute read_fetch_attribute(Reader& reader);
void write_fetch_attribute(Writer& writer, const FetchAttribute& attribute);

// "ALL" / "FAST" / "FULL" if one of them starts at the reader (and is not
// followed by more name characters); consumes it.
std::optional<FetchMacro> try_read_fetch_macro(Reader& reader);
std::string_view fetch_macro_name(FetchMacro macro);

}  // namespace conformance::codec::imap::command
