#include "harness/codec/smtp/esmtp_parameters.hpp"

#include <utility>

#include "harness/codec/smtp/chars.hpp"
#include "harness/codec/smtp/xtext.hpp"

namespace conformance::codec::smtp {
namespace {

ParseError shifted(const ParseError& error, std::size_t base) { return ParseError{base + error.offset, error.expected}; }

// The offset of a parameter's value within the split text.
std::size_t value_offset(const ParameterList& list, std::size_t i) {
  return list.offsets[i] + list.params[i].keyword.size() + 1;
}

Result<std::uint64_t> parse_size(std::string_view digits, std::size_t base) {
  // size-value = 1*20DIGIT (RFC 1870 §3)
  if (digits.empty() || digits.size() > 20) return ParseError{base, "SIZE value of 1 to 20 digits (RFC 1870 §3)"};
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (!is_digit(static_cast<unsigned char>(digits[i]))) return ParseError{base + i, "digit in the SIZE value"};
    const auto digit = static_cast<std::uint64_t>(digits[i] - '0');
    if (value > (UINT64_MAX - digit) / 10) return ParseError{base, "SIZE value that fits in 64 bits"};
    value = value * 10 + digit;
  }
  return value;
}

Result<DsnNotify> parse_notify(std::string_view text, std::size_t base) {
  // NOTIFY=NEVER / 1#( SUCCESS / FAILURE / DELAY ) (RFC 3461 §4.1)
  DsnNotify notify;
  std::size_t at = 0;
  for (;;) {
    const std::size_t comma = text.find(',', at);
    const std::string_view item = text.substr(at, comma == std::string_view::npos ? std::string_view::npos : comma - at);
    bool* flag = nullptr;
    if (iequals(item, "SUCCESS")) flag = &notify.success;
    else if (iequals(item, "FAILURE")) flag = &notify.failure;
    else if (iequals(item, "DELAY")) flag = &notify.delay;
    else if (iequals(item, "NEVER")) flag = &notify.never;
    if (flag == nullptr) return ParseError{base + at, "NEVER, SUCCESS, FAILURE or DELAY (RFC 3461 §4.1)"};
    if (*flag) return ParseError{base + at, "each NOTIFY value once"};
    *flag = true;
    if (comma == std::string_view::npos) break;
    at = comma + 1;
  }
  if (notify.never && (notify.success || notify.failure || notify.delay))
    return ParseError{base, "NEVER alone, not combined with other NOTIFY values (RFC 3461 §4.1)"};
  return notify;
}

Result<OriginalRecipient> parse_orcpt(std::string_view text, std::size_t base) {
  // orcpt-parameter = "ORCPT=" original-recipient-address
  // original-recipient-address = addr-type ";" xtext  (RFC 3461 §4.2)
  const std::size_t semicolon = text.find(';');
  if (semicolon == std::string_view::npos) return ParseError{base + text.size(), "';' after the ORCPT address type"};
  const std::string_view type = text.substr(0, semicolon);
  if (type.empty()) return ParseError{base, "ORCPT address type (an atom such as rfc822)"};
  for (std::size_t i = 0; i < type.size(); ++i)
    if (!is_atext(static_cast<unsigned char>(type[i]))) return ParseError{base + i, "atext in the ORCPT address type"};
  auto address = xtext_decode(text.substr(semicolon + 1));
  if (!address) return shifted(address.error(), base + semicolon + 1);
  return OriginalRecipient{std::string(type), std::move(*address)};
}

// A typed parameter seen twice is an error; records that it was seen.
std::optional<ParseError> once(bool& seen, const ParameterList& list, std::size_t i) {
  if (seen) return ParseError{list.offsets[i], "one " + list.params[i].keyword + " parameter, not two"};
  seen = true;
  return std::nullopt;
}

std::optional<ParseError> require_value(const ParameterList& list, std::size_t i) {
  if (list.params[i].value) return std::nullopt;
  return ParseError{list.offsets[i] + list.params[i].keyword.size(), "'=' and a value after " + list.params[i].keyword};
}

std::optional<ParseError> forbid_value(const ParameterList& list, std::size_t i) {
  if (!list.params[i].value) return std::nullopt;
  return ParseError{list.offsets[i] + list.params[i].keyword.size(), list.params[i].keyword + " without a value"};
}

void append_param(std::string& out, std::string_view keyword, std::string_view value = {}) {
  out += ' ';
  out += keyword;
  if (!value.empty()) {
    out += '=';
    out += value;
  }
}

void append_others(std::string& out, const std::vector<EsmtpParameter>& others) {
  for (const EsmtpParameter& param : others) {
    out += ' ';
    out += param.keyword;
    if (param.value) out += "=" + *param.value;
  }
}

}  // namespace

