#include "harness/net/stream.hpp"

#include <boost/asio/ssl/error.hpp>

#include <algorithm>
#include <exception>
#include <variant>

namespace conformance::net {
namespace {

namespace asio = boost::asio;
using boost::system::error_code;

// How much one read asks the socket for: lines are short, literals and
// messages may be long. Line reads never ask for more than the cap allows.
constexpr std::size_t kLineChunk = 16 * 1024;
constexpr std::size_t kBulkChunk = 64 * 1024;

Error timed_out(std::string_view what, Duration timeout, std::string_view detail = {}) {
  std::string message = std::string(what) + ": deadline of " + describe_duration(timeout) + " passed";
  if (!detail.empty()) message += " (" + std::string(detail) + ")";
  return Error{ErrorCode::timeout, std::move(message)};
}

std::string describe_handshake(const tls::TlsInfo& info, Role role) {
  std::string text = "handshake ok: " + info.version + " " + info.cipher;
  if (!info.server_name.empty()) text += "; SNI " + info.server_name;
  if (info.peer_certificate) {
    text += "; peer certificate " + info.peer_certificate->subject + " issued by " + info.peer_certificate->issuer;
  }
  if (role == Role::client) {
    text += "; verification: " + info.verification.text;
    if (info.hostname_matched) {
      text += *info.hostname_matched ? "; host " + info.expected_host + " matched"
                                     : "; host " + info.expected_host + " NOT matched";
    }
  }
  return text;
}

}  // namespace

struct Stream::Impl {
  enum class State { open, peer_closed, tls_failed, closed };

  Impl(tcp::socket connected, Role stream_role, std::shared_ptr<Transcript> record_to)
      : socket(std::move(connected)), role(stream_role), transcript(std::move(record_to)) {}

  ~Impl() {
    if (state != State::closed && socket.is_open()) record(Direction::closed, "closed by us (stream released)");
  }

  tcp::socket socket;
  std::unique_ptr<asio::ssl::stream<tcp::socket&>> tls;
  // Keeps the SSL_CTX (and Asio's wrapper) alive as long as the session.
  std::variant<std::monostate, tls::ClientContext, tls::ServerContext> tls_context;
  bool tls_established = false;
  Role role;
  std::shared_ptr<Transcript> transcript;
  std::string buffer;
  StreamStats stats;
  std::optional<tls::TlsInfo> tls_info;
  State state = State::open;
  std::optional<Error> peer_close;  // how the peer ended the connection

  Direction sent_direction() const {
    return role == Role::client ? Direction::client_to_server : Direction::server_to_client;
  }
  Direction received_direction() const {
    return role == Role::client ? Direction::server_to_client : Direction::client_to_server;
  }
  void record(Direction direction, std::string_view bytes) {
    if (transcript) transcript->record(direction, bytes);
  }

  std::string consume(std::size_t count) {
    std::string taken = buffer.substr(0, count);
    buffer.erase(0, count);
    record(received_direction(), taken);
    return taken;
  }

  void cancel_io() {
    error_code ignored;
    socket.cancel(ignored);
  }

  std::optional<Error> unusable(std::string_view what) const {
    if (state == State::closed) return Error{ErrorCode::invalid_state, std::string(what) + ": the stream is closed"};
    if (state == State::tls_failed) {
      return Error{ErrorCode::invalid_state, std::string(what) + ": the TLS handshake failed; the stream is unusable"};
    }
    return std::nullopt;
  }

  // One read of at most `max_bytes` appended to the buffer.
  awaitable<Status> fill(std::size_t max_bytes, const Deadline& deadline) {
    if (state == State::peer_closed) co_return *peer_close;
    const std::size_t old_size = buffer.size();
    buffer.resize(old_size + max_bytes);
    const auto target = asio::buffer(buffer.data() + old_size, max_bytes);
    error_code error;
    std::size_t received = 0;
    if (tls) {
      received = co_await tls->async_read_some(target, asio::redirect_error(asio::use_awaitable, error));
    } else {
      received = co_await socket.async_read_some(target, asio::redirect_error(asio::use_awaitable, error));
    }
    buffer.resize(old_size + received);
    stats.bytes_received += received;
    stats.peak_buffered = std::max(stats.peak_buffered, buffer.size());
    // Bytes that came with an error are kept; the error comes back next time.
    if (!error || received > 0) co_return Status{};

    Error failure = error_from_io(error, IoPhase::read, deadline.expired());
    if (failure.code == ErrorCode::closed_by_peer || failure.code == ErrorCode::reset) {
      state = State::peer_closed;
      peer_close = failure;
      record(Direction::closed, failure.code == ErrorCode::reset ? "reset by peer" : failure.message);
    }
    co_return failure;
  }

