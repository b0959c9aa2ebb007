// A loopback server on its own thread whose every connection runs one
// script: the hostile behaviours (stall, flood, echo) engine tests need.
#pragma once

#include "harness/net/listener.hpp"

#include <boost/asio/io_context.hpp>

#include <functional>
#include <thread>

namespace conformance::engine::testing {

class ScriptedPeer {
 public:
  explicit ScriptedPeer(net::Listener::Handler script) {
    auto listener = net::Listener::open(io_.get_executor());
    if (!listener) throw std::runtime_error(listener.error().describe());
    listener_.emplace(std::move(listener.value()));
    listener_->serve(std::move(script));
    thread_ = std::thread([this] { io_.run(); });
  }
  ~ScriptedPeer() {
    boost::asio::post(io_, [this] { listener_->stop(); });
    work_.reset();
    io_.stop();
    thread_.join();
  }
  std::uint16_t port() const { return listener_->port(); }

 private:
  boost::asio::io_context io_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_{io_.get_executor()};
  std::optional<net::Listener> listener_;
  std::thread thread_;
};

}  // namespace conformance::engine::testing