Result<ParameterList> split_parameters(std::string_view text, bool allow_repeated_spaces) {
  ParameterList list;
  std::size_t at = 0;
  for (;;) {
    const std::size_t start = at;
    if (at >= text.size() || !is_let_dig(static_cast<unsigned char>(text[at])))
      return ParseError{at, "esmtp-keyword (starting with a letter or digit)"};
    while (at < text.size() && is_ldh(static_cast<unsigned char>(text[at]))) ++at;
    EsmtpParameter param{std::string(text.substr(start, at - start)), std::nullopt};
    if (at < text.size() && text[at] == '=') {
      const std::size_t value_start = ++at;
      while (at < text.size()) {
        const auto c = static_cast<unsigned char>(text[at]);
        if (is_esmtp_value_char(c)) {
          ++at;
        } else if (c >= 0x80) {
          const std::size_t length = utf8_sequence_length(text, at);
          if (length == 0) return ParseError{at, "well-formed UTF-8 in the esmtp-value"};
          if (!list.first_utf8) list.first_utf8 = at;
          at += length;
        } else {
          break;
        }
      }
      if (at == value_start) return ParseError{at, "esmtp-value after '='"};
      param.value = std::string(text.substr(value_start, at - value_start));
    }
    list.params.push_back(std::move(param));
    list.offsets.push_back(start);
    if (at == text.size()) return list;
    if (text[at] != ' ') return ParseError{at, "SP between parameters, or end of line"};
    ++at;
    if (allow_repeated_spaces && at < text.size() && text[at] == ' ') {
      list.repeated_spaces.push_back(at);
      while (at < text.size() && text[at] == ' ') ++at;
    }
  }
}

Result<MailParameters> to_mail_parameters(const ParameterList& list) {
  MailParameters out;
  bool seen_size = false, seen_body = false, seen_smtputf8 = false, seen_ret = false, seen_envid = false,
       seen_auth = false, seen_requiretls = false;
  for (std::size_t i = 0; i < list.params.size(); ++i) {
    const EsmtpParameter& param = list.params[i];
    const std::string_view keyword = param.keyword;
    std::optional<ParseError> error;
    if (iequals(keyword, "SIZE")) {
      if ((error = once(seen_size, list, i)) || (error = require_value(list, i))) return *error;
      auto size = parse_size(*param.value, value_offset(list, i));
      if (!size) return size.error();
      out.size = *size;
    } else if (iequals(keyword, "BODY")) {
      if ((error = once(seen_body, list, i)) || (error = require_value(list, i))) return *error;
      if (iequals(*param.value, "7BIT")) out.body = BodyType::seven_bit;
      else if (iequals(*param.value, "8BITMIME")) out.body = BodyType::eight_bit_mime;
      else if (iequals(*param.value, "BINARYMIME")) out.body = BodyType::binary_mime;
      else return ParseError{value_offset(list, i), "BODY=7BIT, 8BITMIME or BINARYMIME"};
    } else if (iequals(keyword, "SMTPUTF8")) {
      if ((error = once(seen_smtputf8, list, i)) || (error = forbid_value(list, i))) return *error;
      out.smtputf8 = true;
    } else if (iequals(keyword, "RET")) {
      if ((error = once(seen_ret, list, i)) || (error = require_value(list, i))) return *error;
      if (iequals(*param.value, "FULL")) out.ret = DsnReturn::full;
      else if (iequals(*param.value, "HDRS")) out.ret = DsnReturn::headers;
      else return ParseError{value_offset(list, i), "RET=FULL or RET=HDRS (RFC 3461 §4.3)"};
    } else if (iequals(keyword, "ENVID")) {
      if ((error = once(seen_envid, list, i)) || (error = require_value(list, i))) return *error;
      auto envid = xtext_decode(*param.value);
      if (!envid) return shifted(envid.error(), value_offset(list, i));
      out.envid = std::move(*envid);
    } else if (iequals(keyword, "AUTH")) {
      if ((error = once(seen_auth, list, i)) || (error = require_value(list, i))) return *error;
      auto auth = xtext_decode(*param.value);
      if (!auth) return shifted(auth.error(), value_offset(list, i));
      out.auth = std::move(*auth);
    } else if (iequals(keyword, "REQUIRETLS")) {
      if ((error = once(seen_requiretls, list, i)) || (error = forbid_value(list, i))) return *error;
      out.requiretls = true;
    } else {
      out.others.push_back(param);
    }
  }
  return out;
}