  awaitable<Outcome<Line>> read_line(std::size_t max_line_length, Duration timeout, codec::LineEnding ending) {
    if (auto failure = unusable("read_line")) co_return *failure;
    std::optional<Deadline> deadline;
    std::size_t scanned = 0;  // a prefix known to hold no line end
    for (;;) {
      // Rescan from the last byte seen (it may be the CR of a CRLF split
      // across reads), so a line arriving byte by byte costs linear time.
      const std::size_t from = scanned > 0 ? scanned - 1 : 0;
      const codec::LineScan scan =
          codec::scan_line(std::string_view(buffer).substr(from), max_line_length - from, ending);
      if (scan.complete()) {
        Line line;
        line.content_length = from + scan.content_length;
        line.ended_by_bare_lf = scan.ended_by_bare_lf;
        line.bytes = consume(from + scan.total_length());
        co_return line;
      }
      if (scan.status == codec::LineScan::Status::too_long) {
        co_return Error{ErrorCode::line_too_long,
                        "read_line: no line end within " + std::to_string(max_line_length) + " bytes"};
      }
      scanned = buffer.size();
      if (!deadline) deadline.emplace(socket.get_executor(), timeout, [this] { cancel_io(); });
      Status filled = co_await fill(std::min(kLineChunk, max_line_length - buffer.size()), *deadline);
      if (!filled) {
        if (filled.error().code == ErrorCode::timeout) {
          co_return timed_out("read_line", timeout, std::to_string(buffer.size()) + " bytes of the line received");
        }
        co_return filled.error();
      }
    }
  }

  awaitable<Outcome<std::string>> read_exactly(std::size_t count, std::size_t max_bytes, Duration timeout) {
    if (auto failure = unusable("read_exactly")) co_return *failure;
    if (count > max_bytes) {
      co_return Error{ErrorCode::literal_too_large, "read_exactly: " + std::to_string(count) +
                                                        " bytes announced, the cap is " + std::to_string(max_bytes)};
    }
    std::optional<Deadline> deadline;
    while (buffer.size() < count) {
      if (!deadline) deadline.emplace(socket.get_executor(), timeout, [this] { cancel_io(); });
      Status filled = co_await fill(std::min(kBulkChunk, count - buffer.size()), *deadline);
      if (!filled) {
        if (filled.error().code == ErrorCode::timeout) {
          co_return timed_out("read_exactly", timeout,
                              std::to_string(buffer.size()) + " of " + std::to_string(count) + " bytes received");
        }
        co_return filled.error();
      }
    }
    co_return consume(count);
  }

  awaitable<Outcome<std::string>> read_some(std::size_t max_bytes, Duration timeout) {
    if (auto failure = unusable("read_some")) co_return *failure;
    max_bytes = std::max<std::size_t>(max_bytes, 1);
    if (buffer.empty()) {
      Deadline deadline(socket.get_executor(), timeout, [this] { cancel_io(); });
      Status filled = co_await fill(std::min(kBulkChunk, max_bytes), deadline);
      if (!filled) {
        if (filled.error().code == ErrorCode::timeout) co_return timed_out("read_some", timeout, "nothing received");
        co_return filled.error();
      }
    }
    co_return consume(std::min(max_bytes, buffer.size()));
  }

