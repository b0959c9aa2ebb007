// Encoded-words in header fields (RFC 2047), "=?charset?B|Q?text?=", with
// the language suffix of RFC 2231 §5 ("=?utf-8*en?Q?...?="). Decoding
// converts to UTF-8 where charset.hpp can; other charsets keep their bytes
// and are flagged.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::codec::mime {

// Where the text comes from decides what may delimit an encoded-word.
enum class EncodedWordContext {
  text,     // unstructured text (Subject, Content-Description) or a phrase:
            // encoded-words stand between white space (§5 (1), (3))
  comment,  // inside a comment, where '(' and ')' delimit as well (§5 (2))
};

struct DecodedText {
  std::string text;
  std::size_t encoded_words = 0;             // how many were decoded
  bool all_converted = true;                 // false: some bytes were left in their charset
  std::vector<std::string> unconverted_charsets;  // those charsets, in order of first use
  friend bool operator==(const DecodedText&, const DecodedText&) = default;
};

// Decodes the encoded-words in `text`. White space between two adjacent
// encoded-words is dropped (§6.2); encoded-words written back to back with
// no space (invalid, but common) are joined too. A malformed encoded-word
// is left as it is. Consecutive words in one charset are joined before
// conversion, so a character split across two words still decodes.
DecodedText decode_encoded_words(std::string_view text, EncodedWordContext context = EncodedWordContext::text);

enum class WordEncoding { q, b };

// Encodes `text` (UTF-8) as encoded-words in `charset`, each at most 75
// characters (§2) and never splitting a UTF-8 character (§5), separated by
// single spaces. Q words use only the characters §5 (3) allows in a phrase,
// so the result fits a Subject, a comment or a display name. Empty text
// gives an empty string.
std::string encode_encoded_words(std::string_view text, WordEncoding encoding = WordEncoding::q,
                                 std::string_view charset = "UTF-8");

// Unstructured text as a header field value: unchanged when it is printable
// US-ASCII with no "=?" and no line breaks, else encode_encoded_words.
std::string encode_header_text(std::string_view text);

}  // namespace conformance::codec::mime
