// Results of the TLS library: a value, or why OpenSSL refused (bad PEM, a key
// that does not match its certificate, a CA file that cannot be read). These
// are configuration failures, not network conditions; the transport layer
// turns them into its own error type.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace conformance::tls {

struct Error {
  std::string message;  // what was attempted, then OpenSSL's reasons
  friend bool operator==(const Error&, const Error&) = default;
};

template <class T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Expected(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

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

template <>
class [[nodiscard]] Expected<void> {
 public:
  Expected() = default;
  Expected(Error error) : error_(std::move(error)) {}

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

}  // namespace conformance::tls
