#include "harness/codec/mime/rfc2231.hpp"

#include <algorithm>
#include <optional>

#include "harness/codec/mime/ascii.hpp"
#include "harness/codec/mime/charset.hpp"
#include "harness/codec/mime/header.hpp"

namespace conformance::codec::mime {

namespace {

// attribute ["*" section] ["*"], split apart (§3, §4).
struct Attribute {
  std::string_view base;
  std::optional<std::size_t> section;
  bool extended = false;
};

constexpr std::size_t kMaxSection = 9999;  // more sections than any header could hold

Attribute split_attribute(std::string_view name) {
  Attribute out;
  out.base = name;
  if (!name.empty() && name.back() == '*') {
    out.extended = true;
    name.remove_suffix(1);
    out.base = name;
  }
  const std::size_t star = name.rfind('*');
  if (star == std::string_view::npos) return out;
  const std::string_view digits = name.substr(star + 1);
  // section = "0" / [1-9] *DIGIT; anything else is part of the name.
  if (digits.empty() || digits.size() > 4 || (digits.size() > 1 && digits[0] == '0')) return out;
  std::size_t number = 0;
  for (char c : digits) {
    if (!is_digit(c)) return out;
    number = number * 10 + static_cast<std::size_t>(c - '0');
  }
  if (number > kMaxSection) return out;
  out.section = number;
  out.base = name.substr(0, star);
  return out;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool is_attribute_char(char c) {
  // attribute-char (§7): token characters except '*', '\'' and '%'.
  const auto u = static_cast<unsigned char>(c);
  if (u <= 32 || u >= 127) return false;
  return std::string_view("()<>@,;:\\\"/[]?=*'%").find(c) == std::string_view::npos;
}

struct Piece {
  std::size_t section;
  bool extended;
  std::string_view value;
};

}  // namespace

const DecodedParameter* find_decoded(const std::vector<DecodedParameter>& params, std::string_view name) {
  for (const auto& param : params)
    if (iequals(param.name, name)) return &param;
  return nullptr;
}

std::vector<DecodedParameter> decode_parameters(const Parameters& params) {
  // Group the pieces by base name (case-insensitive), keeping the order in
  // which names first appear. Sorting keeps this n log n in the number of
  // parameters, which a hostile header can make large.
  struct Keyed {
    std::string key;  // lower-case base name
    std::size_t index;
    Attribute attribute;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(params.size());
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Attribute attribute = split_attribute(params[i].name);
    keyed.push_back(Keyed{to_lower(attribute.base), i, attribute});
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) { return a.key < b.key; });
  struct Group {
    std::string_view base;
    std::size_t first_index;
    std::vector<Piece> plain;      // unsectioned
    std::vector<Piece> sectioned;  // continuations
  };
  std::vector<Group> groups;
  for (std::size_t i = 0; i < keyed.size(); ++i) {
    if (i == 0 || keyed[i].key != keyed[i - 1].key) groups.push_back(Group{keyed[i].attribute.base, keyed[i].index, {}, {}});
    const Attribute& attribute = keyed[i].attribute;
    Piece piece{attribute.section.value_or(0), attribute.extended, params[keyed[i].index].value};
    (attribute.section ? groups.back().sectioned : groups.back().plain).push_back(piece);
  }
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.first_index < b.first_index; });

  std::vector<DecodedParameter> out;
  out.reserve(groups.size());
  for (auto& group : groups) {
    // Candidate pieces: the continuation chain 0, 1, 2... if section 0 is
    // there, else the extended plain form, else the first plain form.
    std::vector<Piece> chain;
    std::stable_sort(group.sectioned.begin(), group.sectioned.end(),
                     [](const Piece& a, const Piece& b) { return a.section < b.section; });
    for (const auto& piece : group.sectioned) {
      if (piece.section != chain.size()) {
        if (piece.section < chain.size()) continue;  // a repeated section number: first one wins
        break;                                       // a gap ends the value
      }
      chain.push_back(piece);
    }
    if (chain.empty()) {
      auto extended = std::find_if(group.plain.begin(), group.plain.end(), [](const Piece& p) { return p.extended; });
      if (extended != group.plain.end()) chain.push_back(*extended);
      else if (!group.plain.empty()) chain.push_back(group.plain.front());
      else chain.push_back(group.sectioned.front());  // sections without a 0: keep the first as is
    }

    DecodedParameter decoded;
    decoded.name = std::string(group.base);
    std::string octets;
    const bool first_extended = chain.front().extended;
    for (std::size_t i = 0; i < chain.size(); ++i) {
      std::string_view value = chain[i].value;
      if (i == 0 && first_extended) {
        // charset'language'value; without both quotes it is malformed and kept as written.
        const std::size_t q1 = value.find('\'');
        const std::size_t q2 = q1 == std::string_view::npos ? q1 : value.find('\'', q1 + 1);
        if (q2 == std::string_view::npos) {
          octets += value;
          continue;
        }
        decoded.extended = true;
        decoded.charset = std::string(value.substr(0, q1));
        decoded.language = std::string(value.substr(q1 + 1, q2 - q1 - 1));
        octets += percent_decode(value.substr(q2 + 1));
      } else if (chain[i].extended && decoded.extended) {
        octets += percent_decode(value);
      } else {
        octets += value;
      }
    }
    if (decoded.extended && !decoded.charset.empty()) {
      ConvertedText converted = to_utf8(octets, decoded.charset);
      decoded.value = std::move(converted.text);
      decoded.converted = converted.converted;
    } else {
      decoded.converted = is_valid_utf8(octets);
      decoded.value = std::move(octets);
    }
    out.push_back(std::move(decoded));
  }
  return out;
}

std::string encode_ext_value(std::string_view charset, std::string_view language, std::string_view octets) {
  std::string out(charset);
  out += '\'';
  out += language;
  out += '\'';
  for (char c : octets) {
    if (is_attribute_char(c)) {
      out += c;
    } else {
      const auto u = static_cast<unsigned char>(c);
      out += '%';
      out += hex_digit_upper(u >> 4);
      out += hex_digit_upper(u);
    }
  }
  return out;
}

Parameters encode_parameter(std::string_view name, std::string_view value, std::size_t max_section) {
  if (max_section < 12) max_section = 12;  // room for "utf-8''" and one escape
  bool plain = value.size() <= max_section;
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    plain = plain && u >= 32 && u < 127;
  }
  if (plain) return {Parameter{std::string(name), std::string(value)}};

  const std::string encoded = encode_ext_value("utf-8", "", value);
  if (encoded.size() <= max_section) return {Parameter{std::string(name) + "*", encoded}};
  Parameters out;
  std::size_t at = 0;
  while (at < encoded.size()) {
    std::size_t end = std::min(encoded.size(), at + max_section);
    // Do not cut "%XX" apart.
    if (end < encoded.size()) {
      if (encoded[end - 1] == '%') end -= 1;
      else if (end >= 2 && encoded[end - 2] == '%') end -= 2;
    }
    out.push_back(Parameter{std::string(name) + "*" + std::to_string(out.size()) + "*", encoded.substr(at, end - at)});
    at = end;
  }
  return out;
}

}  // namespace conformance::codec::mime
