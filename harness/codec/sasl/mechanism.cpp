#include "harness/codec/sasl/mechanism.hpp"

#include <array>

#include "harness/codec/sasl/text.hpp"

namespace conformance::codec::sasl {
namespace {

constexpr std::array kAll = {
    Mechanism::plain,         Mechanism::login,       Mechanism::cram_md5,        Mechanism::scram_sha_1,
    Mechanism::scram_sha_1_plus, Mechanism::scram_sha_256, Mechanism::scram_sha_256_plus, Mechanism::xoauth2,
    Mechanism::oauthbearer,   Mechanism::external,
};

constexpr std::array kPreference = {
    Mechanism::scram_sha_256_plus, Mechanism::scram_sha_256, Mechanism::scram_sha_1_plus,
    Mechanism::scram_sha_1,        Mechanism::oauthbearer,   Mechanism::xoauth2,
    Mechanism::plain,              Mechanism::login,         Mechanism::cram_md5,
};

constexpr std::size_t kMaxNameLength = 20;  // RFC 4422 §3.1

bool is_mech_char(char c) { return is_alpha(c) || is_digit(c) || c == '-' || c == '_'; }

// Validates one name that starts at `base` in the caller's input.
std::optional<ParseError> check_name(std::string_view name, std::size_t base) {
  if (name.empty()) return ParseError{base, "mechanism name"};
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (i == kMaxNameLength) return ParseError{base + i, "end of a mechanism name of at most 20 characters"};
    if (!is_mech_char(name[i])) return ParseError{base + i, "mechanism name character (A-Z, 0-9, '-', '_')"};
  }
  return std::nullopt;
}

// Splits `text` on single spaces into names; `base` is text's offset in the input.
Result<MechanismList> parse_names(std::string_view text, std::size_t base) {
  MechanismList list;
  std::size_t at = 0;
  while (true) {
    const std::size_t space = text.find(' ', at);
    const std::string_view name = text.substr(at, space == std::string_view::npos ? text.size() - at : space - at);
    if (auto error = check_name(name, base + at)) return *error;
    list.names.emplace_back(name);
    if (space == std::string_view::npos) return list;
    at = space + 1;
  }
}

std::string joined(const MechanismList& list, std::string_view prefix, char separator_after_keyword) {
  std::string out(prefix);
  for (std::size_t i = 0; i < list.names.size(); ++i) {
    out.push_back(i == 0 ? separator_after_keyword : ' ');
    out += list.names[i];
  }
  return out;
}

}  // namespace

std::span<const Mechanism> all_mechanisms() { return kAll; }

std::string_view mechanism_name(Mechanism mechanism) {
  switch (mechanism) {
    case Mechanism::plain:
      return "PLAIN";
    case Mechanism::login:
      return "LOGIN";
    case Mechanism::cram_md5:
      return "CRAM-MD5";
    case Mechanism::scram_sha_1:
      return "SCRAM-SHA-1";
    case Mechanism::scram_sha_1_plus:
      return "SCRAM-SHA-1-PLUS";
    case Mechanism::scram_sha_256:
      return "SCRAM-SHA-256";
    case Mechanism::scram_sha_256_plus:
      return "SCRAM-SHA-256-PLUS";
    case Mechanism::xoauth2:
      return "XOAUTH2";
    case Mechanism::oauthbearer:
      return "OAUTHBEARER";
    case Mechanism::external:
      return "EXTERNAL";
  }
  return "";
}

std::optional<Mechanism> mechanism_from_name(std::string_view name) {
  for (Mechanism m : kAll)
    if (ascii_iequal(name, mechanism_name(m))) return m;
  return std::nullopt;
}

bool is_valid_mechanism_name(std::string_view name) { return !check_name(name, 0).has_value(); }

bool sends_cleartext_credentials(Mechanism mechanism) {
  return mechanism == Mechanism::plain || mechanism == Mechanism::login || mechanism == Mechanism::xoauth2 ||
         mechanism == Mechanism::oauthbearer;
}