Result<RcptParameters> to_rcpt_parameters(const ParameterList& list) {
  RcptParameters out;
  bool seen_notify = false, seen_orcpt = false;
  for (std::size_t i = 0; i < list.params.size(); ++i) {
    const EsmtpParameter& param = list.params[i];
    std::optional<ParseError> error;
    if (iequals(param.keyword, "NOTIFY")) {
      if ((error = once(seen_notify, list, i)) || (error = require_value(list, i))) return *error;
      auto notify = parse_notify(*param.value, value_offset(list, i));
      if (!notify) return notify.error();
      out.notify = *notify;
    } else if (iequals(param.keyword, "ORCPT")) {
      if ((error = once(seen_orcpt, list, i)) || (error = require_value(list, i))) return *error;
      auto orcpt = parse_orcpt(*param.value, value_offset(list, i));
      if (!orcpt) return orcpt.error();
      out.orcpt = std::move(*orcpt);
    } else {
      out.others.push_back(param);
    }
  }
  return out;
}

std::string serialize_parameters(const MailParameters& parameters) {
  std::string out;
  if (parameters.size) append_param(out, "SIZE", std::to_string(*parameters.size));
  if (parameters.body) {
    switch (*parameters.body) {
      case BodyType::seven_bit: append_param(out, "BODY", "7BIT"); break;
      case BodyType::eight_bit_mime: append_param(out, "BODY", "8BITMIME"); break;
      case BodyType::binary_mime: append_param(out, "BODY", "BINARYMIME"); break;
    }
  }
  if (parameters.smtputf8) append_param(out, "SMTPUTF8");
  if (parameters.ret) append_param(out, "RET", *parameters.ret == DsnReturn::full ? "FULL" : "HDRS");
  if (parameters.envid) append_param(out, "ENVID", xtext_encode(*parameters.envid));
  if (parameters.auth) append_param(out, "AUTH", xtext_encode(*parameters.auth));
  if (parameters.requiretls) append_param(out, "REQUIRETLS");
  append_others(out, parameters.others);
  return out;
}

std::string serialize_parameters(const RcptParameters& parameters) {
  std::string out;
  if (parameters.notify) {
    const DsnNotify& notify = *parameters.notify;
    std::string value;
    if (notify.never) value = "NEVER";
    for (auto [set, name] : {std::pair{notify.success, "SUCCESS"}, {notify.failure, "FAILURE"}, {notify.delay, "DELAY"}}) {
      if (!set) continue;
      if (!value.empty()) value += ',';
      value += name;
    }
    append_param(out, "NOTIFY", value);
  }
  if (parameters.orcpt)
    append_param(out, "ORCPT", parameters.orcpt->address_type + ";" + xtext_encode(parameters.orcpt->address));
  append_others(out, parameters.others);
  return out;
}

}  // namespace conformance::codec::smtp
