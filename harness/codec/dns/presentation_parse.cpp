#include "harness/codec/dns/presentation_parse.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <vector>

namespace conformance::codec::dns {
namespace {

struct Token {
  std::string_view text;
  std::size_t offset = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Whitespace-separated tokens (quoted strings are split by the TXT reader).
std::vector<Token> tokens_of(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i > start) tokens.push_back({text.substr(start, i - start), start});
  }
  return tokens;
}

ParseError error_at(std::size_t offset, std::string expected) { return ParseError{offset, std::move(expected)}; }

template <class Number>
Result<Number> number_of(const Token& token, std::string_view what) {
  Number value{};
  auto [end, ec] = std::from_chars(token.text.data(), token.text.data() + token.text.size(), value);
  if (ec != std::errc() || end != token.text.data() + token.text.size()) return error_at(token.offset, std::string(what));
  return value;
}

Result<DomainName> name_of(const Token& token) {
  auto name = DomainName::from_text(token.text);
  if (!name) return error_at(token.offset + name.error().offset, name.error().expected);
  return name;
}

Result<std::vector<Token>> exactly(std::string_view text, std::size_t count, std::string_view what) {
  std::vector<Token> tokens = tokens_of(text);
  if (tokens.size() < count) return error_at(text.size(), std::string(what));
  if (tokens.size() > count) return error_at(tokens[count].offset, "end of the record after " + std::string(what));
  return tokens;
}

Result<Rdata> address_v4(std::string_view text) {
  auto tokens = exactly(text, 1, "an IPv4 address");
  if (!tokens) return tokens.error();
  const Token& token = tokens->front();
  ARdata rdata;
  std::size_t at = 0;
  for (int part = 0; part < 4; ++part) {
    const std::size_t dot = part < 3 ? token.text.find('.', at) : token.text.size();
    if (dot == std::string_view::npos) return error_at(token.offset + token.text.size(), "'.' of an IPv4 address");
    auto octet = number_of<unsigned>(Token{token.text.substr(at, dot - at), token.offset + at}, "an octet 0-255");
    if (!octet || *octet > 255 || dot == at) return error_at(token.offset + at, "an octet 0-255");
    rdata.address[static_cast<std::size_t>(part)] = static_cast<std::uint8_t>(*octet);
    at = dot + 1;
  }
  return Rdata{rdata};
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 4291 §2.2 text forms, "::" included; no embedded IPv4 form.
Result<Rdata> address_v6(std::string_view text) {
  auto tokens = exactly(text, 1, "an IPv6 address");
  if (!tokens) return tokens.error();
  const Token& token = tokens->front();
  const std::string_view address = token.text;
  const std::size_t gap = address.find("::");
  if (gap != std::string_view::npos && address.find("::", gap + 1) != std::string_view::npos) {
    return error_at(token.offset + gap, "at most one '::'");
  }
  auto groups_of = [&](std::string_view part, std::size_t base, std::vector<std::uint16_t>& out) -> std::optional<ParseError> {
    if (part.empty()) return std::nullopt;
    std::size_t at = 0;
    while (true) {
      const std::size_t colon = std::min(part.find(':', at), part.size());
      const std::string_view group = part.substr(at, colon - at);
      if (group.empty() || group.size() > 4) return error_at(base + at, "a group of 1-4 hex digits");
      std::uint16_t value = 0;
      for (char c : group) {
        if (hex_value(c) < 0) return error_at(base + at, "a group of 1-4 hex digits");
        value = static_cast<std::uint16_t>(value * 16 + hex_value(c));
      }
      out.push_back(value);
      if (colon == part.size()) return std::nullopt;
      at = colon + 1;
    }
  };
  std::vector<std::uint16_t> head, tail;
  const std::string_view first = gap == std::string_view::npos ? address : address.substr(0, gap);
  if (auto failed = groups_of(first, token.offset, head)) return *failed;
  if (gap != std::string_view::npos) {
    if (auto failed = groups_of(address.substr(gap + 2), token.offset + gap + 2, tail)) return *failed;
  }
  const std::size_t groups = head.size() + tail.size();
  if ((gap == std::string_view::npos && groups != 8) || (gap != std::string_view::npos && groups > 7)) {
    return error_at(token.offset, "an IPv6 address of 8 groups (or fewer with '::')");
  }
  std::vector<std::uint16_t> all = head;
  all.resize(8 - tail.size(), 0);
  all.insert(all.end(), tail.begin(), tail.end());
  AaaaRdata rdata;
  for (std::size_t i = 0; i < 8; ++i) {
    rdata.address[2 * i] = static_cast<std::uint8_t>(all[i] >> 8);
    rdata.address[2 * i + 1] = static_cast<std::uint8_t>(all[i] & 0xff);
  }
  return Rdata{rdata};
}

Result<std::string> hex_of(const std::vector<Token>& tokens, std::size_t from) {
  std::string octets;
  int high = -1;
  std::size_t last_offset = 0;
  for (std::size_t t = from; t < tokens.size(); ++t) {
    for (std::size_t i = 0; i < tokens[t].text.size(); ++i) {
      const int value = hex_value(tokens[t].text[i]);
      if (value < 0) return error_at(tokens[t].offset + i, "a hex digit");
      last_offset = tokens[t].offset + i;
      if (high < 0) {
        high = value;
      } else {
        octets += static_cast<char>(high * 16 + value);
        high = -1;
      }
    }
  }
  if (high >= 0) return error_at(last_offset, "an even number of hex digits");
  return octets;
}

// One or more character-strings, quoted, or one unquoted word cut at 255.
Result<Rdata> txt(std::string_view text) {
  TxtRdata rdata;
  std::size_t i = 0;
  while (i < text.size() && is_space(text[i])) ++i;
  if (i == text.size()) return error_at(i, "a character-string");
  if (text[i] != '"') {
    auto tokens = tokens_of(text);
    if (tokens.size() != 1) {
      return error_at(tokens[1].offset, "one unquoted word (quote each string: \"a\" \"b\")");
    }
    std::string_view word = tokens.front().text;
    while (word.size() > 255) {
      rdata.strings.emplace_back(word.substr(0, 255));
      word.remove_prefix(255);
    }
    rdata.strings.emplace_back(word);
    return Rdata{rdata};
  }
  while (i < text.size()) {
    if (text[i] != '"') return error_at(i, "'\"' starting a character-string");
    const std::size_t open = i++;
    std::string value;
    bool closed = false;
    while (i < text.size()) {
      const char c = text[i];
      if (c == '"') {
        closed = true;
        ++i;
        break;
      }
      if (c == '\\' && i + 3 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])) &&
          std::isdigit(static_cast<unsigned char>(text[i + 2])) && std::isdigit(static_cast<unsigned char>(text[i + 3]))) {
        const int octet = (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
        if (octet > 255) return error_at(i, "\\DDD with DDD at most 255");
        value += static_cast<char>(octet);
        i += 4;
      } else if (c == '\\' && i + 1 < text.size()) {
        value += text[i + 1];
        i += 2;
      } else {
        value += c;
        ++i;
      }
    }
    if (!closed) return error_at(open, "a closing '\"'");
    if (value.size() > 255) return error_at(open, "a character-string of at most 255 octets (RFC 1035 §3.3)");
    rdata.strings.push_back(std::move(value));
    while (i < text.size() && is_space(text[i])) ++i;
  }
  return Rdata{rdata};
}

}  // namespace

