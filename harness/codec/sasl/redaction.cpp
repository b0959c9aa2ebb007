#include "harness/codec/sasl/redaction.hpp"

#include "harness/codec/common/base64.hpp"
#include "harness/codec/sasl/wire.hpp"

namespace conformance::codec::sasl {
namespace {

Redacted clear(std::string_view message) { return Redacted{false, std::string(message)}; }
Redacted whole() { return Redacted{true, std::string(kRedactedMarker)}; }

// PLAIN: authzid NUL authcid NUL <redacted>
Redacted redact_plain(std::string_view message) {
  const std::size_t first = message.find('\0');
  if (first == std::string_view::npos) return whole();
  const std::size_t second = message.find('\0', first + 1);
  if (second == std::string_view::npos) return whole();
  return Redacted{true, std::string(message.substr(0, second + 1)) + std::string(kRedactedMarker)};
}

// CRAM-MD5: user SP <redacted>
Redacted redact_cram_md5(std::string_view message) {
  const std::size_t space = message.rfind(' ');
  if (space == std::string_view::npos) return whole();
  return Redacted{true, std::string(message.substr(0, space + 1)) + std::string(kRedactedMarker)};
}

// SCRAM client-final: everything up to ",p=" then <redacted>.
Redacted redact_scram_final(std::string_view message) {
  const std::size_t proof = message.rfind(",p=");
  if (proof == std::string_view::npos) return whole();
  return Redacted{true, std::string(message.substr(0, proof + 3)) + std::string(kRedactedMarker)};
}

// XOAUTH2 and OAUTHBEARER: every ^A-separated "auth=" pair keeps its
// scheme and loses its token.
Redacted redact_auth_pairs(std::string_view message) {
  std::string out;
  bool found = false;
  std::size_t at = 0;
  while (at <= message.size()) {
    std::size_t end = message.find('\x01', at);
    if (end == std::string_view::npos) end = message.size();
    std::string_view part = message.substr(at, end - at);
    if (part.substr(0, 5) == "auth=") {
      found = true;
      const std::size_t space = part.find(' ');
      out += space == std::string_view::npos ? std::string("auth=") : std::string(part.substr(0, space + 1));
      out += kRedactedMarker;
    } else {
      out += part;
    }
    if (end == message.size()) break;
    out.push_back('\x01');
    at = end + 1;
  }
  if (!found) return whole();
  return Redacted{true, std::move(out)};
}

Redacted redact_client(Mechanism mechanism, std::size_t step, std::string_view message) {
  switch (mechanism) {
    case Mechanism::plain:
      return redact_plain(message);
    case Mechanism::login:
      // The user name, then the password.
      return step == 0 ? clear(message) : whole();
    case Mechanism::cram_md5:
      return redact_cram_md5(message);
    case Mechanism::scram_sha_1:
    case Mechanism::scram_sha_1_plus:
    case Mechanism::scram_sha_256:
    case Mechanism::scram_sha_256_plus:
      if (step == 0) return clear(message);  // client-first: user name and nonce
      if (step == 1) return redact_scram_final(message);
      return message.empty() ? clear(message) : whole();
    case Mechanism::xoauth2:
    case Mechanism::oauthbearer:
      // After the token, only the empty or ^A answer to an error challenge.
      if (step > 0 && (message.empty() || message == "\x01")) return clear(message);
      return redact_auth_pairs(message);
    case Mechanism::external:
      return clear(message);
  }
  return whole();
}

}  // namespace

Redacted redact(Mechanism mechanism, Direction direction, std::size_t step, std::string_view message) {
  if (direction == Direction::server_to_client) return clear(message);
  return redact_client(mechanism, step, message);
}

Redacted redact(std::string_view mechanism_name, Direction direction, std::size_t step, std::string_view message) {
  if (direction == Direction::server_to_client) return clear(message);
  const auto mechanism = mechanism_from_name(mechanism_name);
  if (!mechanism) return whole();
  return redact_client(*mechanism, step, message);
}

Redacted redact_wire_line(std::string_view mechanism_name, Direction direction, std::size_t step,
                          std::string_view line) {
  if (direction == Direction::client_to_server && (line == kCancelLine || line == kEmptyInitialResponse))
    return clear(line);
  auto decoded = base64_decode(line);
  if (!decoded) return direction == Direction::server_to_client ? clear(line) : whole();
  return redact(mechanism_name, direction, step, *decoded);
}

std::string escape_for_transcript(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size());
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '\\') {
      out += "\\\\";
    } else if (b == 0) {
      out += "\\0";
    } else if (b >= 0x20 && b < 0x7F) {
      out.push_back(c);
    } else {
      out += "\\x";
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0x0F]);
    }
  }
  return out;
}

}  // namespace conformance::codec::sasl
