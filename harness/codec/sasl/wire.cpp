#include "harness/codec/sasl/wire.hpp"

#include "harness/codec/common/base64.hpp"

namespace conformance::codec::sasl {

std::string encode_initial_response(std::string_view bytes) {
  return bytes.empty() ? std::string(kEmptyInitialResponse) : base64_encode(bytes);
}

Result<std::string> decode_initial_response(std::string_view text) {
  if (text == kEmptyInitialResponse) return std::string();
  // "" cannot be an initial response: the protocol would not have sent the argument.
  if (text.empty()) return ParseError{0, "base64 initial response or '='"};
  return base64_decode(text);
}

std::string encode_response(std::string_view bytes) { return base64_encode(bytes); }

std::string encode_client_line(const ClientLine& line) {
  return line.cancelled ? std::string(kCancelLine) : base64_encode(line.data);
}

Result<ClientLine> decode_client_line(std::string_view text) {
  if (text == kCancelLine) return ClientLine{true, {}};
  auto data = base64_decode(text);
  if (!data) return data.error();
  return ClientLine{false, std::move(*data)};
}

std::string encode_challenge(std::string_view bytes) { return base64_encode(bytes); }

Result<std::string> decode_challenge(std::string_view text) { return base64_decode(text); }

}  // namespace conformance::codec::sasl
