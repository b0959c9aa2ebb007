#include "harness/net/error.hpp"

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>

namespace conformance::net {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::timeout: return "timeout";
    case ErrorCode::closed_by_peer: return "closed_by_peer";
    case ErrorCode::reset: return "reset";
    case ErrorCode::refused: return "refused";
    case ErrorCode::unreachable: return "unreachable";
    case ErrorCode::resolve_failed: return "resolve_failed";
    case ErrorCode::tls_handshake_failed: return "tls_handshake_failed";
    case ErrorCode::tls_error: return "tls_error";
    case ErrorCode::tls_configuration: return "tls_configuration";
    case ErrorCode::line_too_long: return "line_too_long";
    case ErrorCode::literal_too_large: return "literal_too_large";
    case ErrorCode::message_too_large: return "message_too_large";
    case ErrorCode::decode_failed: return "decode_failed";
    case ErrorCode::cancelled: return "cancelled";
    case ErrorCode::invalid_state: return "invalid_state";
    case ErrorCode::io_error: return "io_error";
  }
  return "unknown";
}

std::string_view to_string(IoPhase phase) {
  switch (phase) {
    case IoPhase::resolve: return "resolve";
    case IoPhase::connect: return "connect";
    case IoPhase::accept: return "accept";
    case IoPhase::read: return "read";
    case IoPhase::write: return "write";
    case IoPhase::handshake: return "TLS handshake";
    case IoPhase::shutdown: return "TLS shutdown";
  }
  return "I/O";
}

std::string Error::describe() const { return std::string(to_string(code)) + ": " + message; }

Error error_from_io(const boost::system::error_code& error, IoPhase phase, bool deadline_expired) {
  namespace asio_error = boost::asio::error;
  const std::string where(to_string(phase));
  auto make = [&](ErrorCode code, std::string_view what) { return Error{code, where + ": " + std::string(what)}; };

  if (error == asio_error::operation_aborted) {
    return deadline_expired ? make(ErrorCode::timeout, "deadline passed, operation cancelled")
                            : make(ErrorCode::cancelled, "operation cancelled");
  }
  const bool truncated = error == boost::asio::ssl::error::stream_truncated;
  if (error == asio_error::eof || truncated) {
    const std::string_view what = truncated ? "connection closed by peer without TLS close_notify"
                                            : "connection closed by peer";
    // A peer that hangs up mid-handshake has refused the handshake.
    return make(phase == IoPhase::handshake ? ErrorCode::tls_handshake_failed : ErrorCode::closed_by_peer, what);
  }
  if (error == asio_error::connection_reset || error == asio_error::broken_pipe ||
      error == asio_error::connection_aborted) {
    return make(ErrorCode::reset, error.message());
  }
  if (error == asio_error::connection_refused) return make(ErrorCode::refused, error.message());
  if (error == asio_error::host_unreachable || error == asio_error::network_unreachable) {
    return make(ErrorCode::unreachable, error.message());
  }
  if (error == asio_error::timed_out) return make(ErrorCode::timeout, error.message());
  if (error == asio_error::host_not_found || error == asio_error::host_not_found_try_again ||
      error == asio_error::no_data || error == asio_error::no_recovery) {
    return make(ErrorCode::resolve_failed, error.message());
  }
  if (error.category() == asio_error::get_ssl_category()) {
    return make(phase == IoPhase::handshake ? ErrorCode::tls_handshake_failed : ErrorCode::tls_error,
                error.message());
  }
  return make(ErrorCode::io_error, error.message());
}

}  // namespace conformance::net
