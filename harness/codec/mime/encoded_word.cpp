#include "harness/codec/mime/encoded_word.hpp"

#include <cstring>
#include <optional>

#include "harness/codec/common/base64.hpp"
#include "harness/codec/mime/ascii.hpp"
#include "harness/codec/mime/charset.hpp"

namespace conformance::codec::mime {

namespace {

// especials of RFC 2047 §2, which a charset name may not contain.
bool is_charset_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u <= 32 || u >= 127) return false;
  return std::strchr("()<>@,;:\"/[]?.=", c) == nullptr;
}

struct EncodedWord {
  std::size_t end = 0;  // one past "?="
  std::string charset;  // without an RFC 2231 language suffix
  std::string bytes;    // decoded octets, still in `charset`
};

std::optional<std::string> decode_q(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '_') {
      out += ' ';  // §4.2 (2): "_" is always 0x20, whatever the charset
    } else if (c == '=') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::string> decode_b(std::string_view text) {
  for (char c : text)
    if (!(is_alpha(c) || is_digit(c) || c == '+' || c == '/' || c == '=')) return std::nullopt;
  // Padding is sometimes missing in real mail; the MIME decoder tolerates it.
  return base64_decode_mime(text);
}

// Parses "=?charset?E?text?=" starting at `at`.
std::optional<EncodedWord> parse_encoded_word(std::string_view text, std::size_t at) {
  if (text.compare(at, 2, "=?") != 0) return std::nullopt;
  std::size_t k = at + 2;
  const std::size_t charset_start = k;
  while (k < text.size() && (is_charset_char(text[k]) || text[k] == '*') && text[k] != '?') ++k;
  if (k == charset_start || k >= text.size() || text[k] != '?') return std::nullopt;
  std::string_view charset = text.substr(charset_start, k - charset_start);
  if (const auto star = charset.find('*'); star != std::string_view::npos) charset = charset.substr(0, star);
  if (charset.empty()) return std::nullopt;
  ++k;
  if (k + 1 >= text.size() || text[k + 1] != '?') return std::nullopt;
  const char encoding = ascii_upper(text[k]);
  if (encoding != 'B' && encoding != 'Q') return std::nullopt;
  k += 2;
  const std::size_t text_start = k;
  // encoded-text: printable ASCII except '?' and SPACE (§2).
  while (k < text.size() && text[k] != '?' && static_cast<unsigned char>(text[k]) > 32 &&
         static_cast<unsigned char>(text[k]) < 127)
    ++k;
  if (k + 1 >= text.size() || text[k] != '?' || text[k + 1] != '=') return std::nullopt;
  const std::string_view encoded = text.substr(text_start, k - text_start);
  auto bytes = encoding == 'B' ? decode_b(encoded) : decode_q(encoded);
  if (!bytes) return std::nullopt;
  return EncodedWord{k + 2, std::string(charset), std::move(*bytes)};
}

bool all_linear_white_space(std::string_view text) {
  for (char c : text)
    if (!is_folding_space(c)) return false;
  return true;
}

struct Segment {
  bool encoded = false;
  std::string charset;
  std::string bytes;
};

}  // namespace

