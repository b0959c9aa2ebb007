#include "harness/net/connect.hpp"

#include <sstream>

namespace conformance::net {
namespace {

namespace asio = boost::asio;
using boost::system::error_code;

std::string endpoint_text(const tcp::endpoint& endpoint) {
  std::ostringstream text;
  text << endpoint;
  return text.str();
}

}  // namespace

awaitable<Outcome<Stream>> connect(tcp::endpoint endpoint, ConnectOptions options) {
  const auto executor = co_await asio::this_coro::executor;
  tcp::socket socket(executor);
  error_code error;
  socket.open(endpoint.protocol(), error);
  if (error) co_return Error{ErrorCode::io_error, "connect: opening a socket: " + error.message()};

  bool expired = false;
  {
    Deadline deadline(executor, options.timeout, [&socket] {
      error_code ignored;
      socket.cancel(ignored);
    });
    co_await socket.async_connect(endpoint, asio::redirect_error(asio::use_awaitable, error));
    expired = deadline.expired();
  }
  if (error) {
    Error failure = error_from_io(error, IoPhase::connect, expired);
    if (failure.code == ErrorCode::timeout) {
      failure.message = "connect: no answer within " + describe_duration(options.timeout);
    }
    failure.message += " (" + endpoint_text(endpoint) + ")";
    co_return failure;
  }
  if (options.transcript) {
    error_code ignored;
    options.transcript->note("connected to " + endpoint_text(endpoint) + " from " +
                             endpoint_text(socket.local_endpoint(ignored)));
  }
  co_return Stream::adopt(std::move(socket), Role::client, std::move(options.transcript));
}

awaitable<Outcome<Stream>> connect(std::string host, std::uint16_t port, ConnectOptions options) {
  const auto executor = co_await asio::this_coro::executor;
  const auto started = std::chrono::steady_clock::now();
  tcp::resolver resolver(executor);
  error_code error;
  tcp::resolver::results_type addresses;
  bool expired = false;
  {
    Deadline deadline(executor, options.timeout, [&resolver] { resolver.cancel(); });
    addresses = co_await resolver.async_resolve(host, std::to_string(port),
                                                asio::redirect_error(asio::use_awaitable, error));
    expired = deadline.expired();
  }
  if (error) {
    Error failure = error_from_io(error, IoPhase::resolve, expired);
    failure.message += " (" + host + ")";
    if (failure.code == ErrorCode::io_error) failure.code = ErrorCode::resolve_failed;
    co_return failure;
  }

  if (addresses.empty()) co_return Error{ErrorCode::resolve_failed, "resolve: no addresses for " + host};
  std::optional<Error> last_failure;
  for (const auto& address : addresses) {
    const Duration left = options.timeout - (std::chrono::steady_clock::now() - started);
    if (left <= Duration::zero()) break;
    ConnectOptions attempt = options;
    attempt.timeout = left;
    Outcome<Stream> stream = co_await connect(address.endpoint(), attempt);
    if (stream) co_return std::move(*stream);
    last_failure = stream.error();
  }
  if (last_failure) co_return *last_failure;
  co_return Error{ErrorCode::timeout, "connect: no answer from " + host + " within " +
                                          describe_duration(options.timeout)};
}

awaitable<Outcome<Stream>> connect_tls(tcp::endpoint endpoint, tls::ClientContext context, ClientTlsParams params,
                                       ConnectOptions options) {
  const Duration handshake_timeout = options.timeout;
  Outcome<Stream> stream = co_await connect(endpoint, std::move(options));
  if (!stream) co_return stream.error();
  Outcome<TlsUpgrade> upgrade = co_await stream->start_tls(std::move(context), std::move(params), handshake_timeout);
  if (!upgrade) {
    stream->abort();
    co_return upgrade.error();
  }
  co_return std::move(*stream);
}

}  // namespace conformance::net