  awaitable<Outcome<std::size_t>> read_decoded(Decoder decoder, std::size_t max_buffered, Duration timeout) {
    if (auto failure = unusable("read_decoded")) co_return *failure;
    std::optional<Deadline> deadline;
    for (;;) {
      const DecodeProgress progress = decoder(buffer);
      if (progress.kind == DecodeProgress::Kind::done) {
        if (progress.count > buffer.size()) {
          co_return Error{ErrorCode::decode_failed, "read_decoded: the decoder consumed " +
                                                        std::to_string(progress.count) + " bytes of " +
                                                        std::to_string(buffer.size()) + " buffered"};
        }
        consume(progress.count);
        co_return progress.count;
      }
      if (progress.kind == DecodeProgress::Kind::failed) {
        co_return Error{ErrorCode::decode_failed, "read_decoded: " + progress.error};
      }
      const std::size_t wanted = std::max<std::size_t>(progress.count, 1);
      if (wanted > max_buffered || buffer.size() > max_buffered - wanted) {
        co_return Error{ErrorCode::message_too_large, "read_decoded: the message needs more than " +
                                                          std::to_string(max_buffered) + " bytes"};
      }
      const std::size_t target = buffer.size() + wanted;
      if (!deadline) deadline.emplace(socket.get_executor(), timeout, [this] { cancel_io(); });
      while (buffer.size() < target) {
        Status filled = co_await fill(std::min(kBulkChunk, max_buffered - buffer.size()), *deadline);
        if (!filled) {
          if (filled.error().code == ErrorCode::timeout) {
            co_return timed_out("read_decoded", timeout, std::to_string(buffer.size()) + " bytes buffered");
          }
          co_return filled.error();
        }
      }
    }
  }

  awaitable<Status> write(std::string bytes, std::optional<std::string> rendering, Duration timeout) {
    if (auto failure = unusable("write")) co_return *failure;
    // Recorded before sending, so the transcript's order is the wire's order
    // even when the peer answers before this coroutine resumes.
    if (rendering) {
      if (transcript) transcript->record_secret(sent_direction(), *rendering);
    } else {
      record(sent_direction(), bytes);
    }
    error_code error;
    std::size_t sent = 0;
    bool expired = false;
    {
      Deadline deadline(socket.get_executor(), timeout, [this] { cancel_io(); });
      if (tls) {
        sent = co_await asio::async_write(*tls, asio::buffer(bytes), asio::redirect_error(asio::use_awaitable, error));
      } else {
        sent = co_await asio::async_write(socket, asio::buffer(bytes), asio::redirect_error(asio::use_awaitable, error));
      }
      expired = deadline.expired();
    }
    stats.bytes_sent += sent;
    if (!error) co_return Status{};
    Error failure = error_from_io(error, IoPhase::write, expired);
    if (failure.code == ErrorCode::timeout) {
      failure = timed_out("write", timeout, std::to_string(sent) + " of " + std::to_string(bytes.size()) + " bytes sent");
    }
    record(Direction::note, "write failed after " + std::to_string(sent) + " of " + std::to_string(bytes.size()) +
                                " bytes: " + failure.describe());
    co_return failure;
  }

  std::optional<Error> cannot_start_tls(Role expected) const {
    if (auto failure = unusable("start_tls")) return failure;
    if (tls) return Error{ErrorCode::invalid_state, "start_tls: TLS is already active on this stream"};
    if (role != expected) {
      return Error{ErrorCode::invalid_state, role == Role::client
                                                 ? "start_tls: a server context on a client-role stream"
                                                 : "start_tls: a client context on a server-role stream"};
    }
    if (state == State::peer_closed) return peer_close;
    return std::nullopt;
  }

  // RFC 3207 §4.2: nothing received before the handshake may be treated as
  // protected. It is recorded, reported and dropped.
  std::string discard_plaintext() {
    std::string discarded = std::move(buffer);
    buffer.clear();
    if (!discarded.empty()) {
      record(received_direction(), discarded);
      record(Direction::note, std::to_string(discarded.size()) +
                                  " bytes received before the TLS handshake were discarded (possible plaintext "
                                  "injection, RFC 3207 section 4.2)");
    }
    return discarded;
  }

  template <class Context>
  std::optional<Error> create_tls(const Context& context) {
    try {
      tls = std::make_unique<asio::ssl::stream<tcp::socket&>>(socket, context.native());
    } catch (const std::exception& failure) {
      return Error{ErrorCode::tls_configuration, std::string("start_tls: creating the TLS session: ") + failure.what()};
    }
    tls_context = context;
    return std::nullopt;
  }

