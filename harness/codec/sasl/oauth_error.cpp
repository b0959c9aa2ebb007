#include "harness/codec/sasl/oauth_error.hpp"

#include <set>

#include "harness/codec/sasl/text.hpp"

namespace conformance::codec::sasl {
namespace {

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : text_(text) {}

  std::size_t offset() const { return at_; }
  bool at_end() const { return at_ >= text_.size(); }

  void skip_whitespace() {
    while (!at_end() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) ++at_;
  }

  bool consume(char c) {
    if (at_end() || text_[at_] != c) return false;
    ++at_;
    return true;
  }

  Result<std::string> read_string() {
    if (!consume('"')) return ParseError{at_, "JSON string"};
    std::string out;
    while (true) {
      if (at_end()) return ParseError{at_, "'\"' closing the string"};
      const char c = text_[at_];
      if (c == '"') {
        ++at_;
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20) return ParseError{at_, "escaped control character"};
      if (c != '\\') {
        out.push_back(c);
        ++at_;
        continue;
      }
      ++at_;
      if (at_end()) return ParseError{at_, "escape character"};
      const char e = text_[at_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out.push_back(e);
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          auto unit = read_hex4();
          if (!unit) return unit.error();
          std::uint32_t code = *unit;
          if (code >= 0xDC00 && code <= 0xDFFF) return ParseError{at_ - 6, "a high surrogate before a low one"};
          if (code >= 0xD800 && code <= 0xDBFF) {
            if (!consume('\\') || !consume('u')) return ParseError{at_, "\"\\u\" low surrogate"};
            auto low = read_hex4();
            if (!low) return low.error();
            if (*low < 0xDC00 || *low > 0xDFFF) return ParseError{at_ - 4, "low surrogate (DC00-DFFF)"};
            code = 0x10000 + ((code - 0xD800) << 10) + (*low - 0xDC00);
          }
          append_utf8(code, out);
          break;
        }
        default:
          return ParseError{at_ - 1, "escape character"};
      }
    }
  }

 private:
  Result<std::uint32_t> read_hex4() {
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      if (at_end()) return ParseError{at_, "hex digit"};
      const char c = text_[at_];
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) return ParseError{at_, "hex digit"};
      value = value * 16 + static_cast<std::uint32_t>(digit);
      ++at_;
    }
    return value;
  }

  static void append_utf8(std::uint32_t code, std::string& out) {
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code >> 6)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (code >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (code >> 18)));
      out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

void append_json_string(std::string_view value, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (char c : value) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (b < 0x20) {
      out += "\\u00";
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0x0F]);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

}  // namespace

Result<OAuthError> parse_oauth_error(std::string_view json, const Limits& limits) {
  if (json.size() > limits.max_message_length)
    return ParseError{limits.max_message_length,
                      "error of at most " + std::to_string(limits.max_message_length) + " octets"};
  if (const auto bad = find_invalid_utf8(json); bad != std::string_view::npos)
    return ParseError{bad, "UTF-8 (RFC 8259 §8.1)"};
  JsonReader reader(json);
  reader.skip_whitespace();
  if (!reader.consume('{')) return ParseError{reader.offset(), "'{' opening the error object"};
  OAuthError error;
  bool has_status = false;
  std::set<std::string, std::less<>> seen;
  reader.skip_whitespace();
  if (!reader.consume('}')) {
    while (true) {
      reader.skip_whitespace();
      const std::size_t key_at = reader.offset();
      auto key = reader.read_string();
      if (!key) return key.error();
      if (!seen.insert(*key).second) return ParseError{key_at, "member name not used before"};
      reader.skip_whitespace();
      if (!reader.consume(':')) return ParseError{reader.offset(), "':'"};
      reader.skip_whitespace();
      auto value = reader.read_string();
      if (!value) return value.error();
      if (*key == "status") {
        error.status = std::move(*value);
        has_status = true;
      } else if (*key == "scope") {
        error.scope = std::move(*value);
      } else if (*key == "openid-configuration") {
        error.openid_configuration = std::move(*value);
      } else {
        error.extra.emplace_back(std::move(*key), std::move(*value));
      }
      reader.skip_whitespace();
      if (reader.consume('}')) break;
      if (!reader.consume(',')) return ParseError{reader.offset(), "',' or '}'"};
    }
  }
  reader.skip_whitespace();
  if (!reader.at_end()) return ParseError{reader.offset(), "end of the error object"};
  if (!has_status) return ParseError{json.size(), "a \"status\" member (RFC 7628 §3.2.2)"};
  return error;
}

std::string serialize_oauth_error(const OAuthError& error) {
  std::string out = "{";
  auto member = [&out](std::string_view key, std::string_view value) {
    if (out.size() > 1) out.push_back(',');
    append_json_string(key, out);
    out.push_back(':');
    append_json_string(value, out);
  };
  member("status", error.status);
  if (error.scope) member("scope", *error.scope);
  if (error.openid_configuration) member("openid-configuration", *error.openid_configuration);
  for (const auto& [key, value] : error.extra) member(key, value);
  out.push_back('}');
  return out;
}

}  // namespace conformance::codec::sasl