bool uses_channel_binding(Mechanism mechanism) {
  return mechanism == Mechanism::scram_sha_1_plus || mechanism == Mechanism::scram_sha_256_plus;
}

bool is_client_first(Mechanism mechanism) {
  return mechanism != Mechanism::cram_md5 && mechanism != Mechanism::login;
}

std::span<const Mechanism> default_preference() { return kPreference; }

bool MechanismList::contains(Mechanism mechanism) const { return contains(mechanism_name(mechanism)); }

bool MechanismList::contains(std::string_view name) const {
  for (const auto& n : names)
    if (ascii_iequal(n, name)) return true;
  return false;
}

std::vector<Mechanism> MechanismList::known() const {
  std::vector<Mechanism> out;
  for (const auto& n : names)
    if (auto m = mechanism_from_name(n)) out.push_back(*m);
  return out;
}

Result<SmtpAuthKeyword> parse_smtp_auth_keyword(std::string_view line) {
  if (line.size() < 4 || !ascii_iequal(line.substr(0, 4), "AUTH")) return ParseError{0, "\"AUTH\" keyword"};
  SmtpAuthKeyword keyword;
  if (line.size() == 4) return keyword;  // RFC 4954 §3: the list may be empty
  if (line[4] != ' ' && line[4] != '=') return ParseError{4, "SP or '=' after AUTH"};
  keyword.legacy_equals_form = line[4] == '=';
  auto names = parse_names(line.substr(5), 5);
  if (!names) return names.error();
  keyword.mechanisms = std::move(*names);
  return keyword;
}

std::string serialize_smtp_auth_keyword(const SmtpAuthKeyword& keyword) {
  return joined(keyword.mechanisms, "AUTH", keyword.legacy_equals_form ? '=' : ' ');
}

Result<MechanismList> parse_imap_auth_capabilities(std::string_view capabilities) {
  // Every atom but AUTH=<name> is skipped, including a leading "CAPABILITY".
  MechanismList list;
  if (capabilities.empty()) return list;
  std::size_t at = 0;
  while (true) {
    const std::size_t space = capabilities.find(' ', at);
    const std::size_t end = space == std::string_view::npos ? capabilities.size() : space;
    const std::string_view atom = capabilities.substr(at, end - at);
    if (atom.empty()) return ParseError{at, "capability"};
    if (atom.size() >= 5 && ascii_iequal(atom.substr(0, 5), "AUTH=")) {
      const std::string_view name = atom.substr(5);
      if (auto error = check_name(name, at + 5)) return *error;
      list.names.emplace_back(name);
    }
    if (space == std::string_view::npos) return list;
    at = space + 1;
  }
}

std::string serialize_imap_auth_capabilities(const MechanismList& list) {
  std::string out;
  for (const auto& name : list.names) {
    if (!out.empty()) out.push_back(' ');
    out += "AUTH=";
    out += name;
  }
  return out;
}

Result<MechanismList> parse_pop3_sasl_capability(std::string_view line) {
  if (line.size() < 4 || !ascii_iequal(line.substr(0, 4), "SASL")) return ParseError{0, "\"SASL\" capability"};
  if (line.size() == 4) return MechanismList{};
  if (line[4] != ' ') return ParseError{4, "SP after SASL"};
  return parse_names(line.substr(5), 5);
}

std::string serialize_pop3_sasl_capability(const MechanismList& list) { return joined(list, "SASL", ' '); }

std::optional<Mechanism> select_mechanism(const MechanismList& offered, const SelectionPolicy& policy) {
  for (Mechanism m : policy.preference) {
    if (sends_cleartext_credentials(m) && !policy.tls_active) continue;
    if (uses_channel_binding(m) && !policy.channel_binding_available) continue;
    if (offered.contains(m)) return m;
  }
  return std::nullopt;
}

}  // namespace conformance::codec::sasl
