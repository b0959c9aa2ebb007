// Making untrusted text safe for each output: the server under test is hostile,
// and anything it sent (replies quoted in `received`, transcripts) may hold
// markup, terminal escapes, control bytes or bytes that are not UTF-8.
//
// All three functions keep valid UTF-8 as it is and show each byte that is not
// part of valid UTF-8 as \xHH, so every output is valid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace conformance::reports {

// For JSON strings (the JSON writer escapes control characters itself).
std::string valid_utf8(std::string_view text);

// For a terminal: control characters (C0, DEL, C1) shown as \xHH or \u0085,
// so a reply cannot move the cursor or change colours. Newlines are kept
// only when asked; tabs are kept.
std::string visible_text(std::string_view text, bool keep_newlines);

enum class MarkupContext {
  text,       // element content: tab and LF kept, CR as &#13;
  attribute,  // attribute value: tab, LF and CR as character references so they survive normalisation
};

// For XML 1.0 and HTML alike: & < > " ' as entities ("]]>" cannot close a
// CDATA section or anything else), characters XML 1.0 forbids (C0 controls
// other than tab/LF/CR, U+FFFE, U+FFFF) and other controls (DEL, C1) shown
// visibly as \xHH or \u0085.
std::string escape_markup(std::string_view text, MarkupContext context = MarkupContext::text);

}  // namespace conformance::reports
