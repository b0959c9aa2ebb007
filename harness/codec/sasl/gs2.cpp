#include "harness/codec/sasl/gs2.hpp"

#include "harness/codec/sasl/text.hpp"

namespace conformance::codec::sasl {

Result<std::string> decode_saslname(std::string_view text, std::size_t base, std::size_t max_length) {
  if (text.empty()) return ParseError{base, "saslname"};
  if (const auto bad = find_invalid_utf8(text); bad != std::string_view::npos)
    return ParseError{base + bad, "UTF-8 in saslname"};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\0' || c == ',') return ParseError{base + i, "saslname character"};
    if (c == '=') {
      const std::string_view escape = text.substr(i, 3);
      if (escape == "=2C")
        out.push_back(',');
      else if (escape == "=3D")
        out.push_back('=');
      else
        return ParseError{base + i, "\"=2C\" or \"=3D\""};
      i += 2;
    } else {
      out.push_back(c);
    }
    if (out.size() > max_length)
      return ParseError{base + i, "name of at most " + std::to_string(max_length) + " octets"};
  }
  return out;
}

std::string encode_saslname(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == ',')
      out += "=2C";
    else if (c == '=')
      out += "=3D";
    else
      out.push_back(c);
  }
  return out;
}

Result<Gs2HeaderParse> parse_gs2_header(std::string_view message, const Limits& limits) {
  Gs2HeaderParse result;
  std::size_t at = 0;
  if (message.empty()) return ParseError{0, "channel binding flag 'n', 'y' or 'p='"};
  switch (message[0]) {
    case 'n':
      result.header.flag = Gs2Header::Flag::not_supported;
      at = 1;
      break;
    case 'y':
      result.header.flag = Gs2Header::Flag::client_supports;
      at = 1;
      break;
    case 'p': {
      if (message.size() < 2 || message[1] != '=') return ParseError{1, "'=' after 'p'"};
      result.header.flag = Gs2Header::Flag::bound;
      at = 2;
      // cb-name = 1*(ALPHA / DIGIT / "." / "-")
      const std::size_t name_at = at;
      while (at < message.size() &&
             (is_alpha(message[at]) || is_digit(message[at]) || message[at] == '.' || message[at] == '-'))
        ++at;
      if (at == name_at) return ParseError{at, "channel binding type name"};
      result.header.cb_name = std::string(message.substr(name_at, at - name_at));
      break;
    }
    default:
      return ParseError{0, "channel binding flag 'n', 'y' or 'p='"};
  }
  if (at >= message.size() || message[at] != ',') return ParseError{at, "',' after the channel binding flag"};
  ++at;
  if (at < message.size() && message[at] == 'a') {
    if (at + 1 >= message.size() || message[at + 1] != '=') return ParseError{at + 1, "'=' after 'a'"};
    const std::size_t name_at = at + 2;
    std::size_t end = message.find(',', name_at);
    if (end == std::string_view::npos) end = message.size();
    auto authzid = decode_saslname(message.substr(name_at, end - name_at), name_at, limits.max_identity_length);
    if (!authzid) return authzid.error();
    result.header.authzid = std::move(*authzid);
    at = end;
  }
  if (at >= message.size() || message[at] != ',') return ParseError{at, "',' ending the GS2 header"};
  result.consumed = at + 1;
  return result;
}

std::string serialize_gs2_header(const Gs2Header& header) {
  std::string out;
  switch (header.flag) {
    case Gs2Header::Flag::not_supported:
      out = "n";
      break;
    case Gs2Header::Flag::client_supports:
      out = "y";
      break;
    case Gs2Header::Flag::bound:
      out = "p=" + header.cb_name;
      break;
  }
  out.push_back(',');
  if (!header.authzid.empty()) out += "a=" + encode_saslname(header.authzid);
  out.push_back(',');
  return out;
}

}  // namespace conformance::codec::sasl