  awaitable<Outcome<TlsUpgrade>> handshake(asio::ssl::stream_base::handshake_type type, std::string expected_host,
                                           std::string discarded, Duration timeout) {
    error_code error;
    bool expired = false;
    {
      Deadline deadline(socket.get_executor(), timeout, [this] { cancel_io(); });
      co_await tls->async_handshake(type, asio::redirect_error(asio::use_awaitable, error));
      expired = deadline.expired();
    }
    tls_info = tls::describe_session(tls->native_handle(), expected_host);
    if (error) {
      state = State::tls_failed;
      Error failure = error_from_io(error, IoPhase::handshake, expired);
      if (failure.code == ErrorCode::timeout) failure = timed_out("TLS handshake", timeout);
      if (failure.code == ErrorCode::tls_handshake_failed && role == Role::client && !tls_info->verification.ok()) {
        failure.message += "; certificate verification: " + tls_info->verification.text + " (X509 error " +
                           std::to_string(tls_info->verification.code) + ")";
      }
      record(Direction::tls_event, "handshake failed: " + failure.describe());
      co_return failure;
    }
    tls_established = true;
    record(Direction::tls_event, describe_handshake(*tls_info, role));
    co_return TlsUpgrade{*tls_info, std::move(discarded)};
  }

  awaitable<Status> close(Duration timeout) {
    if (state == State::closed) co_return Status{};
    Status result;
    if (tls && tls_established) {
      error_code error;
      bool expired = false;
      {
        Deadline deadline(socket.get_executor(), timeout, [this] { cancel_io(); });
        co_await tls->async_shutdown(asio::redirect_error(asio::use_awaitable, error));
        expired = deadline.expired();
      }
      // A peer that hangs up without its own close_notify has still let us close.
      const bool peer_hung_up = error == asio::error::eof || error == asio::ssl::error::stream_truncated ||
                                state == State::peer_closed;
      if (error && !peer_hung_up) {
        result = error_from_io(error, IoPhase::shutdown, expired);
        if (result.error().code == ErrorCode::timeout) {
          result = timed_out("TLS shutdown", timeout, "the peer did not answer close_notify");
        }
        record(Direction::note, "TLS shutdown: " + result.error().describe());
      }
    }
    error_code ignored;
    socket.shutdown(tcp::socket::shutdown_both, ignored);
    socket.close(ignored);
    state = State::closed;
    record(Direction::closed, "closed by us");
    co_return result;
  }

