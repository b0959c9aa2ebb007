#include "harness/codec/pop3/apop.hpp"

#include <openssl/evp.h>

#include <memory>

#include "harness/codec/pop3/chars.hpp"

namespace conformance::codec::pop3 {

Result<std::string> apop_timestamp(std::string_view greeting_text) {
  const std::size_t open = greeting_text.find('<');
  if (open == std::string_view::npos) return ParseError{greeting_text.size(), "'<' opening an APOP timestamp"};
  std::size_t at = open + 1;
  std::size_t at_sign = std::string_view::npos;
  while (at < greeting_text.size() && greeting_text[at] != '>') {
    const char c = greeting_text[at];
    if (!detail::is_vchar(c) || c == '<') return ParseError{at, "printable character or '>' in the APOP timestamp"};
    if (c == '@') {
      if (at_sign != std::string_view::npos) return ParseError{at, "a single '@' in the APOP timestamp"};
      if (at == open + 1) return ParseError{at, "timestamp text before '@'"};
      at_sign = at;
    }
    ++at;
  }
  if (at == greeting_text.size()) return ParseError{at, "'>' closing the APOP timestamp"};
  if (at_sign == std::string_view::npos) return ParseError{at, "'@' in the APOP timestamp (msg-id form)"};
  if (at_sign + 1 == at) return ParseError{at, "host name after '@' in the APOP timestamp"};
  return std::string(greeting_text.substr(open, at + 1 - open));
}

std::string apop_digest(std::string_view timestamp, std::string_view secret) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!context || EVP_DigestInit_ex(context.get(), EVP_md5(), nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), timestamp.data(), timestamp.size()) != 1 ||
      EVP_DigestUpdate(context.get(), secret.data(), secret.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest, &length) != 1)
    return {};  // only without a usable MD5 (e.g. a FIPS-only OpenSSL)
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0x0F]);
  }
  return hex;
}

}  // namespace conformance::codec::pop3
