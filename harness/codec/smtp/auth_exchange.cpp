#include "harness/codec/smtp/auth_exchange.hpp"

#include "harness/codec/common/base64.hpp"
#include "harness/codec/common/line.hpp"

namespace conformance::codec::smtp {

Reply make_auth_challenge(std::string_view challenge) {
  return Reply::single(reply_code::auth_challenge, base64_encode(challenge));
}

Result<std::string> decode_auth_challenge(const Reply& reply) {
  if (reply.code != reply_code::auth_challenge) return ParseError{0, "reply code 334 (RFC 4954 §4)"};
  if (reply.lines.size() != 1) return ParseError{0, "a one-line 334 reply"};
  return base64_decode(reply.lines.front());
}

Result<AuthResponse> parse_auth_response_line(std::string_view line) {
  if (line == "*") return AuthResponse{true, {}};
  auto data = base64_decode(line);
  if (!data) return data.error();
  return AuthResponse{false, std::move(*data)};
}

Step<AuthResponse> parse_auth_response(std::string_view buffer, std::size_t max_line_length) {
  const LineScan scan = scan_line(buffer, max_line_length);
  if (scan.status == LineScan::Status::incomplete) return Step<AuthResponse>::need_more();
  if (scan.status == LineScan::Status::too_long)
    return Step<AuthResponse>::fail(
        ParseError{0, "AUTH response line of at most " + std::to_string(max_line_length) + " octets"});
  auto parsed = parse_auth_response_line(buffer.substr(0, scan.content_length));
  if (!parsed) return Step<AuthResponse>::fail(parsed.error());
  return Step<AuthResponse>::done(std::move(*parsed), scan.total_length());
}

std::string serialize_auth_response(const AuthResponse& response) {
  if (response.cancelled) return "*\r\n";
  return base64_encode(response.data) + "\r\n";
}

}  // namespace conformance::codec::smtp
