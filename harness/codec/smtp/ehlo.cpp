#include "harness/codec/smtp/ehlo.hpp"

#include <utility>

#include "harness/codec/smtp/address.hpp"
#include "harness/codec/smtp/chars.hpp"

namespace conformance::codec::smtp {
namespace {

// Where the text of each line starts in serialize_reply(reply).
std::vector<std::size_t> text_offsets(const Reply& reply) {
  const std::size_t terminator = reply.bare_lf ? 1 : 2;
  std::vector<std::size_t> offsets;
  std::size_t at = 0;
  for (const std::string& line : reply.lines) {
    offsets.push_back(at + 4);
    at += 4 + line.size() + terminator;
  }
  return offsets;
}

// ehlo-param *( SP ehlo-param ): one SP between parameters, none trailing.
Result<std::vector<std::string>> split_params(std::string_view text, std::size_t base) {
  std::vector<std::string> params;
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t end = at;
    while (end < text.size() && text[end] != ' ') {
      if (!is_graphic(static_cast<unsigned char>(text[end])))
        return ParseError{base + end, "ehlo-param character (printable ASCII, RFC 5321 §4.1.1.1)"};
      ++end;
    }
    if (end == at) return ParseError{base + at, "ehlo-param (one SP between parameters)"};
    params.emplace_back(text.substr(at, end - at));
    at = end + 1;
  }
  return params;
}

Result<EhloKeyword> parse_ehlo_line(std::string_view text, std::size_t base) {
  EhloKeyword keyword;
  std::size_t at = 0;
  if (text.empty() || !is_let_dig(static_cast<unsigned char>(text[0])))
    return ParseError{base, "ehlo-keyword starting with a letter or digit"};
  while (at < text.size() && is_ldh(static_cast<unsigned char>(text[at]))) ++at;
  keyword.name = std::string(text.substr(0, at));
  if (at == text.size()) return keyword;
  if (text[at] == '=') {
    // The pre-RFC 2554 "AUTH=LOGIN" form: parameters after "=" instead of SP.
    keyword.equals_form = true;
    if (at + 1 == text.size()) return keyword;
  } else if (text[at] != ' ') {
    return ParseError{base + at, "ehlo-keyword character, SP or end of line"};
  }
  auto params = split_params(text.substr(at + 1), base + at + 1);
  if (!params) return params.error();
  keyword.params = std::move(*params);
  return keyword;
}

void append_params(std::string& line, const std::vector<std::string>& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (i > 0) line += ' ';
    line += params[i];
  }
}

}  // namespace

const EhloKeyword* EhloResponse::find(std::string_view name) const {
  const EhloKeyword* equals_form = nullptr;
  for (const EhloKeyword& keyword : keywords) {
    if (!iequals(keyword.name, name)) continue;
    if (!keyword.equals_form) return &keyword;
    if (equals_form == nullptr) equals_form = &keyword;
  }
  return equals_form;
}

std::optional<std::uint64_t> EhloResponse::size_limit() const {
  const EhloKeyword* size = find("SIZE");
  if (size == nullptr) return std::nullopt;
  if (size->params.empty()) return 0;
  // size-param = [SP 1*20DIGIT] (RFC 1870 §4)
  const std::string& digits = size->params.front();
  if (digits.empty() || digits.size() > 20) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : digits) {
    if (!is_digit(static_cast<unsigned char>(c))) return std::nullopt;
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

std::vector<std::string> EhloResponse::auth_mechanisms() const {
  std::vector<std::string> mechanisms;
  for (const EhloKeyword& keyword : keywords) {
    if (!iequals(keyword.name, "AUTH")) continue;
    for (const std::string& mechanism : keyword.params) {
      bool seen = false;
      for (const std::string& known : mechanisms) seen = seen || iequals(known, mechanism);
      if (!seen) mechanisms.push_back(mechanism);
    }
  }
  return mechanisms;
}

Result<EhloResponse> parse_ehlo_response(const Reply& reply) {
  if (reply.code != 250) return ParseError{0, "reply code 250 (a positive EHLO reply)"};
  if (reply.lines.empty()) return ParseError{3, "the server's domain"};
  const std::vector<std::size_t> offsets = text_offsets(reply);
  EhloResponse response;

  // First line: Domain / address-literal [ SP ehlo-greet ]
  const std::string_view first = reply.lines.front();
  const std::size_t space = first.find(' ');
  const std::string_view domain = first.substr(0, space);
  if (domain.empty()) return ParseError{offsets[0], "the server's domain or address literal"};
  auto host = parse_host(domain);
  if (!host) return ParseError{offsets[0] + host.error().offset, host.error().expected};
  response.domain = std::string(domain);
  if (space != std::string_view::npos) response.greeting = std::string(first.substr(space + 1));

  for (std::size_t i = 1; i < reply.lines.size(); ++i) {
    auto keyword = parse_ehlo_line(reply.lines[i], offsets[i]);
    if (!keyword) return keyword.error();
    response.keywords.push_back(std::move(*keyword));
  }
  return response;
}

Reply to_reply(const EhloResponse& response) {
  Reply reply;
  reply.code = 250;
  std::string first = response.domain;
  if (!response.greeting.empty()) first += " " + response.greeting;
  reply.lines.push_back(std::move(first));
  for (const EhloKeyword& keyword : response.keywords) {
    std::string line = keyword.name;
    if (keyword.equals_form) {
      line += '=';
    } else if (!keyword.params.empty()) {
      line += ' ';
    }
    append_params(line, keyword.params);
    reply.lines.push_back(std::move(line));
  }
  return reply;
}

}  // namespace conformance::codec::smtp
