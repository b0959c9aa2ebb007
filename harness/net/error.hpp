// Errors of the transport layer: a small enum saying what happened, and a
// message with the detail (the OS or OpenSSL reason). Network conditions are
// values, never exceptions.
#pragma once

#include <boost/system/error_code.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "harness/common/expected.hpp"

namespace conformance::net {

enum class ErrorCode {
  timeout,               // the operation's deadline passed; it was cancelled
  closed_by_peer,        // orderly close (FIN, or TLS close_notify / truncation)
  reset,                 // connection reset (RST) or broken pipe
  refused,               // nothing listening at the address
  unreachable,           // no route to the host or network
  resolve_failed,        // the host name did not resolve
  tls_handshake_failed,  // handshake rejected; the message has OpenSSL's reason
  tls_error,             // TLS failure after the handshake (bad record, alert)
  tls_configuration,     // a context could not be built (bad PEM, missing CA file)
  line_too_long,         // no line end within the caller's cap
  literal_too_large,     // an exact-length read asked for more than its cap
  message_too_large,     // a decoder needed more buffered bytes than its cap
  decode_failed,         // the caller's decoder rejected the bytes
  cancelled,             // cancelled from outside (listener stop, a timeout of the other direction)
  invalid_state,         // not possible now (stream closed, STARTTLS twice, wrong role)
  io_error,              // any other OS error; the message says which
};

std::string_view to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::io_error;
  std::string message;

  // "timeout: read: no data within 200 ms"
  std::string describe() const;
  friend bool operator==(const Error&, const Error&) = default;
};

// A value or the Error that prevented it.
template <class T>
using Outcome = Expected<T, Error>;

using Status = Outcome<void>;

// What an I/O operation was doing when it failed; decides how TLS errors and
// cancellations are classified, and prefixes the message.
enum class IoPhase { resolve, connect, accept, read, write, handshake, shutdown };

std::string_view to_string(IoPhase phase);

// Classifies an Asio/OS/OpenSSL error. `deadline_expired` turns the
// cancellation our own deadline caused into `timeout`.
Error error_from_io(const boost::system::error_code& error, IoPhase phase, bool deadline_expired);

}  // namespace conformance::net
