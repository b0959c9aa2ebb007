#include "harness/codec/mime/content_fields.hpp"

#include "harness/codec/common/base64.hpp"
#include "harness/codec/mime/ascii.hpp"
#include "harness/codec/mime/lexer.hpp"

namespace conformance::codec::mime {

Result<std::string> parse_content_transfer_encoding(std::string_view value, const FieldLimits& limits) {
  Lexer lx(value, limits.max_comment_depth);
  if (!lx.skip_cfws()) return lx.error();
  std::string token(lx.token());
  if (token.empty()) return ParseError{lx.pos(), "encoding mechanism"};
  if (!lx.skip_cfws()) return lx.error();
  if (!lx.at_end()) return ParseError{lx.pos(), "end of Content-Transfer-Encoding"};
  return token;
}

namespace {

bool is_language_tag(std::string_view tag) {
  std::size_t subtag = 0;
  for (char c : tag) {
    if (c == '-') {
      if (subtag == 0) return false;
      subtag = 0;
    } else if (is_alpha(c) || is_digit(c)) {
      if (++subtag > 8) return false;
    } else {
      return false;
    }
  }
  return subtag > 0;
}

}  // namespace

Result<std::vector<std::string>> parse_content_language(std::string_view value, const FieldLimits& limits) {
  Lexer lx(value, limits.max_comment_depth);
  std::vector<std::string> tags;
  for (;;) {
    if (!lx.skip_cfws()) return lx.error();
    if (lx.at_end()) break;
    if (lx.consume(',')) continue;  // #rule allows empty elements
    const std::size_t at = lx.pos();
    const std::string_view tag = lx.token();
    if (!is_language_tag(tag)) return ParseError{at, "language tag"};
    if (tags.size() >= limits.max_items) return ParseError{at, "fewer language tags"};
    tags.emplace_back(tag);
    if (!lx.skip_cfws()) return lx.error();
    if (!lx.at_end() && !lx.consume(',')) return ParseError{lx.pos(), "',' or end of Content-Language"};
  }
  if (tags.empty()) return ParseError{0, "language tag"};
  return tags;
}

std::string serialize_content_language(const std::vector<std::string>& tags) {
  std::string out;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (i > 0) out += ", ";
    out += tags[i];
  }
  return out;
}

std::string parse_content_location(std::string_view value) {
  std::string_view trimmed = trim_folding_space(value);
  if (trimmed.size() >= 2 && trimmed.front() == '"' && trimmed.back() == '"') {
    trimmed.remove_prefix(1);
    trimmed.remove_suffix(1);
  }
  std::string out;
  for (char c : trimmed)
    if (!is_folding_space(c)) out += c;
  return out;
}

Result<std::string> parse_content_md5(std::string_view value) {
  const std::string_view trimmed = trim_folding_space(value);
  auto digest = base64_decode(trimmed);
  if (!digest) return ParseError{digest.error().offset + static_cast<std::size_t>(trimmed.data() - value.data()),
                                 "base64 MD5 digest"};
  if (digest->size() != 16) return ParseError{0, "16-octet MD5 digest"};
  return std::move(*digest);
}

}  // namespace conformance::codec::mime
