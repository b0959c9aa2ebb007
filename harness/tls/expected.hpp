// Results of the TLS library: a value, or why OpenSSL refused (bad PEM, a key
// that does not match its certificate, a CA file that cannot be read). These
// are configuration failures, not network conditions; the transport layer
// turns them into its own error type.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "harness/common/expected.hpp"

namespace conformance::tls {

struct Error {
  std::string message;  // what was attempted, then OpenSSL's reasons
  friend bool operator==(const Error&, const Error&) = default;
};

template <class T>
using Expected = conformance::Expected<T, Error>;

}  // namespace conformance::tls