Result<RecordType> record_type_from_text(std::string_view text) {
  std::string upper(text);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  for (RecordType type : {RecordType::a, RecordType::ns, RecordType::cname, RecordType::soa, RecordType::ptr,
                          RecordType::mx, RecordType::txt, RecordType::aaaa, RecordType::srv, RecordType::ds,
                          RecordType::rrsig, RecordType::nsec, RecordType::dnskey, RecordType::tlsa,
                          RecordType::caa, RecordType::opt, RecordType::axfr, RecordType::any}) {
    if (upper == to_text(type)) return type;
  }
  if (upper.starts_with("TYPE") && upper.size() > 4) {
    std::uint16_t number = 0;
    auto [end, ec] = std::from_chars(upper.data() + 4, upper.data() + upper.size(), number);
    if (ec == std::errc() && end == upper.data() + upper.size()) return static_cast<RecordType>(number);
  }
  return ParseError{0, "a record type such as A, AAAA, MX, TXT, TLSA or TYPE65"};
}

Result<Rdata> rdata_from_text(RecordType type, std::string_view text) {
  switch (type) {
    case RecordType::a:
      return address_v4(text);
    case RecordType::aaaa:
      return address_v6(text);
    case RecordType::ns:
    case RecordType::cname:
    case RecordType::ptr: {
      auto tokens = exactly(text, 1, "a domain name");
      if (!tokens) return tokens.error();
      auto name = name_of(tokens->front());
      if (!name) return name.error();
      if (type == RecordType::ns) return Rdata{NsRdata{*name}};
      if (type == RecordType::cname) return Rdata{CnameRdata{*name}};
      return Rdata{PtrRdata{*name}};
    }
    case RecordType::mx: {
      auto tokens = exactly(text, 2, "a preference and an exchange (\"10 mail.example.test\", or \"0 .\")");
      if (!tokens) return tokens.error();
      auto preference = number_of<std::uint16_t>((*tokens)[0], "a preference 0-65535");
      if (!preference) return preference.error();
      auto exchange = name_of((*tokens)[1]);
      if (!exchange) return exchange.error();
      return Rdata{MxRdata{*preference, *exchange}};
    }
    case RecordType::txt:
      return txt(text);
    case RecordType::soa: {
      auto tokens = exactly(text, 7, "MNAME RNAME SERIAL REFRESH RETRY EXPIRE MINIMUM");
      if (!tokens) return tokens.error();
      SoaRdata soa;
      auto mname = name_of((*tokens)[0]);
      if (!mname) return mname.error();
      auto rname = name_of((*tokens)[1]);
      if (!rname) return rname.error();
      soa.mname = *mname;
      soa.rname = *rname;
      std::uint32_t* fields[] = {&soa.serial, &soa.refresh, &soa.retry, &soa.expire, &soa.minimum};
      for (std::size_t i = 0; i < 5; ++i) {
        auto value = number_of<std::uint32_t>((*tokens)[2 + i], "a 32-bit number");
        if (!value) return value.error();
        *fields[i] = *value;
      }
      return Rdata{soa};
    }
    case RecordType::srv: {
      auto tokens = exactly(text, 4, "PRIORITY WEIGHT PORT TARGET");
      if (!tokens) return tokens.error();
      SrvRdata srv;
      std::uint16_t* fields[] = {&srv.priority, &srv.weight, &srv.port};
      for (std::size_t i = 0; i < 3; ++i) {
        auto value = number_of<std::uint16_t>((*tokens)[i], "a number 0-65535");
        if (!value) return value.error();
        *fields[i] = *value;
      }
      auto target = name_of((*tokens)[3]);
      if (!target) return target.error();
      srv.target = *target;
      return Rdata{srv};
    }
    case RecordType::tlsa: {
      auto tokens = tokens_of(text);
      if (tokens.size() < 4) return error_at(text.size(), "USAGE SELECTOR MATCHING-TYPE and hex data");
      TlsaRdata tlsa;
      std::uint8_t* fields[] = {&tlsa.usage, &tlsa.selector, &tlsa.matching_type};
      for (std::size_t i = 0; i < 3; ++i) {
        auto value = number_of<std::uint8_t>(tokens[i], "a number 0-255");
        if (!value) return value.error();
        *fields[i] = *value;
      }
      auto data = hex_of(tokens, 3);
      if (!data) return data.error();
      tlsa.data = std::move(*data);
      return Rdata{tlsa};
    }
    default:
      break;
  }
  // RFC 3597 §5: \# <length> <hex>
  auto tokens = tokens_of(text);
  if (tokens.size() < 2 || tokens[0].text != "\\#") {
    return error_at(0, "RFC 3597 generic RDATA (\\# LENGTH HEX) for type " + to_text(type));
  }
  auto length = number_of<std::size_t>(tokens[1], "the RDATA length");
  if (!length) return length.error();
  auto data = hex_of(tokens, 2);
  if (!data) return data.error();
  if (data->size() != *length) return error_at(tokens[1].offset, "a length equal to the hex data's octets");
  return Rdata{UnknownRdata{type, std::move(*data)}};
}

}  // namespace conformance::codec::dns