DecodedText decode_encoded_words(std::string_view text, EncodedWordContext context) {
  const bool comment = context == EncodedWordContext::comment;
  auto opens = [&](char c) { return is_folding_space(c) || (comment && c == '('); };
  auto closes = [&](char c) { return is_folding_space(c) || (comment && c == ')'); };

  std::vector<Segment> segments;
  std::size_t literal_start = 0;
  std::size_t last_word_end = std::string_view::npos;
  std::size_t search = 0;
  while (search < text.size()) {
    const std::size_t at = text.find("=?", search);
    if (at == std::string_view::npos) break;
    const bool delimited_before = at == 0 || opens(text[at - 1]) || at == last_word_end;
    std::optional<EncodedWord> word;
    if (delimited_before) word = parse_encoded_word(text, at);
    if (word && word->end < text.size() && !closes(text[word->end]) && text.compare(word->end, 2, "=?") != 0)
      word.reset();  // runs into other text: not an encoded-word (§5 (1))
    if (!word) {
      search = at + 2;
      continue;
    }
    const std::string_view between = text.substr(literal_start, at - literal_start);
    const bool after_word = !segments.empty() && segments.back().encoded && last_word_end == literal_start;
    if (!(after_word && all_linear_white_space(between)) && !between.empty())
      segments.push_back(Segment{false, {}, std::string(between)});
    segments.push_back(Segment{true, std::move(word->charset), std::move(word->bytes)});
    literal_start = word->end;
    last_word_end = word->end;
    search = word->end;
  }
  if (literal_start < text.size()) segments.push_back(Segment{false, {}, std::string(text.substr(literal_start))});

  DecodedText out;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (!segments[i].encoded) {
      out.text += segments[i].bytes;
      continue;
    }
    // Join the run of words in one charset, then convert it as a whole.
    std::string bytes = segments[i].bytes;
    ++out.encoded_words;
    while (i + 1 < segments.size() && segments[i + 1].encoded && iequals(segments[i + 1].charset, segments[i].charset)) {
      bytes += segments[i + 1].bytes;
      ++out.encoded_words;
      ++i;
    }
    ConvertedText converted = to_utf8(bytes, segments[i].charset);
    out.text += converted.text;
    if (!converted.converted) {
      out.all_converted = false;
      bool seen = false;
      for (const auto& name : out.unconverted_charsets) seen = seen || iequals(name, segments[i].charset);
      if (!seen) out.unconverted_charsets.push_back(segments[i].charset);
    }
  }
  return out;
}

namespace {

// Characters a Q-encoded word may carry literally anywhere, including in a
// phrase (RFC 2047 §5 (3)).
bool q_literal(char c) { return is_alpha(c) || is_digit(c) || c == '!' || c == '*' || c == '+' || c == '-' || c == '/'; }

// Length of the UTF-8 character starting at `at`; 1 for a stray byte.
std::size_t utf8_unit(std::string_view text, std::size_t at) {
  const auto c = static_cast<unsigned char>(text[at]);
  std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (at + length > text.size()) return 1;
  for (std::size_t k = 1; k < length; ++k)
    if ((static_cast<unsigned char>(text[at + k]) & 0xC0) != 0x80) return 1;
  return length;
}

}  // namespace

std::string encode_encoded_words(std::string_view text, WordEncoding encoding, std::string_view charset) {
  const std::string prefix = "=?" + std::string(charset) + (encoding == WordEncoding::q ? "?Q?" : "?B?");
  constexpr std::size_t kMaxWord = 75;  // §2
  const std::size_t overhead = prefix.size() + 2;
  const std::size_t budget = kMaxWord > overhead ? kMaxWord - overhead : 0;

  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    // Take whole characters while the encoded form fits the word.
    std::size_t end = at;
    std::size_t encoded_length = 0;
    while (end < text.size()) {
      const std::size_t unit = utf8_unit(text, end);
      std::size_t next_length = 0;
      if (encoding == WordEncoding::q) {
        next_length = encoded_length;
        for (std::size_t k = 0; k < unit; ++k) next_length += (q_literal(text[end + k]) || text[end + k] == ' ') ? 1 : 3;
      } else {
        next_length = (end + unit - at + 2) / 3 * 4;
      }
      if (next_length > budget && end > at) break;  // always at least one character per word
      encoded_length = next_length;
      end += unit;
    }
    const std::string_view chunk = text.substr(at, end - at);
    if (!out.empty()) out += ' ';
    out += prefix;
    if (encoding == WordEncoding::q) {
      for (char c : chunk) {
        if (c == ' ') {
          out += '_';
        } else if (q_literal(c)) {
          out += c;
        } else {
          const auto u = static_cast<unsigned char>(c);
          out += '=';
          out += hex_digit_upper(u >> 4);
          out += hex_digit_upper(u);
        }
      }
    } else {
      out += base64_encode(chunk);
    }
    out += "?=";
    at = end;
  }
  return out;
}

std::string encode_header_text(std::string_view text) {
  bool plain = text.find("=?") == std::string_view::npos;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    plain = plain && (u >= 32 && u < 127);
  }
  return plain ? std::string(text) : encode_encoded_words(text);
}

}  // namespace conformance::codec::mime
