#include "harness/protocols/imap/response_reader.hpp"

#include "harness/codec/imap/framer.hpp"

namespace conformance::protocols::imap {

namespace ci = codec::imap;

net::awaitable<net::Outcome<Received>> read_response(net::Stream& stream, const engine::Limits& limits,
                                                     net::Duration timeout, std::vector<Violation>& tolerated) {
  ci::FrameLimits frame_limits;
  frame_limits.max_line_length = limits.max_line;
  frame_limits.max_literal_size = limits.max_literal;
  frame_limits.max_frame_size = 2 * limits.max_literal + limits.max_line;
  ci::FrameScanner scanner(frame_limits);
  std::string frame;
  auto decoder = [&scanner, &frame, &limits](std::string_view buffered) -> net::DecodeProgress {
    codec::Step<ci::Frame> step = scanner.scan(buffered);
    if (step.complete()) {
      frame.assign(buffered.substr(0, step.consumed()));
      return net::DecodeProgress::done(step.consumed());
    }
    if (step.needs_more()) return net::DecodeProgress::need_more(step.more_needed());
    return net::DecodeProgress::failed("cannot frame the response (line cap " + std::to_string(limits.max_line) +
                                       " bytes, literal cap " + std::to_string(limits.max_literal) +
                                       " bytes): " + step.error().message());
  };
  auto consumed = co_await stream.read_decoded(decoder, frame_limits.max_frame_size, timeout);
  if (!consumed) co_return consumed.error();
  auto decoded = decode_frame(std::move(frame), tolerated);
  if (!decoded) co_return net::Error{net::ErrorCode::decode_failed, decoded.error()};
  co_return std::move(decoded.value());
}

}  // namespace conformance::protocols::imap
