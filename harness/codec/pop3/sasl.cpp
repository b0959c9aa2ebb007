#include "harness/codec/pop3/sasl.hpp"

#include <utility>

#include "harness/codec/common/base64.hpp"

namespace conformance::codec::pop3 {

Result<SaslResponse> parse_sasl_response(std::string_view line) {
  if (line == "*") return SaslResponse{true, {}};
  auto decoded = base64_decode(line);
  if (!decoded) return decoded.error();
  return SaslResponse{false, std::move(*decoded)};
}

Step<SaslResponse> decode_sasl_response(std::string_view buffer, const SaslLimits& limits) {
  const LineScan scan = scan_line(buffer, limits.max_line_length, limits.ending);
  if (scan.status == LineScan::Status::incomplete) return Step<SaslResponse>::need_more();
  if (scan.status == LineScan::Status::too_long)
    return Step<SaslResponse>::fail(
        ParseError{limits.max_line_length >= 2 ? limits.max_line_length - 2 : 0,
                   "CRLF ending a SASL response of at most " + std::to_string(limits.max_line_length) + " octets"});
  auto response = parse_sasl_response(buffer.substr(0, scan.content_length));
  if (!response) return Step<SaslResponse>::fail(response.error());
  return Step<SaslResponse>::done(std::move(*response), scan.total_length());
}

std::string serialize(const SaslResponse& response) {
  if (response.cancel) return "*\r\n";
  return base64_encode(response.data) + "\r\n";
}

}  // namespace conformance::codec::pop3
