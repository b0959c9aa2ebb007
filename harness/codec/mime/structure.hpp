// The MIME structure of a message (RFC 2045, RFC 2046 §5): the message and
// every body part in it, each with its header fields, its effective media
// type and the byte ranges it occupies in the input, so that IMAP's
// BODY[1.2.HEADER], BODY[1.MIME], BODY[1.TEXT] and partial fetches can be
// served by slicing the original (section.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/box.hpp"
#include "harness/codec/common/result.hpp"
#include "harness/codec/mime/anomaly.hpp"
#include "harness/codec/mime/header.hpp"
#include "harness/codec/mime/limits.hpp"
#include "harness/codec/mime/media_type.hpp"

namespace conformance::codec::mime {

// [begin, end) in the parsed input.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  std::string_view in(std::string_view input) const { return input.substr(begin, end - begin); }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

// An entity: the message itself, a body part of a multipart, or the message
// encapsulated in a message/rfc822 part (RFC 2045 §2.4).
struct Part {
  enum class Kind {
    leaf,       // a discrete body
    multipart,  // multipart/* with a boundary: `parts`, `preamble`, `epilogue`
    message,    // message/rfc822 or message/global: `message`
  };
  Kind kind = Kind::leaf;

  ByteRange header;  // the header fields and the blank line after them
  ByteRange body;    // everything after the blank line, to the end of the entity
  HeaderSection fields;

  // The Content-Type in effect: as written, or the default of RFC 2045 §5.2
  // ("TEXT/PLAIN; CHARSET=US-ASCII"), or "MESSAGE/RFC822" in a
  // multipart/digest (RFC 2046 §5.1.5), when absent or invalid.
  MediaType content_type;
  bool content_type_defaulted = false;
  // The Content-Transfer-Encoding as written, unfolded; empty when absent.
  std::string transfer_encoding;

  // Multipart.
  std::vector<Part> parts;
  ByteRange preamble;  // before the first delimiter line (its CRLF excluded)
  ByteRange epilogue;  // after the "--boundary--" of the close delimiter
  bool closed = false;  // the close delimiter was found

  // message/rfc822: the encapsulated message. Its range is this part's body.
  std::optional<Box<Part>> message;

  ByteRange whole() const { return ByteRange{header.begin, body.end}; }
  friend bool operator==(const Part&, const Part&) = default;
};

struct ParsedMessage {
  Part root;  // the message: its header is the message header
  std::vector<Anomaly> anomalies;
};

// Parses a whole message. The top-level header section must parse (a syntax
// error or a cap is an error); a body part whose header does not parse is
// reported (invalid_part_header) and taken as a part with no header fields.
// Caps (Limits) are errors wherever they are hit.
Result<ParsedMessage> parse_message(std::string_view input, const Limits& limits = {});

// Number of text lines in `bytes`: line breaks, plus one for a last line
// that has no line break (the size in lines of RFC 9051 body-fld-lines).
std::size_t count_lines(std::string_view bytes);

}  // namespace conformance::codec::mime
