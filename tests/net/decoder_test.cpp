// read_decoded / read_message: the stream feeds a caller's incremental
// decoder (codec::Step<T>) and reads exactly as much as it asks for.
#include "harness/net/connect.hpp"
#include "harness/net/stream.hpp"
#include "tests/net/test_support.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace conformance::net {
namespace {

using namespace testing;

// A netstring decoder ("5:hello,") in the codecs' Step<T> style: small
// enough to read at a glance, with all three outcomes.
codec::Step<std::string> decode_netstring(std::string_view input) {
  std::size_t digits = 0;
  while (digits < input.size() && input[digits] >= '0' && input[digits] <= '9') ++digits;
  if (digits == input.size()) {
    if (digits > 9) return codec::Step<std::string>::fail({digits, "':'"});
    return codec::Step<std::string>::need_more(1);
  }
  if (digits == 0 || input[digits] != ':') return codec::Step<std::string>::fail({digits, "length and ':'"});
  const std::size_t length = std::stoul(std::string(input.substr(0, digits)));
  const std::size_t total = digits + 1 + length + 1;
  if (input.size() < total) return codec::Step<std::string>::need_more(total - input.size());
  if (input[total - 1] != ',') return codec::Step<std::string>::fail({total - 1, "','"});
  return codec::Step<std::string>::done(std::string(input.substr(digits + 1, length)), total);
}

void serve_chunks(asio::io_context& io, tcp::acceptor& acceptor, std::vector<std::string> chunks) {
  spawn(io, [&acceptor, chunks = std::move(chunks)]() -> awaitable<void> {
    tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
    asio::steady_timer pause(peer.get_executor());
    for (const std::string& chunk : chunks) {
      boost::system::error_code failed;
      co_await asio::async_write(peer, asio::buffer(chunk), asio::redirect_error(asio::use_awaitable, failed));
      if (failed) co_return;
      pause.expires_after(30ms);
      co_await pause.async_wait(asio::use_awaitable);
    }
    co_await hold_until_closed(peer);
  });
}

template <class Body>
void with_client(asio::io_context& io, tcp::acceptor& acceptor, Body body) {
  spawn(io, [&acceptor, body]() -> awaitable<void> {
    Outcome<Stream> stream = co_await connect(acceptor.local_endpoint());
    if (!stream) throw std::runtime_error(stream.error().describe());
    co_await body(*stream);
    stream->abort();
  });
}

TEST(StreamDecoder, ReadMessageDecodesAMessageSplitAcrossSegments) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  serve_chunks(io, acceptor, {"1", "1:hello", " world", ","});
  std::optional<Outcome<std::string>> message;
  with_client(io, acceptor, [&](Stream& stream) -> awaitable<void> {
    message = co_await stream.read_message<std::string>(decode_netstring, 1024, 5s);
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(message && *message) << (*message).error().describe();
  EXPECT_EQ(**message, "hello world");
}

TEST(StreamDecoder, PipelinedMessagesAreDecodedOneAtATime) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  serve_chunks(io, acceptor, {"3:abc,3:def,"});
  std::vector<std::string> messages;
  std::string left;
  with_client(io, acceptor, [&](Stream& stream) -> awaitable<void> {
    Outcome<std::string> first = co_await stream.read_message<std::string>(decode_netstring, 1024, 5s);
    if (first) messages.push_back(*first);
    left = std::string(stream.buffered());
    Outcome<std::string> second = co_await stream.read_message<std::string>(decode_netstring, 1024, 5s);
    if (second) messages.push_back(*second);
  });
  ASSERT_TRUE(run_until_idle(io));
  EXPECT_EQ(messages, (std::vector<std::string>{"abc", "def"}));
  EXPECT_EQ(left, "3:def,");
}

TEST(StreamDecoder, TheDecoderIsCalledAgainOnlyWhenTheBytesItAskedForHaveArrived) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  serve_chunks(io, acceptor, {"10:", "01", "23", "45", "67", "89,"});
  int calls = 0;
  std::optional<Outcome<std::size_t>> consumed;
  with_client(io, acceptor, [&](Stream& stream) -> awaitable<void> {
    Decoder counting = [&calls](std::string_view buffered) {
      ++calls;
      codec::Step<std::string> step = decode_netstring(buffered);
      if (step.complete()) return DecodeProgress::done(step.consumed());
      if (step.needs_more()) return DecodeProgress::need_more(step.more_needed());
      return DecodeProgress::failed(step.error().message());
    };
    consumed = co_await stream.read_decoded(counting, 1024, 5s);
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(consumed && *consumed);
  EXPECT_EQ(**consumed, 14u);
  // "" -> need 1; "10:" -> need 11 more; then only once all 14 bytes are in.
  EXPECT_LE(calls, 3);
}

TEST(StreamDecoder, ADecoderFailureIsDecodeFailedWithTheParseError) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  serve_chunks(io, acceptor, {"3:abc;"});
  std::optional<Error> failure;
  with_client(io, acceptor, [&](Stream& stream) -> awaitable<void> {
    Outcome<std::string> message = co_await stream.read_message<std::string>(decode_netstring, 1024, 5s);
    if (!message) failure = message.error();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->code, ErrorCode::decode_failed);
  EXPECT_NE(failure->message.find("at byte 5: expected ','"), std::string::npos) << failure->message;
}

TEST(StreamDecoder, AMessageNeedingMoreThanTheCapIsMessageTooLarge) {
  asio::io_context io;
  tcp::acceptor acceptor(io, loopback());
  serve_chunks(io, acceptor, {"100000:aaaa"});
  std::optional<Error> failure;
  StreamStats stats;
  with_client(io, acceptor, [&](Stream& stream) -> awaitable<void> {
    Outcome<std::string> message = co_await stream.read_message<std::string>(decode_netstring, 1000, 5s);
    if (!message) failure = message.error();
    stats = stream.stats();
  });
  ASSERT_TRUE(run_until_idle(io));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->code, ErrorCode::message_too_large);
  EXPECT_LE(stats.peak_buffered, 1000u);
}

}  // namespace
}  // namespace conformance::net
