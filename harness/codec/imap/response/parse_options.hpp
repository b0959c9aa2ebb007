// How the response parser reads what a server sent: strictly (the default:
// the first departure from the grammar is an error at its offset) or
// leniently (known server quirks are accepted and each one is reported, so
// a conformance check still sees every violation while the harness carries
// on). Caps on what one response may make the parser allocate.
#pragma once

#include <cstddef>
#include <string>

namespace conformance::codec::imap {

// A departure from RFC 9051 / RFC 3501 that lenient parsing tolerated.
struct Leniency {
  std::size_t offset = 0;  // where in the response (or, from the decoder, the stream)
  std::string what;        // e.g. "SP before ')'"
  friend bool operator==(const Leniency&, const Leniency&) = default;
};

struct ResponseLimits {
  // Parenthesized nesting of any kind (Reader depth); bounds all recursion.
  std::size_t max_list_depth = 64;
  // BODYSTRUCTURE nesting: multipart parts and message/rfc822 bodies.
  std::size_t max_body_depth = 32;
  // List elements in one response (numbers, flags, FETCH items, body parts,
  // addresses, parameters ...): bounds what a response can make the parser
  // allocate independently of the frame size caps.
  std::size_t max_elements = 250'000;
};

struct ParseOptions {
  bool lenient = false;
  // Accept LF alone where CRLF is due (set by the decoder when its framer
  // accepts bare LF; the decoder reports each such frame).
  bool allow_bare_lf = false;
  ResponseLimits limits;
};

}  // namespace conformance::codec::imap
