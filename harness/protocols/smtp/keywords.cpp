#include "harness/protocols/smtp/keywords.hpp"

#include "harness/codec/sasl/mechanism.hpp"
#include "harness/codec/smtp/chars.hpp"

namespace conformance::protocols::smtp {

std::string upper_case(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = codec::smtp::ascii_upper(c);
  return out;
}

std::set<std::string> keyword_names(const codec::smtp::EhloResponse& response) {
  std::set<std::string> names;
  for (const auto& keyword : response.keywords) names.insert(upper_case(keyword.name));
  for (const auto& mechanism : response.auth_mechanisms()) names.insert("AUTH=" + upper_case(mechanism));
  return names;
}

bool is_keyword_name(std::string_view name) {
  if (codec::smtp::istarts_with(name, "AUTH=")) {
    return codec::sasl::is_valid_mechanism_name(name.substr(5));
  }
  if (name.empty() || !codec::smtp::is_let_dig(static_cast<unsigned char>(name.front()))) return false;
  for (char c : name) {
    if (!codec::smtp::is_ldh(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace conformance::protocols::smtp
