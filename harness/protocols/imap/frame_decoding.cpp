#include "harness/protocols/imap/frame_decoding.hpp"

namespace conformance::protocols::imap {

namespace ci = codec::imap;

Expected<Received, std::string> decode_frame(std::string frame, std::vector<Violation>& tolerated) {
  auto strict = ci::parse_response(frame);
  if (strict) return Received{std::move(strict.value()), std::move(frame)};
  ci::ParseOptions lenient;
  lenient.lenient = true;
  std::vector<ci::Leniency> leniencies;
  auto relaxed = ci::parse_response(frame, lenient, &leniencies);
  if (!relaxed) {
    return std::string("malformed response (") + strict.error().message() + "): " + one_line(frame, 200);
  }
  for (const auto& leniency : leniencies) {
    tolerated.push_back(Violation{"RFC 9051 §9", "response breaks the grammar at byte " +
                                                     std::to_string(leniency.offset) + " (" + leniency.what +
                                                     "): " + one_line(frame, 200)});
  }
  return Received{std::move(relaxed.value()), std::move(frame)};
}

}  // namespace conformance::protocols::imap