  void close_now(std::string_view reason, bool reset) {
    if (state == State::closed) return;
    error_code ignored;
    if (reset) {
      socket.set_option(asio::socket_base::linger(true, 0), ignored);
    } else {
      socket.shutdown(tcp::socket::shutdown_both, ignored);
    }
    socket.close(ignored);
    state = State::closed;
    record(Direction::closed, reason);
  }
};

Stream::Stream(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
Stream::Stream(Stream&&) noexcept = default;
Stream& Stream::operator=(Stream&&) noexcept = default;
Stream::~Stream() = default;

Stream Stream::adopt(tcp::socket socket, Role role, std::shared_ptr<Transcript> transcript) {
  error_code ignored;
  // Protocol dialogues are small writes that must leave at once.
  socket.set_option(tcp::no_delay(true), ignored);
  return Stream(std::make_shared<Impl>(std::move(socket), role, std::move(transcript)));
}

Role Stream::role() const { return impl_->role; }
bool Stream::is_open() const { return impl_->state != Impl::State::closed; }
bool Stream::is_tls() const { return impl_->tls_established; }

tcp::endpoint Stream::local_endpoint() const {
  error_code ignored;
  return impl_->socket.local_endpoint(ignored);
}

tcp::endpoint Stream::remote_endpoint() const {
  error_code ignored;
  return impl_->socket.remote_endpoint(ignored);
}

boost::asio::any_io_executor Stream::get_executor() const { return impl_->socket.get_executor(); }
const std::shared_ptr<Transcript>& Stream::transcript() const { return impl_->transcript; }
StreamStats Stream::stats() const { return impl_->stats; }

awaitable<Outcome<Line>> Stream::read_line(std::size_t max_line_length, Duration timeout, codec::LineEnding ending) {
  const std::shared_ptr<Impl> impl = impl_;
  co_return co_await impl->read_line(max_line_length, timeout, ending);
}

awaitable<Outcome<std::string>> Stream::read_exactly(std::size_t count, std::size_t max_bytes, Duration timeout) {
  const std::shared_ptr<Impl> impl = impl_;
  co_return co_await impl->read_exactly(count, max_bytes, timeout);
}

awaitable<Outcome<std::string>> Stream::read_some(std::size_t max_bytes, Duration timeout) {
  const std::shared_ptr<Impl> impl = impl_;
  co_return co_await impl->read_some(max_bytes, timeout);
}

awaitable<Outcome<std::size_t>> Stream::read_decoded(Decoder decoder, std::size_t max_buffered, Duration timeout) {
  const std::shared_ptr<Impl> impl = impl_;
  co_return co_await impl->read_decoded(std::move(decoder), max_buffered, timeout);
}

std::string_view Stream::buffered() const { return impl_->buffer; }

std::string Stream::take_buffered() { return impl_->consume(impl_->buffer.size()); }

awaitable<Status> Stream::write(std::string bytes, Duration timeout) {
  const std::shared_ptr<Impl> impl = impl_;
  co_return co_await impl->write(std::move(bytes), std::nullopt, timeout);
}

awaitable<Status> Stream::write_secret(std::string bytes, std::string rendering, Duration timeout) {
  const std::shared_ptr<Impl> impl = impl_;
  co_return co_await impl->write(std::move(bytes), std::move(rendering), timeout);
}

awaitable<Outcome<TlsUpgrade>> Stream::start_tls(tls::ClientContext context, ClientTlsParams params,
                                                 Duration timeout) {
  const std::shared_ptr<Impl> impl = impl_;
  if (auto failure = impl->cannot_start_tls(Role::client)) co_return *failure;
  std::string discarded = impl->discard_plaintext();
  if (auto failure = impl->create_tls(context)) co_return *failure;

  SSL* ssl = impl->tls->native_handle();
  if (!params.host.empty()) {
    const bool ip_literal = tls::is_ip_literal(params.host);
    X509_VERIFY_PARAM* verify = SSL_get0_param(ssl);
    X509_VERIFY_PARAM_set_hostflags(verify, tls::host_check_flags());
    bool configured = ip_literal ? X509_VERIFY_PARAM_set1_ip_asc(verify, params.host.c_str()) == 1
                                 : SSL_set1_host(ssl, params.host.c_str()) == 1;
    if (configured && params.send_sni && !ip_literal) {
      configured = SSL_set_tlsext_host_name(ssl, params.host.c_str()) == 1;
    }
    if (!configured) {
      impl->state = Impl::State::tls_failed;
      co_return Error{ErrorCode::tls_configuration,
                      tls::openssl_failure("start_tls: setting host name " + params.host)};
    }
  }
  co_return co_await impl->handshake(boost::asio::ssl::stream_base::client, params.host, std::move(discarded),
                                     timeout);
}

awaitable<Outcome<TlsUpgrade>> Stream::start_tls(tls::ServerContext context, Duration timeout) {
  const std::shared_ptr<Impl> impl = impl_;
  if (auto failure = impl->cannot_start_tls(Role::server)) co_return *failure;
  std::string discarded = impl->discard_plaintext();
  if (auto failure = impl->create_tls(context)) co_return *failure;
  co_return co_await impl->handshake(boost::asio::ssl::stream_base::server, std::string(), std::move(discarded),
                                     timeout);
}

const std::optional<tls::TlsInfo>& Stream::tls_info() const { return impl_->tls_info; }

awaitable<Status> Stream::close(Duration timeout) {
  const std::shared_ptr<Impl> impl = impl_;
  co_return co_await impl->close(timeout);
}

void Stream::abort() { impl_->close_now("aborted by us (TCP RST)", true); }

void Stream::note(std::string_view text) { impl_->record(Direction::note, text); }

Stream::Handle Stream::handle() const {
  Handle handle;
  handle.impl_ = impl_;
  return handle;
}

bool Stream::Handle::alive() const {
  const std::shared_ptr<Impl> impl = impl_.lock();
  return impl && impl->state != Impl::State::closed;
}

void Stream::Handle::force_close(std::string_view reason) {
  if (const std::shared_ptr<Impl> impl = impl_.lock()) impl->close_now(reason, false);
}

}  // namespace conformance::net
