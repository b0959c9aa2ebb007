// The Boost.Asio headers the transport layer uses, behind one include.
// Boost 1.74's awaitable.hpp calls std::exchange without including
// <utility>, so that comes first. (With clang, the target also defines
// BOOST_ASIO_HAS_CO_AWAIT: 1.74 detects coroutines only with GCC.)
#pragma once

#include <utility>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

namespace conformance::net {

template <class T>
using awaitable = boost::asio::awaitable<T>;
using tcp = boost::asio::ip::tcp;

}  // namespace conformance::net
