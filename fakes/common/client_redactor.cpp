#include "fakes/common/client_redactor.hpp"

namespace conformance::fakes {

std::string redacted_line(std::string_view line) {
  std::string out = "<redacted>";
  if (line.ends_with("\r\n")) out += "\r\n";
  else if (line.ends_with("\n")) out += "\n";
  return out;
}

std::shared_ptr<ClientRedactor> ClientRedactor::install(const std::shared_ptr<net::Transcript>& transcript,
                                                        Classifier classify) {
  auto redactor = std::make_shared<ClientRedactor>();
  redactor->classify_ = std::move(classify);
  if (transcript) {
    // The transcript outlives no session that could still be redacting, but
    // a weak reference keeps the two lifetimes independent anyway.
    std::weak_ptr<ClientRedactor> weak = redactor;
    transcript->set_redactor([weak](net::Direction direction, std::string_view bytes) -> std::optional<std::string> {
      auto self = weak.lock();
      if (!self) return std::nullopt;
      return self->redact(direction, bytes);
    });
  }
  return redactor;
}

std::optional<std::string> ClientRedactor::redact(net::Direction direction, std::string_view bytes) {
  if (direction != net::Direction::client_to_server) return std::nullopt;
  if (secret_lines_ > 0) {
    --secret_lines_;
    // "*" cancels an exchange and carries nothing secret.
    if (bytes == "*\r\n") return std::nullopt;
    return redacted_line(bytes);
  }
  return classify_ ? classify_(bytes) : std::nullopt;
}

}  // namespace conformance::fakes
