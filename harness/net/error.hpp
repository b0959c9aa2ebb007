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
class [[nodiscard]] Outcome {
 public:
  Outcome(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Outcome(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Success, or the Error.
template <>
class [[nodiscard]] Outcome<void> {
 public:
  Outcome() = default;
  Outcome(Error error) : error_(std::move(error)) {}

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

using Status = Outcome<void>;

// What an I/O operation was doing when it failed; decides how TLS errors and
// cancellations are classified, and prefixes the message.
enum class IoPhase { resolve, connect, accept, read, write, handshake, shutdown };

std::string_view to_string(IoPhase phase);

// Classifies an Asio/OS/OpenSSL error. `deadline_expired` turns the
// cancellation our own deadline caused into `timeout`.
Error error_from_io(const boost::system::error_code& error, IoPhase phase, bool deadline_expired);

}  // namespace conformance::net
