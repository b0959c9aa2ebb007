#include "harness/tls/openssl_handles.hpp"

#include <openssl/err.h>

namespace conformance::tls {

std::string openssl_failure(std::string_view what) {
  std::string text(what);
  bool first = true;
  while (const unsigned long code = ERR_get_error()) {
    char reason[256];
    ERR_error_string_n(code, reason, sizeof reason);
    text += first ? ": " : "; ";
    text += reason;
    first = false;
  }
  if (first) text += ": (no OpenSSL reason given)";
  return text;
}

void clear_openssl_errors() { ERR_clear_error(); }

}  // namespace conformance::tls
