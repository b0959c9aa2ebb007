// A TCP connection for either role (the harness's client side, a fake
// server), plain, implicit TLS, or upgraded in place (STARTTLS). Every
// operation is a coroutine with its own deadline and returns a value or an
// Error; nothing throws for network conditions.
//
// Reads go through one buffer with caps chosen per call: a line (CRLF, via
// codec::scan_line), exactly N bytes, some bytes, or whatever an incremental
// decoder asks for. Bytes received are recorded in the transcript as they are
// consumed (a line, a literal, a decoded message); bytes sent are recorded as
// they are handed to the socket.
//
// Concurrency: a Stream and its deadlines run on the socket's executor; use a
// single-threaded io_context or give the socket a strand. At most one read
// and one write may be in flight at a time. Boost 1.74 cannot cancel one
// direction alone, so a deadline that expires cancels both: the other
// operation then fails with `cancelled`.
#pragma once

#include "harness/codec/common/line.hpp"
#include "harness/net/asio.hpp"
#include "harness/net/deadline.hpp"
#include "harness/net/decoder.hpp"
#include "harness/net/error.hpp"
#include "harness/net/transcript.hpp"
#include "harness/tls/context.hpp"
#include "harness/tls/session_info.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace conformance::net {

enum class Role { client, server };

struct Line {
  std::string bytes;               // the line and its terminator, as received
  std::size_t content_length = 0;  // bytes before the terminator
  bool ended_by_bare_lf = false;   // only possible with LineEnding::crlf_or_bare_lf

  std::string_view content() const { return std::string_view(bytes).substr(0, content_length); }
};

// Per-connection TLS settings of the client role.
//
// Coroutine parameter types here are deliberately not aggregates: GCC 12
// destroys a brace-initialised aggregate argument of a coroutine twice when
// the call is co_awaited (`co_await s.start_tls(ctx, {"host"}, t)`), while a
// constructor call is handled correctly.
struct ClientTlsParams {
  ClientTlsParams() = default;
  ClientTlsParams(std::string host_name, bool sni = true) : host(std::move(host_name)), send_sni(sni) {}
  ClientTlsParams(const char* host_name) : host(host_name) {}

  // The server's name: sent as SNI (unless an IP literal, RFC 6066 §3, or
  // send_sni is off) and checked against the certificate (RFC 9525; an IP
  // literal is checked against iPAddress names). Empty: no host check.
  std::string host;
  bool send_sni = true;
};

struct TlsUpgrade {
  tls::TlsInfo info;
  // Bytes that had arrived, unread, before the handshake began. They were
  // discarded, never handed to TLS or to the caller as protected data; a
  // non-empty value after "220 Ready to start TLS" is plaintext injection
  // (RFC 3207 §4.2, the CVE-2011-0411 class) and the caller should flag it.
  std::string discarded_plaintext;
};

struct StreamStats {
  std::size_t bytes_received = 0;
  std::size_t bytes_sent = 0;
  std::size_t peak_buffered = 0;  // the most bytes the read buffer ever held
};

class Stream {
  struct Impl;

 public:
  // Wraps a connected socket. A null transcript records nothing.
  static Stream adopt(tcp::socket socket, Role role, std::shared_ptr<Transcript> transcript = nullptr);

  Stream(Stream&&) noexcept;
  Stream& operator=(Stream&&) noexcept;
  ~Stream();

  Role role() const;
  bool is_open() const;  // not closed by us; the peer may have closed its side
  bool is_tls() const;   // a handshake has completed
  tcp::endpoint local_endpoint() const;
  tcp::endpoint remote_endpoint() const;
  boost::asio::any_io_executor get_executor() const;
  const std::shared_ptr<Transcript>& transcript() const;
  StreamStats stats() const;

  // --- Reading. Each call has its own cap and deadline. ---

  // One line. `max_line_length` counts the terminator (RFC 5321 §4.5.3.1);
  // line_too_long as soon as that many bytes hold no line end, so the buffer
  // never holds more than the cap for an endless line.
  awaitable<Outcome<Line>> read_line(std::size_t max_line_length, Duration timeout,
                                     codec::LineEnding ending = codec::LineEnding::crlf_only);
  // Exactly `count` bytes (an IMAP literal, a DATA chunk); literal_too_large
  // without reading when count > max_bytes.
  awaitable<Outcome<std::string>> read_exactly(std::size_t count, std::size_t max_bytes, Duration timeout);
  // Whatever is buffered, or what one read brings, up to max_bytes (at least 1).
  awaitable<Outcome<std::string>> read_some(std::size_t max_bytes, Duration timeout);
  // Feeds buffered bytes to `decoder` until it completes, reading as it asks;
  // returns how many bytes it consumed. message_too_large when it needs more
  // than `max_buffered` bytes in all; decode_failed when it fails.
  awaitable<Outcome<std::size_t>> read_decoded(Decoder decoder, std::size_t max_buffered, Duration timeout);
  // read_decoded for a codec decoder: `decode(std::string_view) -> codec::Step<T>`.
  template <class T, class F>
  awaitable<Outcome<T>> read_message(F decode, std::size_t max_buffered, Duration timeout);

  // Bytes received but not consumed yet.
  std::string_view buffered() const;
  // Removes and returns them (recorded in the transcript as received), e.g.
  // to resynchronise after line_too_long.
  std::string take_buffered();

  // --- Writing. ---

  awaitable<Status> write(std::string bytes, Duration timeout);
  // Sends `bytes` but records only `rendering` ("A1 LOGIN alice <redacted>\r\n").
  awaitable<Status> write_secret(std::string bytes, std::string rendering, Duration timeout);

  // --- TLS. Implicit TLS: call right after connect/accept. STARTTLS: call
  // after the protocol's go-ahead. Buffered plaintext is reported and dropped. ---

  awaitable<Outcome<TlsUpgrade>> start_tls(tls::ClientContext context, ClientTlsParams params, Duration timeout);
  awaitable<Outcome<TlsUpgrade>> start_tls(tls::ServerContext context, Duration timeout);
  // The last handshake's description, successful or not (peer certificate
  // and verification verdict are there after a failed handshake too).
  const std::optional<tls::TlsInfo>& tls_info() const;

  // --- Closing. ---

  // Graceful: TLS close_notify (waiting up to `timeout` for the peer's),
  // then FIN. The socket is closed whatever the result.
  awaitable<Status> close(Duration timeout);
  // Abrupt: the socket is closed with SO_LINGER 0, so the peer gets a RST.
  void abort();

  // A note in the transcript (nothing on the wire).
  void note(std::string_view text);

  // A weak reference that can force the stream closed from outside (the
  // listener, at shutdown). Pending operations complete with `cancelled`.
  class Handle {
   public:
    bool alive() const;
    void force_close(std::string_view reason);

   private:
    friend class Stream;
    std::weak_ptr<Stream::Impl> impl_;
  };
  Handle handle() const;

 private:
  explicit Stream(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

template <class T, class F>
awaitable<Outcome<T>> Stream::read_message(F decode, std::size_t max_buffered, Duration timeout) {
  std::optional<T> value;
  Outcome<std::size_t> consumed = co_await read_decoded(step_decoder<T>(std::move(decode), value), max_buffered, timeout);
  if (!consumed) co_return consumed.error();
  co_return std::move(*value);
}

}  // namespace conformance::net
